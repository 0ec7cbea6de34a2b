import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

export const balanceTileStyles = css`
  :host {
    --_tone: ${t.colorText};
    --_tone-bg: ${t.colorSurfaceAlt};
  }
  :host([state='overdue']) {
    --_tone: var(--ebok-balance-tile-overdue-color, ${t.colorBalanceOverdue});
    --_tone-bg: var(--ebok-balance-tile-overdue-bg, ${t.colorBalanceOverdueBg});
  }
  :host([state='overpaid']) {
    --_tone: var(--ebok-balance-tile-overpaid-color, ${t.colorBalanceOverpaid});
    --_tone-bg: var(--ebok-balance-tile-overpaid-bg, ${t.colorBalanceOverpaidBg});
  }
  :host([state='due']) {
    --_tone: var(--ebok-balance-tile-due-color, ${t.colorBalanceDue});
    --_tone-bg: var(--ebok-balance-tile-due-bg, ${t.colorBalanceDueBg});
  }
  /* --ebok-balance-tile-ok-*: the names before 'settled', deprecated, read for one release. */
  :host([state='settled']) {
    --_tone: var(--ebok-balance-tile-settled-color, var(--ebok-balance-tile-ok-color, ${t.colorBalanceSettled}));
    --_tone-bg: var(--ebok-balance-tile-settled-bg, var(--ebok-balance-tile-ok-bg, ${t.colorBalanceSettledBg}));
  }
  .base {
    container-type: inline-size;
    background: ${t.colorSurface};
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    border-inline-start: 6px solid var(--_tone);
    border-radius: ${t.radius};
    padding: ${t.spaceL};
    box-shadow: ${t.shadow};
  }
  :host([compact]) .base {
    padding: ${t.spaceM};
  }
  @media (max-width: 24rem) {
    .base {
      padding: ${t.spaceM};
    }
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: ${t.spaceXs} ${t.spaceM};
    margin: 0 0 ${t.spaceS};
  }
  .title {
    margin: 0;
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
  }
  .as-of {
    margin: 0;
    color: ${t.colorTextMuted};
    font-size: ${t.fontSizeSmall};
  }
  .state {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceS};
    margin: 0 0 ${t.spaceS};
    padding: ${t.spaceXs} ${t.spaceS};
    border-radius: ${t.radiusSmall};
    background: var(--_tone-bg);
    color: var(--_tone);
    font-weight: ${t.fontWeightBold};
  }
  .state svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
  /* An amount never breaks inside ("14 682,28 z / ł"); in a column too narrow for it, it gets smaller. */
  .amount {
    margin: 0;
    font-size: min(${t.fontSizeXLarge}, 12cqi);
    font-weight: ${t.fontWeightBold};
    line-height: 1.2;
    color: var(--_tone);
    white-space: nowrap;
  }
  :host([compact]) .amount {
    font-size: min(${t.fontSizeLarge}, 12cqi);
  }
  .details {
    margin: ${t.spaceS} 0 0;
  }
  :host([compact]) .details {
    font-size: ${t.fontSizeSmall};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS} ${t.spaceM};
    margin-block-start: ${t.spaceM};
  }
  .link {
    display: inline-flex;
    align-items: center;
    min-block-size: ${t.targetSize};
    color: ${t.colorPrimary};
    font-weight: ${t.fontWeightBold};
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .link:hover {
    color: ${t.colorPrimaryHover};
  }
  .skeleton [data-shape]::before {
    content: attr(data-shape);
    color: transparent;
  }
  .skeleton p::before,
  .skeleton .button {
    background: ${t.colorSurfaceAlt};
    border-color: transparent;
    border-radius: ${t.radiusSmall};
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
    cursor: default;
    animation: ebok-pulse 1.4s ease-in-out infinite;
  }
  @keyframes ebok-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @container (max-width: 21em) {
    .actions .button,
    .actions .link {
      inline-size: 100%;
      justify-content: center;
    }
  }
`;
