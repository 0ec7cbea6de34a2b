import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** The meter reading's own look, on top of the form kit's: the registers, the window, the answer, the history. */
export const meterReadingStyles = css`
  .window {
    display: flex;
    gap: ${t.spaceS};
    align-items: flex-start;
    margin: 0 0 ${t.spaceM};
    padding: ${t.spaceS} ${t.spaceM};
    border-inline-start: 4px solid ${t.colorInfo};
    background: ${t.colorInfoBg};
    border-radius: ${t.radiusSmall};
  }
  .window--closed {
    border-inline-start-color: ${t.colorBorder};
    background: ${t.colorSurfaceAlt};
  }
  .window p {
    margin: 0;
  }
  .meter {
    display: grid;
    gap: ${t.spaceM};
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .meter > legend {
    padding: 0;
    margin-block-end: ${t.spaceS};
    font-weight: ${t.fontWeightBold};
  }
  .field__hint span {
    display: block;
  }
  .reading__used {
    font-weight: ${t.fontWeightBold};
  }
  .input--reading {
    max-inline-size: 14em;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.05em;
  }
  .input--date {
    max-inline-size: 14em;
  }
  .unit {
    align-self: center;
    font-weight: ${t.fontWeightBold};
  }
  .confirm,
  .result {
    display: grid;
    gap: ${t.spaceS};
    padding: ${t.spaceM};
    border: ${t.borderWidth} solid ${t.colorWarning};
    border-radius: ${t.radius};
    background: ${t.colorWarningBg};
  }
  .result {
    border-color: ${t.colorSuccess};
    background: ${t.colorSuccessBg};
    margin-block-end: ${t.spaceM};
  }
  .confirm p,
  .result p {
    margin: 0;
  }
  .result__title {
    font-weight: ${t.fontWeightBold};
  }
  .result__title:focus {
    outline: none;
  }
  .result__title:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  .upload {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    align-items: center;
  }
  .upload progress {
    flex: 1 1 10em;
    block-size: 1em;
    accent-color: ${t.colorPrimary};
  }
  .history-section {
    margin-block-start: ${t.spaceL};
  }
  .history__title {
    margin: 0 0 ${t.spaceS};
    font-size: ${t.fontSize};
    font-weight: ${t.fontWeightBold};
  }
  .history__scroll {
    overflow-x: auto;
  }
  .history__scroll:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
  }
  .history {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: ${t.fontSizeSmall};
  }
  .history th,
  .history td {
    padding: ${t.spaceXs} ${t.spaceS};
    border-block-end: 1px solid ${t.colorBorderSubtle};
    text-align: start;
    vertical-align: top;
  }
  .history thead th {
    border-block-end-color: ${t.colorBorder};
  }
  .history__value {
    display: block;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .history__rejected {
    color: ${t.colorTextMuted};
  }
`;
