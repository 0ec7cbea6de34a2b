import { LitElement, css, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { tokens as t } from '../theme/tokens.js';
import { themeHostStyles, type ThemeName } from '../theme/presets.js';
import { localeManager, currentLocale, type Locale } from '../i18n/locale.js';
import type { EbokEvent } from './events.js';

/**
 * The isolation every ebok element starts from (README "Look and brand" says what it guarantees).
 *
 * A CMS page's CSS reaches into a widget two ways: rules that match the host element itself (`* { … }`,
 * `div > *`, even with `!important`), which beat any normal `:host` rule; and inherited properties, which
 * cross the shadow boundary. So the reset sits on `.base`, each widget's outer wrapper (`part="base"`), an
 * element no page rule can match: `all: initial` takes every property back to its initial value, inherited
 * ones included (also those nobody thought of: `-webkit-text-fill-color`, `-webkit-text-security`, `tab-size`…),
 * and the declarations after it set the widget's own. `all` leaves custom properties alone, so the `--ebok-*`
 * tokens still reach in, and `::part(base)` still styles the wrapper when an integrator means to.
 *
 * - Kept from the page on purpose: `visibility`, `pointer-events` and `interactivity` (a page that hides or
 *   disables a region, a closed tab or an inert drawer, hides and disables the widget in it too) and the
 *   language (`-webkit-locale`, from `lang`).
 * - Direction comes from the `dir` attribute (on the widget or any element around it, `:dir()`), never from a
 *   page rule's `direction`.
 * - `color-scheme` is light unless `--ebok-color-scheme` asks otherwise, so a dark page does not give the
 *   fields, checkboxes and scrollbars of a light widget their dark look.
 * - Text decorations are not inherited but drawn through every in-flow descendant, across shadow roots; only
 *   an atomic inline stops them. So `.base` is an inline-block filling the host (a widget that lays it out
 *   uses `inline-grid` or `inline-flex`). The host's own line box would then shape it (a strut as tall as the
 *   page's line height, or placed by the page's font size and font, the page's `text-indent` and
 *   `text-align`): the host pins those (line height and font size 0) with `!important`,
 *   which from inside the shadow root beats even a page's `!important`. Not on `<ebok-provider>`: it draws
 *   nothing, and what it wraps is the page's own content.
 * - An element that renders something at the top of its shadow root besides `.base` (a kit's test element,
 *   `<ebok-dialog>`'s `<dialog>`) gets the widget's font, size, line height and colour there, as it got them
 *   from the host before, but not the full reset: widgets render inside `.base`.
 *
 * The host's own box (its display, margin, padding, border, width) is the page's to style; `[hidden]` always
 * hides, whatever `display` the widget sets.
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  :host(:not(ebok-provider)) {
    line-height: 0 !important;
    font-size: 0 !important;
    text-indent: 0 !important;
    text-align: left !important;
    text-align-last: auto !important;
  }
  :host(:not(ebok-provider):dir(rtl)) {
    text-align: right !important;
  }
  :host > :where(:not(slot)) {
    box-sizing: border-box;
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
    white-space: normal;
  }
  .base {
    all: initial;
    /* Holds what is positioned inside (the hidden live regions), so no page layout outside moves it. */
    position: relative;
    display: inline-block;
    vertical-align: top;
    inline-size: 100%;
    box-sizing: border-box;
    direction: ltr;
    visibility: inherit;
    pointer-events: inherit;
    interactivity: inherit;
    -webkit-locale: inherit;
    color-scheme: ${t.colorScheme};
    font-family: ${t.fontFamily};
    font-size: ${t.fontSize};
    line-height: ${t.lineHeight};
    font-weight: ${t.fontWeightNormal};
    color: ${t.colorText};
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
  }
  .base:dir(rtl) {
    direction: rtl;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
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
