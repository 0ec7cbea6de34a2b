import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

export const invoiceListStyles = css`
  .filters {
    background: var(--ebok-invoice-list-filters-bg, ${t.colorSurfaceAlt});
  }
  button.link {
    display: inline;
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .corrects {
    display: block;
    margin-block-start: ${t.spaceXs};
    font-weight: ${t.fontWeightNormal};
    font-size: ${t.fontSizeSmall};
  }
  .doc-status {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    font-weight: ${t.fontWeightBold};
    color: var(--_tone, ${t.colorText});
  }
  .doc-status .icon {
    flex: none;
    inline-size: 1.2em;
    block-size: 1.2em;
  }
  .tone-paid {
    --_tone: var(--ebok-invoice-list-paid-color, ${t.colorSuccess});
  }
  .tone-unpaid {
    --_tone: var(--ebok-invoice-list-unpaid-color, ${t.colorInfo});
  }
  .tone-partial {
    --_tone: var(--ebok-invoice-list-partial-color, ${t.colorWarning});
  }
  .tone-overdue {
    --_tone: var(--ebok-invoice-list-overdue-color, ${t.colorDanger});
  }
  .col-type {
    inline-size: 7em;
  }
  .col-issued,
  .col-due {
    inline-size: 7em;
  }
  .col-period {
    inline-size: 8.5em;
  }
  .col-amount,
  .col-remaining {
    inline-size: 7.5em;
  }
  .col-status {
    inline-size: 9em;
  }
  .col-pdf {
    inline-size: 6.5em;
  }
  .pdf {
    min-block-size: 36px;
    padding: 0 ${t.spaceS};
  }
  .pdf .icon {
    inline-size: 1em;
    block-size: 1em;
  }
  .muted {
    color: ${t.colorTextMuted};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  .notice__actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  .col-choose {
    inline-size: 6em;
  }
  .choose {
    inline-size: 24px;
    block-size: 24px;
    margin: 0;
    accent-color: ${t.colorPrimary};
    cursor: pointer;
  }
  .choose-none {
    font-size: ${t.fontSizeSmall};
  }
  .row--chosen {
    outline: 2px solid ${t.colorPrimary};
    outline-offset: -2px;
  }
  .selection {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    display: grid;
    gap: ${t.spaceS};
    margin-block-end: ${t.spaceM};
    padding: ${t.spaceM};
    border: ${t.borderWidth} solid ${t.colorPrimary};
    border-radius: ${t.radiusSmall};
    background: ${t.colorSurface};
  }
  .selection p {
    margin: 0;
  }
  .selection__sum {
    font-weight: ${t.fontWeightBold};
  }
  .selection__cap {
    padding-inline-start: ${t.spaceS};
    border-inline-start: 4px solid ${t.colorWarning};
  }
  .selection__note {
    color: ${t.colorDanger};
  }
`;
