import { css, html } from 'lit';
import { EbokElement } from '../../src/core/ebok-element.js';
import { safeDefine } from '../../src/core/define.js';
import { tokens as t } from '../../src/theme/tokens.js';
import { formatMoney, formatDate } from '../../src/i18n/format.js';
import { formatQuantity } from '../../src/i18n/units.js';

const SWATCHES = [
  ['--ebok-color-primary', 'primary'],
  ['--ebok-color-on-primary', 'on-primary'],
  ['--ebok-color-text', 'text'],
  ['--ebok-color-text-muted', 'muted'],
  ['--ebok-color-surface-alt', 'surface-alt'],
  ['--ebok-color-border', 'border'],
  ['--ebok-color-focus-ring', 'focus'],
  ['--ebok-color-danger', 'danger'],
  ['--ebok-color-success', 'success'],
  ['--ebok-color-warning', 'warning'],
  ['--ebok-color-balance-overdue', 'overdue'],
  ['--ebok-color-balance-overpaid', 'overpaid'],
  ['--ebok-color-balance-due', 'due'],
  ['--ebok-color-balance-settled', 'settled'],
] as const;

/** The design tokens as a designer reviews them: colours, type scale and formatting, in the current preset. */
export class EbokTokenBoard extends EbokElement {
  static override styles = [
    EbokElement.styles,
    css`
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: ${t.spaceM}; }
      .swatch { border: ${t.borderWidth} solid ${t.colorBorderSubtle}; border-radius: ${t.radius}; overflow: hidden; }
      .chip { block-size: 3rem; }
      .name { padding: ${t.spaceS}; font-size: ${t.fontSizeSmall}; overflow-wrap: anywhere; }
      .primary { background: ${t.colorPrimary}; }
      .on-primary { background: ${t.colorOnPrimary}; }
      .text { background: ${t.colorText}; }
      .muted { background: ${t.colorTextMuted}; }
      .surface-alt { background: ${t.colorSurfaceAlt}; }
      .border { background: ${t.colorBorder}; }
      .focus { background: ${t.colorFocusRing}; }
      .danger { background: ${t.colorDanger}; }
      .success { background: ${t.colorSuccess}; }
      .warning { background: ${t.colorWarning}; }
      .overdue { background: ${t.colorBalanceOverdue}; }
      .overpaid { background: ${t.colorBalanceOverpaid}; }
      .due { background: ${t.colorBalanceDue}; }
      .settled { background: ${t.colorBalanceSettled}; }
      .type p { margin: ${t.spaceS} 0; }
      .small { font-size: ${t.fontSizeSmall}; }
      .large { font-size: ${t.fontSizeLarge}; }
      .xlarge { font-size: ${t.fontSizeXLarge}; font-weight: ${t.fontWeightBold}; }
      h2 { font-size: ${t.fontSizeLarge}; margin: ${t.spaceL} 0 ${t.spaceS}; }
    `,
  ];

  override render() {
    return html`<div class="base" part="base">
      <h2>Colours</h2>
      <div class="grid">
        ${SWATCHES.map(
          ([name, cls]) => html`<div class="swatch"><div class="chip ${cls}"></div><div class="name">${name}</div></div>`,
        )}
      </div>
      <h2>Type scale</h2>
      <div class="type">
        <p class="xlarge">${formatMoney('1234.56')} (--ebok-font-size-xlarge)</p>
        <p class="large">--ebok-font-size-large</p>
        <p>--ebok-font-size: ${formatDate('2026-03-15', { style: 'long' })}, ${formatQuantity('1234.5', 'kWh')}</p>
        <p class="small">--ebok-font-size-small: ${formatQuantity('12.345', 'm3')}</p>
      </div>
    </div>`;
  }
}
safeDefine('ebok-token-board', EbokTokenBoard);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-token-board': EbokTokenBoard;
  }
}
