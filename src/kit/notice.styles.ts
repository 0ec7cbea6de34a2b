import { css } from 'lit';
import { tokens as t } from '../theme/tokens.js';

/** The look of notices: a bar and an icon in the tone, the text in the text colour; the tone is in words too. */
export const noticeStyles = css`
  .notice {
    display: flex;
    align-items: flex-start;
    gap: ${t.spaceS} ${t.spaceM};
    padding: ${t.spaceM};
    border-radius: ${t.radius};
    border-inline-start: 4px solid ${t.colorInfo};
    background: ${t.colorInfoBg};
    color: ${t.colorText};
  }
  .notice:focus {
    outline: none;
  }
  .notice:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
  }
  .notice--error {
    border-inline-start-color: ${t.colorDanger};
    background: ${t.colorDangerBg};
  }
  .notice--warning {
    border-inline-start-color: ${t.colorWarning};
    background: ${t.colorWarningBg};
  }
  .notice--success {
    border-inline-start-color: ${t.colorSuccess};
    background: ${t.colorSuccessBg};
  }
  .notice .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin-block-start: 0.15em;
  }
  .notice--error .icon {
    color: ${t.colorDanger};
  }
  .notice--success .icon {
    color: ${t.colorSuccess};
  }
  .notice--warning .icon {
    color: ${t.colorWarning};
  }
  .notice__body {
    flex: 1 1 auto;
    min-inline-size: 0;
    display: grid;
    gap: ${t.spaceS};
  }
  .notice__body p {
    margin: 0;
  }
  .notice__body p:first-child {
    font-weight: ${t.fontWeightBold};
  }
`;
