import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

export const paymentHistoryStyles = css`
  .filters {
    background: var(--ebok-payment-history-filters-bg, ${t.colorSurfaceAlt});
  }
  .pay-status {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    font-weight: ${t.fontWeightBold};
    color: var(--_tone, ${t.colorText});
  }
  .pay-status .icon {
    flex: none;
    inline-size: 1.2em;
    block-size: 1.2em;
  }
  .tone-paid {
    --_tone: var(--ebok-payment-history-paid-color, ${t.colorSuccess});
  }
  .tone-pending {
    --_tone: var(--ebok-payment-history-pending-color, ${t.colorInfo});
  }
  .tone-declined {
    --_tone: var(--ebok-payment-history-declined-color, ${t.colorDanger});
  }
  .tone-cancelled {
    --_tone: var(--ebok-payment-history-cancelled-color, ${t.colorTextMuted});
  }
  .tone-expired {
    --_tone: var(--ebok-payment-history-expired-color, ${t.colorWarning});
  }
  /* An attempt that brought no money: the amount is struck through and says so in words. */
  .amount--not-received .amount__value {
    color: ${t.colorTextMuted};
    text-decoration: line-through;
  }
  .amount__note {
    display: block;
    font-size: ${t.fontSizeSmall};
    font-weight: ${t.fontWeightNormal};
    color: ${t.colorTextMuted};
    text-decoration: none;
  }
  .docs {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs} ${t.spaceS};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .docs .link {
    display: inline-flex;
    align-items: center;
    min-block-size: 24px;
  }
  .muted {
    color: ${t.colorTextMuted};
  }
  .col-date {
    inline-size: 8.5em;
  }
  /* A date is one word: never broken inside "2026". */
  .col-date .table__value {
    white-space: nowrap;
  }
  .col-amount {
    inline-size: 9em;
  }
  .col-method {
    inline-size: 12em;
  }
  .col-status {
    inline-size: 12em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
`;
