import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css, html as litHtml } from 'lit';
import { tokens as t } from '../../src/theme/tokens.js';
import { THEMES } from '../../src/theme/presets.js';
import { EbokElement } from '../../src/core/ebok-element.js';
import { contrast, shadow } from '../helpers/dom.js';

/** Text/background pairs as widgets use them; each must reach 4.5:1 (WCAG 1.4.3), in every preset. */
const TEXT_PAIRS = [
  ['text', 'surface'],
  ['text', 'surface-alt'],
  ['muted', 'surface'],
  ['muted', 'surface-alt'],
  ['on-primary', 'primary'],
  ['on-primary', 'primary-hover'],
  ['primary', 'surface'],
  ['primary', 'surface-alt'],
  ['danger', 'danger-bg'],
  ['danger', 'surface'],
  ['success', 'success-bg'],
  ['warning', 'warning-bg'],
  ['info', 'info-bg'],
  ['overdue', 'overdue-bg'],
  ['overdue', 'surface'],
  ['overpaid', 'overpaid-bg'],
  ['overpaid', 'surface'],
  ['due', 'due-bg'],
  ['due', 'surface'],
  ['settled', 'settled-bg'],
  ['settled', 'surface'],
] as const;

/** Non-text contrast (WCAG 1.4.11): focus ring and field borders against the surface, 3:1. */
const UI_PAIRS = [
  ['focus', 'surface'],
  ['focus', 'surface-alt'],
  ['border', 'surface'],
] as const;

class TokenSwatches extends EbokElement {
  static override styles = [
    EbokElement.styles,
    css`
      .text { color: ${t.colorText}; }
      .muted { color: ${t.colorTextMuted}; }
      .surface { color: ${t.colorSurface}; }
      .surface-alt { color: ${t.colorSurfaceAlt}; }
      .primary { color: ${t.colorPrimary}; }
      .primary-hover { color: ${t.colorPrimaryHover}; }
      .on-primary { color: ${t.colorOnPrimary}; }
      .danger { color: ${t.colorDanger}; }
      .danger-bg { color: ${t.colorDangerBg}; }
      .success { color: ${t.colorSuccess}; }
      .success-bg { color: ${t.colorSuccessBg}; }
      .warning { color: ${t.colorWarning}; }
      .warning-bg { color: ${t.colorWarningBg}; }
      .info { color: ${t.colorInfo}; }
      .info-bg { color: ${t.colorInfoBg}; }
      .overdue { color: ${t.colorBalanceOverdue}; }
      .overdue-bg { color: ${t.colorBalanceOverdueBg}; }
      .overpaid { color: ${t.colorBalanceOverpaid}; }
      .overpaid-bg { color: ${t.colorBalanceOverpaidBg}; }
      .due { color: ${t.colorBalanceDue}; }
      .due-bg { color: ${t.colorBalanceDueBg}; }
      .settled { color: ${t.colorBalanceSettled}; }
      .settled-bg { color: ${t.colorBalanceSettledBg}; }
      .focus { color: ${t.colorFocusRing}; }
      .border { color: ${t.colorBorder}; }
    `,
  ];
  override render() {
    const names = new Set([...TEXT_PAIRS, ...UI_PAIRS].flat());
    return litHtml`${[...names].map((name) => litHtml`<span class=${name}></span>`)}`;
  }
}
customElements.define('ebok-token-swatches', TokenSwatches);

const colour = (el: LitElement, name: string) => getComputedStyle(shadow(el, `.${name}`)).color;

describe('design tokens (theme)', () => {
  for (const theme of THEMES) {
    describe(`preset "${theme}"`, () => {
      let el: TokenSwatches;
      beforeEach(async () => {
        el = await fixture<TokenSwatches>(html`<ebok-token-swatches theme=${theme}></ebok-token-swatches>`);
      });

      for (const [fg, bg] of TEXT_PAIRS) {
        it(`has ${fg} text on ${bg} at 4.5:1 or more`, () => {
          const ratio = contrast(colour(el, fg), colour(el, bg));
          expect(ratio, `${fg} on ${bg}: ${ratio.toFixed(2)}`).to.be.at.least(4.5);
        });
      }

      for (const [fg, bg] of UI_PAIRS) {
        it(`has the ${fg} outline on ${bg} at 3:1 or more`, () => {
          const ratio = contrast(colour(el, fg), colour(el, bg));
          expect(ratio, `${fg} on ${bg}: ${ratio.toFixed(2)}`).to.be.at.least(3);
        });
      }
    });
  }

  it('tells the three balance tones apart in the default preset, with an amount due as red as an overdue one', async () => {
    const el = await fixture<TokenSwatches>(html`<ebok-token-swatches></ebok-token-swatches>`);
    const tones = new Set(['overdue', 'overpaid', 'settled'].map((name) => colour(el, name)));
    expect(tones.size).to.equal(3);
    expect(colour(el, 'due')).to.equal(colour(el, 'overdue'));
  });

  it('lets a utility give an amount not yet due a calmer tone, and still reads the deprecated ok token for settled', async () => {
    const el = await fixture<TokenSwatches>(html`<ebok-token-swatches></ebok-token-swatches>`);
    el.style.setProperty('--ebok-color-balance-due', 'rgb(122, 77, 0)');
    el.style.setProperty('--ebok-color-balance-ok', 'rgb(0, 90, 40)');
    expect(colour(el, 'due')).to.equal('rgb(122, 77, 0)');
    expect(colour(el, 'settled')).to.equal('rgb(0, 90, 40)');
  });

  it('lets a utility show overpayment in green with one custom property', async () => {
    const el = await fixture<TokenSwatches>(html`<ebok-token-swatches></ebok-token-swatches>`);
    el.style.setProperty('--ebok-color-balance-overpaid', 'rgb(30, 107, 52)');
    expect(colour(el, 'overpaid')).to.equal('rgb(30, 107, 52)');
  });
});
