import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** `<ebok-ticket-form>`'s own look, on top of the form kit's. */
export const ticketFormStyles = css`
  form {
    display: grid;
    gap: ${t.spaceL};
  }
  .categories .check,
  .documents .check {
    flex-wrap: wrap;
  }
  .category__about {
    flex-basis: 100%;
    margin: 0;
    padding-inline-start: calc(1.5em + ${t.spaceS});
  }
  .category--outage .category__about {
    color: ${t.colorText};
    font-weight: ${t.fontWeightBold};
  }
  .documents__search {
    max-inline-size: 24em;
  }
  .documents__none,
  .files-unsent {
    margin: 0;
    color: ${t.colorTextMuted};
  }
  .result {
    display: grid;
    gap: ${t.spaceS};
    padding: ${t.spaceM};
    border: ${t.borderWidth} solid ${t.colorSuccess};
    border-radius: ${t.radius};
    background: ${t.colorSuccessBg};
  }
  .result p {
    margin: 0;
  }
  .result__title {
    font-weight: ${t.fontWeightBold};
    font-size: ${t.fontSizeLarge};
  }
  .result__title:focus {
    outline: none;
  }
  .result__title:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  @media (forced-colors: active) {
    .result {
      border-color: CanvasText;
    }
  }
`;
