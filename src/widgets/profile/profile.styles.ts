import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** `<ebok-profile>`'s own look, on top of the form kit's. */
export const profileStyles = css`
  .sections {
    display: grid;
    gap: ${t.spaceL};
  }
  .section {
    display: grid;
    gap: ${t.spaceM};
    padding-block-start: ${t.spaceL};
    border-block-start: var(--ebok-profile-section-border, 1px solid ${t.colorBorder});
  }
  .section:first-child {
    padding-block-start: 0;
    border-block-start: none;
  }
  .section__title {
    margin: 0;
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
    line-height: 1.3;
  }
  .section__hint,
  .current,
  .pending {
    margin: 0;
  }
  .section__hint {
    color: ${t.colorTextMuted};
  }
  .pending {
    font-weight: ${t.fontWeightBold};
  }
  .data {
    display: grid;
    gap: ${t.spaceS};
    margin: 0;
  }
  .data__row {
    display: grid;
    grid-template-columns: minmax(8em, 1fr) 2fr;
    gap: ${t.spaceS};
  }
  .data dt {
    font-weight: ${t.fontWeightBold};
  }
  .data dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
    gap: ${t.spaceM};
  }
  .shortcut p {
    margin: 0 0 ${t.spaceS};
  }
  .shortcut ul {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .shortcut .button {
    white-space: normal;
    text-align: start;
  }
  @container (max-width: 30em) {
    .data__row {
      grid-template-columns: 1fr;
      gap: 0;
    }
  }
`;
