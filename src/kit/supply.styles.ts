import { css } from 'lit';
import { tokens as t } from '../theme/tokens.js';

/**
 * The look `<ebok-points>` and `<ebok-contracts>` share: cards in a list, facts as label–value rows (stacked
 * under 30em), the medium and status badges (icon and words, never colour alone), the back button and the links.
 */
export const supplyStyles = css`
  .cards,
  .plain-list {
    display: grid;
    gap: ${t.spaceS};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    gap: ${t.spaceS};
    padding: ${t.spaceM};
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    border-radius: ${t.radius};
    background: ${t.colorSurface};
    min-inline-size: 0;
  }
  .card__open {
    justify-self: start;
    min-block-size: ${t.targetSize};
    padding: 0;
    border: 0;
    background: none;
    color: ${t.colorPrimary};
    font: inherit;
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .card__open:focus-visible,
  .detail__title:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  .detail {
    display: grid;
    gap: ${t.spaceM};
  }
  .section {
    display: grid;
    gap: ${t.spaceS};
  }
  .detail__title {
    margin: 0;
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
    overflow-wrap: anywhere;
  }
  .back {
    justify-self: start;
  }
  .section-title {
    margin: 0;
    font-weight: ${t.fontWeightBold};
  }
  .facts {
    display: grid;
    gap: ${t.spaceXs};
    margin: 0;
  }
  .facts > div {
    display: grid;
    grid-template-columns: minmax(9em, max-content) 1fr;
    gap: ${t.spaceS};
  }
  .facts dt {
    font-weight: ${t.fontWeightBold};
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (max-width: 30em) {
    .facts > div {
      grid-template-columns: 1fr;
      gap: 0;
    }
  }
  .medium,
  .badge {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    font-weight: ${t.fontWeightBold};
    color: var(--_tone, ${t.colorText});
  }
  .medium .icon,
  .badge .icon {
    flex: none;
    inline-size: 1.2em;
    block-size: 1.2em;
  }
  .tone-success {
    --_tone: var(--ebok-contracts-active-color, ${t.colorSuccess});
  }
  .tone-info {
    --_tone: var(--ebok-contracts-pending-color, ${t.colorInfo});
  }
  .tone-muted {
    --_tone: var(--ebok-contracts-ended-color, ${t.colorTextMuted});
  }
  .links,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS} ${t.spaceM};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .links a {
    display: inline-flex;
    align-items: center;
    min-block-size: ${t.targetSize};
  }
  .meta {
    margin: 0;
    color: ${t.colorTextMuted};
  }
`;
