import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** The grid stays a table down to 320 px: the topic column wraps, the two switch columns keep their width. */
export const notificationSettingsStyles = css`
  .base {
    display: inline-grid;
    gap: ${t.spaceM};
  }
  .grid {
    inline-size: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  .grid th,
  .grid td {
    padding: ${t.spaceS} ${t.spaceXs};
    border-block-end: ${t.borderWidth} solid ${t.colorBorderSubtle};
    vertical-align: middle;
  }
  .grid thead th {
    font-weight: ${t.fontWeightBold};
    border-block-end-color: ${t.colorBorder};
  }
  .grid__topic {
    text-align: start;
    overflow-wrap: anywhere;
  }
  tbody .grid__topic {
    font-weight: ${t.fontWeightNormal};
  }
  .grid__channel,
  .grid__cell {
    inline-size: 4.5em;
    text-align: center;
  }
  .grid__name {
    display: block;
    font-weight: ${t.fontWeightBold};
  }
  .grid__hint {
    display: block;
    color: ${t.colorTextMuted};
    font-size: ${t.fontSizeSmall};
  }
  .grid input[type='checkbox'] {
    inline-size: 1.5em;
    block-size: 1.5em;
    min-inline-size: 24px;
    min-block-size: 24px;
    margin: 0;
    accent-color: ${t.colorPrimary};
    cursor: pointer;
  }
  .grid input[type='checkbox']:disabled {
    cursor: not-allowed;
  }
  .grid input[type='checkbox']:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  .note {
    margin: 0;
    color: ${t.colorTextMuted};
    font-size: ${t.fontSizeSmall};
  }
  .days select {
    font: inherit;
    min-block-size: 44px;
    max-inline-size: 100%;
    padding: ${t.spaceXs} ${t.spaceS};
    border: ${t.borderWidth} solid ${t.colorBorder};
    border-radius: ${t.radiusSmall};
    background: ${t.colorSurface};
    color: ${t.colorText};
    justify-self: start;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
`;
