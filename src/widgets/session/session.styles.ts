import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

export const sessionStyles = css`
  .base {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: ${t.spaceS} ${t.spaceM};
  }
  .who {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .name {
    font-weight: ${t.fontWeightBold};
  }
  .message {
    margin: 0;
    padding: ${t.spaceXs} ${t.spaceS};
    border-inline-start: 4px solid ${t.colorInfo};
    background: ${t.colorInfoBg};
  }
  .message:focus {
    outline: none;
  }
  .message:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
  }
  ebok-dialog {
    --ebok-dialog-accent: ${t.colorWarning};
  }
  .dialog-icon {
    display: inline-flex;
    color: ${t.colorWarning};
  }
  .dialog-icon .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
  }
  ebok-dialog p {
    margin: 0 0 ${t.spaceM};
  }
  .countdown {
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
    font-variant-numeric: tabular-nums;
  }
  .error {
    padding: ${t.spaceS} ${t.spaceM};
    border-inline-start: 4px solid ${t.colorDanger};
    background: ${t.colorDangerBg};
    color: ${t.colorDanger};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS} ${t.spaceM};
  }
  @media (max-width: 22rem) {
    .actions .button {
      inline-size: 100%;
    }
  }
`;
