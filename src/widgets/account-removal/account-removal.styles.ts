import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** `<ebok-account-removal>`'s own look, on top of the form kit's. */
export const accountRemovalStyles = css`
  .consequences {
    display: grid;
    gap: ${t.spaceS};
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .consequences strong {
    font-weight: ${t.fontWeightBold};
  }
  .request {
    display: grid;
    gap: ${t.spaceS};
    margin: 0;
  }
  .request div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 ${t.spaceS};
  }
  .request dt {
    font-weight: ${t.fontWeightBold};
  }
  .request dd {
    margin: 0;
  }
`;
