import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/**
 * What the login's behaviour (login.behaviour.ts) adds once it has arrived: the terms' summary and the signed-in
 * message, which, focused by script, shows the base `:focus-visible` ring only.
 */
export const loginBehaviourStyles = css`
  .summary-box p,
  .done p {
    margin: 0;
  }
  .summary-box {
    padding: ${t.spaceM};
    border-inline-start: 4px solid ${t.colorInfo};
    background: ${t.colorInfoBg};
    border-radius: ${t.radius};
  }
  .summary-box__title {
    font-weight: ${t.fontWeightBold};
  }
  .done {
    display: flex;
    align-items: flex-start;
    gap: ${t.spaceS};
  }
  .done:focus:not(:focus-visible) {
    outline: none;
  }
  .done .icon {
    color: ${t.colorSuccess};
    margin-block-start: 0.2em;
  }
`;
