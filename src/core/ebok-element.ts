import { LitElement, css, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { tokens as t } from '../theme/tokens.js';
import { themeHostStyles, type ThemeName } from '../theme/presets.js';
import { localeManager, currentLocale, type Locale } from '../i18n/locale.js';
import type { EbokEvent } from './events.js';

/**
 * The host reset every ebok element starts from.
 * `:host` pins the inherited text properties from the tokens, so a CMS theme's `body { ... }` does not
 * leak into the widget; `.base` (each widget's outer wrapper, `part="base"`) pins them again, because a
 * host-page rule that matches the element itself (`* { color: … }`, `div ebok-x`) outranks `:host`.
 * `[hidden]` always hides, whatever `display` the widget sets.
 */
const pinnedText = css`
    font-family: ${t.fontFamily};
    font-size: ${t.fontSize};
    line-height: ${t.lineHeight};
    color: ${t.colorText};
    font-weight: ${t.fontWeightNormal};
    font-style: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
`;

export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    ${pinnedText}    white-space: normal;
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .base {
    ${pinnedText}
  }
  :focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

/**
 * The base of every ebok element.
 *
 * - Renders in the page's widget language and re-renders when it changes (see i18n/locale.ts).
 * - `theme` picks a utility preset; `text-size="large"` scales every font for older customers.
 * - `emit()` dispatches only the typed events of core/events.ts.
 *
 * @attr lang - Language of the widgets (`pl` or `en`); else the nearest `lang` around, else `<html lang>`, else Polish.
 *   All widgets on a page speak one language: setting it here switches every one.
 * @cssprop --ebok-font-family - Font stack of all text.
 * @cssprop --ebok-font-size - Base font size (default `max(17px, 1.0625rem)`).
 * @cssprop --ebok-font-scale - Multiplies every font size (1.25 with `text-size="large"`).
 * @cssprop --ebok-color-primary - Brand colour of buttons and links.
 * @cssprop --ebok-color-text - Text colour.
 * @cssprop --ebok-color-focus-ring - Colour of the keyboard focus ring.
 */
export class EbokElement extends LitElement {
  static override styles: CSSResultGroup = [hostStyles, themeHostStyles];

  /** Utility preset: `energy` (default look), `gas` or `water`. Inherited from an `<ebok-provider theme>`. */
  @property({ reflect: true }) theme?: ThemeName;

  /** `large` scales all text by 1.25 for customers who need bigger type. */
  @property({ attribute: 'text-size', reflect: true }) textSize?: 'normal' | 'large';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The language this element renders in now. */
  protected get locale(): Locale {
    return currentLocale();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    localeManager.connect(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    localeManager.disconnect(this);
  }

  private hiddenBySelf = false;

  /**
   * Hides or shows the element for its own reasons (signed out, already logged in…) without ever undoing a
   * `hidden` the host page set itself.
   */
  protected hideSelf(hide: boolean): void {
    if (hide && !this.hidden) {
      this.hidden = true;
      this.hiddenBySelf = true;
    } else if (!hide && this.hiddenBySelf) {
      this.hidden = false;
      this.hiddenBySelf = false;
    }
  }

  /** Dispatches one of the library's typed events from this element; returns false when the host cancelled it. */
  protected emit(event: EbokEvent<unknown>): boolean {
    return this.dispatchEvent(event);
  }
}
