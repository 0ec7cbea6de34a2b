import { css, type CSSResult } from 'lit';

/**
 * Design tokens. Every widget reads its look from these, never from literals.
 *
 * Each token resolves in three layers, first match wins:
 *  1. `--ebok-*` set by the integrator anywhere above the widget (`:root`, a CMS block, the element);
 *  2. `--ebok-preset-*` set by a theme preset (`theme="gas"` on a widget or `<ebok-provider>`, or a
 *     preset stylesheet from `ebok-widgets/themes/*.css`);
 *  3. the default below (the `energy` preset).
 * So a brand colour set on `:root` always beats a preset, and a preset always beats the defaults.
 *
 * Font sizes use `max(px, rem)`: a CMS page that sets `html { font-size: 62.5% }` changes nothing (the px
 * floor wins), and a customer who raised the browser's default font size (which reaches a page only through
 * `rem`) still gets larger text. The base size never drops below 17 px, also when `--ebok-font-size` asks for
 * less. `--ebok-font-scale` (1, or 1.25 with `text-size="large"`) scales all of them. Every other length that
 * should follow the text is in `em` of the widget's own font (widths, container queries), never in `rem`, which
 * the page controls; spacing, borders and targets stay in px, which no page CSS changes.
 */
export const tokens = {
  // colours: brand
  colorPrimary: css`var(--ebok-color-primary, var(--ebok-preset-color-primary, #0a4f8f))`,
  colorPrimaryHover: css`var(--ebok-color-primary-hover, var(--ebok-preset-color-primary-hover, #083c6d))`,
  colorOnPrimary: css`var(--ebok-color-on-primary, var(--ebok-preset-color-on-primary, #ffffff))`,
  colorAccent: css`var(--ebok-color-accent, var(--ebok-preset-color-accent, #f2a900))`,
  // colours: text and surfaces
  colorText: css`var(--ebok-color-text, #1a1d21)`,
  colorTextMuted: css`var(--ebok-color-text-muted, #4f5660)`,
  colorSurface: css`var(--ebok-color-surface, #ffffff)`,
  colorSurfaceAlt: css`var(--ebok-color-surface-alt, var(--ebok-preset-color-surface-alt, #f1f4f8))`,
  colorBorder: css`var(--ebok-color-border, #767d87)`,
  colorBorderSubtle: css`var(--ebok-color-border-subtle, #d5dae1)`,
  // colours: feedback
  colorDanger: css`var(--ebok-color-danger, #b3261e)`,
  colorDangerBg: css`var(--ebok-color-danger-bg, #fdecea)`,
  colorSuccess: css`var(--ebok-color-success, #1e6b34)`,
  colorSuccessBg: css`var(--ebok-color-success-bg, #e7f4ea)`,
  colorWarning: css`var(--ebok-color-warning, #7a4d00)`,
  colorWarningBg: css`var(--ebok-color-warning-bg, #fff4dc)`,
  colorInfo: css`var(--ebok-color-info, #0b5394)`,
  colorInfoBg: css`var(--ebok-color-info-bg, #e8f0fa)`,
  // colours: the balance tones (DOMAIN.md "Balance colours": red overdue, red due, blue overpaid, green
  // settled); a utility may show overpayment in green (--ebok-color-balance-overpaid) or an amount not yet
  // due in a calmer tone (--ebok-color-balance-due). `--ebok-color-balance-ok*` (before `settled`) is still
  // read, deprecated, for one release.
  colorBalanceOverdue: css`var(--ebok-color-balance-overdue, var(--ebok-preset-color-balance-overdue, #b3261e))`,
  colorBalanceOverdueBg: css`var(--ebok-color-balance-overdue-bg, var(--ebok-preset-color-balance-overdue-bg, #fdecea))`,
  colorBalanceOverpaid: css`var(--ebok-color-balance-overpaid, var(--ebok-preset-color-balance-overpaid, #0b5394))`,
  colorBalanceOverpaidBg: css`var(--ebok-color-balance-overpaid-bg, var(--ebok-preset-color-balance-overpaid-bg, #e8f0fa))`,
  colorBalanceDue: css`var(--ebok-color-balance-due, var(--ebok-preset-color-balance-due, #b3261e))`,
  colorBalanceDueBg: css`var(--ebok-color-balance-due-bg, var(--ebok-preset-color-balance-due-bg, #fdecea))`,
  colorBalanceSettled: css`var(--ebok-color-balance-settled, var(--ebok-color-balance-ok, var(--ebok-preset-color-balance-settled, #1e6b34)))`,
  colorBalanceSettledBg: css`var(--ebok-color-balance-settled-bg, var(--ebok-color-balance-ok-bg, var(--ebok-preset-color-balance-settled-bg, #e7f4ea)))`,
  // focus
  colorFocusRing: css`var(--ebok-color-focus-ring, var(--ebok-preset-color-focus-ring, #1a5fb4))`,
  focusRingWidth: css`var(--ebok-focus-ring-width, 3px)`,
  focusRingOffset: css`var(--ebok-focus-ring-offset, 2px)`,
  // typography
  fontFamily: css`var(--ebok-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif)`,
  fontScale: css`var(--ebok-font-scale, 1)`,
  fontSize: css`calc(max(17px, var(--ebok-font-size, 1.0625rem)) * var(--ebok-font-scale, 1))`,
  fontSizeSmall: css`calc(var(--ebok-font-size-small, max(15px, 0.9375rem)) * var(--ebok-font-scale, 1))`,
  fontSizeLarge: css`calc(var(--ebok-font-size-large, max(20px, 1.25rem)) * var(--ebok-font-scale, 1))`,
  fontSizeXLarge: css`calc(var(--ebok-font-size-xlarge, max(28px, 1.75rem)) * var(--ebok-font-scale, 1))`,
  lineHeight: css`var(--ebok-line-height, 1.5)`,
  fontWeightNormal: css`var(--ebok-font-weight-normal, 400)`,
  fontWeightBold: css`var(--ebok-font-weight-bold, 650)`,
  // colour scheme of the native parts (fields, checkboxes, scrollbars): light, whatever the page's
  colorScheme: css`var(--ebok-color-scheme, var(--ebok-preset-color-scheme, light))`,
  // spacing
  space2xs: css`var(--ebok-space-2xs, 2px)`,
  spaceXs: css`var(--ebok-space-xs, 4px)`,
  spaceS: css`var(--ebok-space-s, 8px)`,
  spaceM: css`var(--ebok-space-m, 16px)`,
  spaceL: css`var(--ebok-space-l, 24px)`,
  spaceXl: css`var(--ebok-space-xl, 32px)`,
  // shape
  radius: css`var(--ebok-radius, var(--ebok-preset-radius, 8px))`,
  radiusSmall: css`var(--ebok-radius-small, 4px)`,
  borderWidth: css`var(--ebok-border-width, 1px)`,
  shadow: css`var(--ebok-shadow, 0 1px 3px rgb(0 0 0 / 0.16))`,
  // interaction: 44px targets are above WCAG 2.2's 24px minimum, sized for older customers' fingers
  targetSize: css`var(--ebok-target-size, 44px)`,
  motionDuration: css`var(--ebok-motion-duration, 150ms)`,
} satisfies Record<string, CSSResult>;

export type TokenName = keyof typeof tokens;
