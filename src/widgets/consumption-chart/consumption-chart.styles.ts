import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/**
 * The chart's look. The canvas takes its colours from these custom properties (read once per drawing), so a
 * theme preset, the integrator's tokens and forced-colors mode reach the bars as they reach the text.
 *
 * - `--ebok-chart-zone-1` … `-zone-3`: the stacked zones (default: primary, the muted text colour, the success colour);
 * - `--ebok-chart-previous`: the previous year's line; `--ebok-chart-height`: the plot's height.
 */
export const consumptionChartStyles = css`
  .base {
    container-type: inline-size;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceM};
    margin-block-end: ${t.spaceM};
  }
  .controls label {
    display: grid;
    gap: ${t.spaceXs};
    font-weight: ${t.fontWeightBold};
  }
  select {
    min-block-size: ${t.targetSize};
    font: inherit;
    padding: 0 ${t.spaceS};
    border: ${t.borderWidth} solid ${t.colorBorder};
    border-radius: ${t.radiusSmall};
    background: ${t.colorSurface};
    color: ${t.colorText};
  }
  select:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  .summary {
    margin: 0 0 ${t.spaceM};
    font-size: ${t.fontSizeLarge};
  }
  .chart {
    --_zone-1: var(--ebok-chart-zone-1, ${t.colorPrimary});
    /* Not the accent: a brand's accent (the energy preset's yellow) may be below the 3:1 a bar needs (WCAG 1.4.11). */
    --_zone-2: var(--ebok-chart-zone-2, ${t.colorTextMuted});
    --_zone-3: var(--ebok-chart-zone-3, ${t.colorSuccess});
    --_previous: var(--ebok-chart-previous, ${t.colorText});
    --_grid: ${t.colorBorderSubtle};
    --_text: ${t.colorTextMuted};
    position: relative;
    block-size: var(--ebok-chart-height, 18em);
    min-inline-size: 0;
    border-radius: ${t.radiusSmall};
  }
  .chart:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  .chart canvas {
    inline-size: 100%;
    block-size: 100%;
  }
  .chart__placeholder {
    position: absolute;
    inset: 0;
    border-radius: ${t.radiusSmall};
    background: ${t.colorSurfaceAlt};
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs} ${t.spaceM};
    margin: ${t.spaceS} 0 0;
    padding: 0;
    list-style: none;
    font-size: ${t.fontSizeSmall};
  }
  .actions {
    margin-block-start: ${t.spaceM};
  }
  .table-scroll {
    overflow-x: auto;
    margin-block-start: ${t.spaceM};
  }
  .table-scroll:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
  }
  .data {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .data caption {
    text-align: start;
    font-weight: ${t.fontWeightBold};
    padding-block-end: ${t.spaceXs};
  }
  .data th,
  .data td {
    padding: ${t.spaceXs} ${t.spaceS};
    border-block-end: 1px solid ${t.colorBorderSubtle};
    text-align: end;
    white-space: nowrap;
  }
  .data th[scope='row'],
  .data thead th:first-child {
    text-align: start;
  }
  .estimated {
    font-weight: ${t.fontWeightNormal};
    color: ${t.colorTextMuted};
  }
  @media (forced-colors: active) {
    .chart {
      --_zone-1: CanvasText;
      --_zone-2: Highlight;
      --_zone-3: LinkText;
      --_previous: CanvasText;
      --_grid: GrayText;
      --_text: CanvasText;
    }
  }
`;
