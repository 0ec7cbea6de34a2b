import { css } from 'lit';
import { tokens as t } from '../theme/tokens.js';

/** The confirmation's and the outcome's look, for the widget's styles. */
export const paymentStyles = css`
  .result {
    margin-block-start: ${t.spaceM};
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: ${t.spaceXs} ${t.spaceM};
    margin: 0 0 ${t.spaceM};
  }
  dt {
    color: ${t.colorTextMuted};
  }
  dd {
    margin: 0;
    font-weight: ${t.fontWeightBold};
  }
  .note {
    margin: 0 0 ${t.spaceM};
    color: ${t.colorTextMuted};
    font-size: ${t.fontSizeSmall};
  }
  .cap {
    margin: 0 0 ${t.spaceM};
    padding: ${t.spaceS} ${t.spaceM};
    border-inline-start: 4px solid ${t.colorWarning};
    background: ${t.colorWarningBg};
    color: ${t.colorWarning};
  }
  .dialog-error {
    margin: 0 0 ${t.spaceM};
  }
`;
