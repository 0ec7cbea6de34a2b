import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

export const sessionStyles = css`
  .base {
    display: flex;
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
  dialog {
    inline-size: min(30rem, calc(100vw - 2 * ${t.spaceM}));
    max-block-size: calc(100dvh - 2 * ${t.spaceM});
    overflow: auto;
    padding: ${t.spaceL};
    border: ${t.borderWidth} solid ${t.colorBorder};
    border-inline-start: 6px solid ${t.colorWarning};
    border-radius: ${t.radius};
    background: ${t.colorSurface};
    color: ${t.colorText};
    font-family: ${t.fontFamily};
    font-size: ${t.fontSize};
    line-height: ${t.lineHeight};
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  dialog h2 {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    margin: 0 0 ${t.spaceM};
    font-size: ${t.fontSizeLarge};
    line-height: 1.25;
  }
  dialog h2 svg {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    color: ${t.colorWarning};
  }
  dialog p {
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
