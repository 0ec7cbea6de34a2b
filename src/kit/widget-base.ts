import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { EbokApiElement } from '../core/api-element.js';
import { statusStyles } from '../core/status.js';
import { EbokNavigateEvent } from '../core/events.js';
import { noticeStyles } from './notice.styles.js';
import { deepActiveElement } from '../controllers/focus.js';

/** Nothing is focused but `element` itself or a host around it (its focused child was removed). */
function focusIsNowhere(element: Element): boolean {
  const active = deepActiveElement();
  if (!active) return true;
  for (let node: Node | null = element; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node === active) return true;
  }
  return false;
}

export interface HeadingOptions {
  id?: string;
  /** Focus can be moved here by script (a new step's title). */
  focusable?: boolean;
}

/**
 * The base of every widget that talks to the API: the heading at the level the page asks for, where
 * "Log in" leads, and links that fire a cancelable `ebok-navigate` before the browser follows them.
 * Without the API client: a widget that draws its first frame before its client arrives (the balance tile)
 * extends this; every other widget extends `EbokWidget` (./widget.ts), which has its client from the start.
 */
export class EbokWidgetBase extends EbokApiElement {
  static override styles = [EbokApiElement.styles, statusStyles, noticeStyles];

  /** Heading level of the widget's title (2–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Where "Log in" leads (a page with `<ebok-login>`); also fires `ebok-navigate` with `target: 'login'`. */
  @property({ attribute: 'login-href' }) loginHref?: string;

  /** The heading level, kept to 2–6 whatever the attribute says. */
  protected get level(): number {
    return Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
  }

  /** The widget's title as `role="heading"` at `heading-level`, `part="heading"`. */
  protected heading(text: string, options: HeadingOptions = {}): TemplateResult {
    return html`<div
      class="title"
      part="heading"
      role="heading"
      aria-level=${this.level}
      id=${ifDefined(options.id)}
      tabindex=${ifDefined(options.focusable ? '-1' : undefined)}
    >
      ${text}
    </div>`;
  }

  /**
   * Moves focus to the widget's heading (a login that hides itself hands focus to the page's next widget
   * this way). True when there was a heading to focus.
   */
  focusHeading(): boolean {
    const heading = this.renderRoot.querySelector<HTMLElement>('[part="heading"]');
    if (!heading) return false;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus();
    this.headingFocus = { element: heading, until: Date.now() + 10_000 };
    return true;
  }

  /** A heading given focus by `focusHeading()`, kept focused while the widget settles (loading → loaded). */
  private headingFocus: { element: HTMLElement; until: number } | undefined;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const kept = this.headingFocus;
    if (!kept || kept.element.isConnected) return;
    this.headingFocus = undefined;
    // The state changed and re-rendered the heading: if focus was left nowhere (on the page, or on this
    // widget or a widget around it with nothing focused inside), put it on the new heading.
    if (Date.now() > kept.until || !focusIsNowhere(this)) return;
    this.focusHeading();
  }

  /**
   * A link inside the widget was followed: fires `ebok-navigate` (`target`, `href`, `params`). The browser
   * follows `href` unless the host cancelled the event (a single-page app routing itself); without an
   * `href` nothing else happens. Returns whether the host let it proceed.
   */
  protected navigate(event: Event | undefined, target: string, href?: string, params?: Record<string, string>): boolean {
    const proceed = this.emit(new EbokNavigateEvent({ target, ...(href ? { href } : {}), ...(params ? { params } : {}) }));
    if ((!proceed || !href) && event) event.preventDefault();
    return proceed;
  }

  /** "Log in" as a link (or a button-like link) to `login-href`, firing `ebok-navigate` (`target: 'login'`). */
  protected loginLink(text: string, look: 'button' | 'link' = 'button'): TemplateResult {
    return html`<a class=${look} part="login" href=${this.loginHref ?? '#'} @click=${(event: MouseEvent) => this.navigate(event, 'login', this.loginHref)}
      >${text}</a
    >`;
  }
}
