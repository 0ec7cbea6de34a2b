import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** `<ebok-dashboard>`'s look, on top of the list kit's title and links: a grid of cards from 320 px to desktop. */
export const dashboardStyles = css`
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--ebok-dashboard-card-min-width, 16em)), 1fr));
    gap: ${t.spaceM};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
    min-inline-size: 0;
    padding: ${t.spaceM};
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    border-radius: ${t.radius};
    background: var(--ebok-dashboard-card-bg, ${t.colorSurface});
  }
  .card--balance {
    padding: 0;
    border: 0;
    background: none;
  }
  .card--balance .card__link {
    padding-inline: ${t.spaceM};
  }
  .card__title {
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
  }
  .card__body {
    flex: 1;
    display: grid;
    align-content: start;
    gap: ${t.spaceXs};
  }
  .card__body p,
  .items {
    margin: 0;
  }
  .card__link {
    display: inline-flex;
    align-items: center;
    min-block-size: ${t.targetSize};
    font-weight: ${t.fontWeightBold};
  }
  .amount,
  .figure {
    font-size: ${t.fontSizeXLarge};
    font-weight: ${t.fontWeightBold};
  }
  .figure {
    font-size: ${t.fontSizeLarge};
  }
  .state,
  .items--icons li {
    display: flex;
    align-items: flex-start;
    gap: ${t.spaceXs};
  }
  .icon {
    flex: none;
    inline-size: 1.2em;
    block-size: 1.2em;
    margin-block-start: 0.15em;
  }
  .tone-danger {
    color: var(--ebok-dashboard-overdue-color, ${t.colorBalanceOverdue});
    font-weight: ${t.fontWeightBold};
  }
  .tone-warning .icon {
    color: ${t.colorWarning};
  }
  .items {
    display: grid;
    gap: ${t.spaceXs};
    padding: 0;
    list-style: none;
  }
  .item__name {
    font-weight: ${t.fontWeightBold};
  }
  .item__name--line {
    display: block;
  }
  .muted {
    color: ${t.colorTextMuted};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
`;
