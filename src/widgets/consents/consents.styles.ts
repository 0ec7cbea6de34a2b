import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** `<ebok-consents>`'s own look, on top of the form kit's. */
export const consentsStyles = css`
  .block,
  .fixed {
    display: grid;
    gap: ${t.spaceS};
  }
  .block p,
  .fixed p {
    margin: 0;
  }
  .block__title {
    margin: 0;
    font-size: 1.125em;
    font-weight: ${t.fontWeightBold};
  }
  .consents-list {
    display: grid;
    gap: ${t.spaceM};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .badge {
    display: inline-block;
    padding: 0 ${t.spaceS};
    border: 1px solid ${t.colorSuccess};
    border-radius: ${t.radius};
    background: ${t.colorSuccessBg};
    font-weight: ${t.fontWeightBold};
  }
  .fixed {
    padding: ${t.spaceM};
    border-radius: ${t.radius};
    background: var(--ebok-consents-fixed-bg, ${t.colorSurfaceAlt});
  }
`;
