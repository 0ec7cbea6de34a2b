import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** `<ebok-points>`'s own look, on top of the list kit's and the supply kit's. */
export const pointsStyles = css`
  .filters {
    background: var(--ebok-points-filters-bg, ${t.colorSurfaceAlt});
  }
  .meter {
    display: grid;
    gap: ${t.spaceXs};
    padding-block-start: ${t.spaceS};
    border-block-start: ${t.borderWidth} solid ${t.colorBorderSubtle};
  }
  .registers {
    border-collapse: collapse;
    inline-size: 100%;
  }
  .registers th,
  .registers td {
    padding: ${t.spaceXs} ${t.spaceS};
    border-block-end: ${t.borderWidth} solid ${t.colorBorderSubtle};
    text-align: start;
  }
  .registers thead th {
    color: ${t.colorTextMuted};
  }
`;
