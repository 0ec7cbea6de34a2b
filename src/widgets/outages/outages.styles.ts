import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** `<ebok-outages>`'s own look, on top of the list kit's. */
export const outagesStyles = css`
  .filters {
    background: var(--ebok-outages-filters-bg, ${t.colorSurfaceAlt});
  }
  .filter__hint {
    margin: 0;
    color: ${t.colorTextMuted};
  }
  .field__error {
    margin: 0;
    color: ${t.colorDanger};
    font-weight: ${t.fontWeightBold};
  }
  .my-areas ul,
  .outages,
  .outage__streets {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .my-areas {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS};
  }
  .my-areas p {
    margin: 0;
  }
  .my-areas ul {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  .my-areas [aria-pressed='true'] {
    font-weight: ${t.fontWeightBold};
    text-decoration: underline;
  }
  .outages {
    display: grid;
    gap: ${t.spaceS};
  }
  .outage {
    display: grid;
    gap: ${t.spaceXs};
    padding: ${t.spaceM};
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    border-radius: ${t.radius};
    background: ${t.colorSurface};
  }
  .outage--ongoing {
    border-color: var(--ebok-outages-ongoing-color, ${t.colorWarning});
    border-inline-start-width: 6px;
  }
  .outage__title {
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
  }
  .outage__status {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    margin: 0;
    font-weight: ${t.fontWeightBold};
    color: var(--_tone, ${t.colorText});
  }
  .outage__status .icon {
    flex: none;
    inline-size: 1.2em;
    block-size: 1.2em;
  }
  .tone-warning {
    --_tone: var(--ebok-outages-ongoing-color, ${t.colorWarning});
  }
  .tone-info {
    --_tone: var(--ebok-outages-planned-color, ${t.colorInfo});
  }
  .tone-muted {
    --_tone: ${t.colorTextMuted};
  }
  .outage__facts {
    display: grid;
    gap: ${t.spaceXs};
    margin: 0;
  }
  .outage__facts div {
    display: grid;
    grid-template-columns: minmax(5em, max-content) 1fr;
    gap: ${t.spaceS};
  }
  .outage__facts dt {
    font-weight: ${t.fontWeightBold};
  }
  .outage__facts dd {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  @media (forced-colors: active) {
    .outage--ongoing {
      border-color: CanvasText;
    }
  }
`;
