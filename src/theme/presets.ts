import { css } from 'lit';

/** The utility presets. `energy` is also what the token defaults are. */
export const THEMES = ['energy', 'gas', 'water'] as const;
export type ThemeName = (typeof THEMES)[number];

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/**
 * The declarations of each preset, as one block of `--ebok-preset-*` custom properties.
 * Used twice: in `:host([theme=…])` of every widget and provider (see ../core/ebok-element.ts),
 * and, at build time, written to `dist/themes/<name>.css` for pages that prefer a stylesheet.
 * Every pair used for text is at least 4.5:1 (checked by test/theme/tokens.test.ts).
 */
export const presetDeclarations = {
  energy: css`
    --ebok-preset-color-primary: #0a4f8f;
    --ebok-preset-color-primary-hover: #083c6d;
    --ebok-preset-color-on-primary: #ffffff;
    --ebok-preset-color-accent: #f2a900;
    --ebok-preset-color-surface-alt: #f1f4f8;
    --ebok-preset-color-focus-ring: #1a5fb4;
    --ebok-preset-color-balance-overdue: #b3261e;
    --ebok-preset-color-balance-overdue-bg: #fdecea;
    --ebok-preset-color-balance-due: #b3261e;
    --ebok-preset-color-balance-due-bg: #fdecea;
    --ebok-preset-color-balance-overpaid: #0b5394;
    --ebok-preset-color-balance-overpaid-bg: #e8f0fa;
    --ebok-preset-color-balance-settled: #1e6b34;
    --ebok-preset-color-balance-settled-bg: #e7f4ea;
    --ebok-preset-radius: 8px;
  `,
  gas: css`
    --ebok-preset-color-primary: #8a3b00;
    --ebok-preset-color-primary-hover: #6b2e00;
    --ebok-preset-color-on-primary: #ffffff;
    --ebok-preset-color-accent: #1f6fb2;
    --ebok-preset-color-surface-alt: #fbf3ec;
    --ebok-preset-color-focus-ring: #a14400;
    --ebok-preset-color-balance-overdue: #b3261e;
    --ebok-preset-color-balance-overdue-bg: #fdecea;
    --ebok-preset-color-balance-due: #b3261e;
    --ebok-preset-color-balance-due-bg: #fdecea;
    --ebok-preset-color-balance-overpaid: #0b5394;
    --ebok-preset-color-balance-overpaid-bg: #e8f0fa;
    --ebok-preset-color-balance-settled: #1e6b34;
    --ebok-preset-color-balance-settled-bg: #e7f4ea;
    --ebok-preset-radius: 4px;
  `,
  water: css`
    --ebok-preset-color-primary: #005f73;
    --ebok-preset-color-primary-hover: #00485a;
    --ebok-preset-color-on-primary: #ffffff;
    --ebok-preset-color-accent: #2a9d8f;
    --ebok-preset-color-surface-alt: #eef7f8;
    --ebok-preset-color-focus-ring: #007c91;
    --ebok-preset-color-balance-overdue: #b3261e;
    --ebok-preset-color-balance-overdue-bg: #fdecea;
    --ebok-preset-color-balance-due: #b3261e;
    --ebok-preset-color-balance-due-bg: #fdecea;
    /* shown in green, as "nothing to pay" is at one real portal (seed 004); a preset choice, not a rule */
    --ebok-preset-color-balance-overpaid: #1e6b34;
    --ebok-preset-color-balance-overpaid-bg: #e7f4ea;
    --ebok-preset-color-balance-settled: #1e6b34;
    --ebok-preset-color-balance-settled-bg: #e7f4ea;
    --ebok-preset-radius: 12px;
  `,
} satisfies Record<ThemeName, ReturnType<typeof css>>;

/** `:host([theme=…])` rules for every preset, plus the large-text mode and reduced motion. */
export const themeHostStyles = css`
  :host([theme='energy']) {
    ${presetDeclarations.energy}
  }
  :host([theme='gas']) {
    ${presetDeclarations.gas}
  }
  :host([theme='water']) {
    ${presetDeclarations.water}
  }
  :host([text-size='large']) {
    --ebok-font-scale: 1.25;
  }
  :host([text-size='normal']) {
    --ebok-font-scale: 1;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --ebok-motion-duration: 0ms;
    }
  }
`;
