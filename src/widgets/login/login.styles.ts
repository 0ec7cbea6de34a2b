import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/**
 * The login's card; fields, notices and links come from the kit's stylesheets. The signed-in message, focused by
 * script, shows the base `:focus-visible` ring only.
 */
export const loginStyles = css`
  .base {
    max-inline-size: var(--ebok-login-max-width, 30em);
    background: ${t.colorSurface};
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    border-radius: ${t.radius};
    padding: ${t.spaceL};
    box-shadow: ${t.shadow};
    display: inline-grid;
    gap: ${t.spaceM};
  }
  .base > .title,
  .intro,
  .summary-box p,
  .links,
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
  .shape::before {
    content: attr(data-shape);
    visibility: hidden;
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
  @media (max-width: 22rem) {
    .base {
      padding: ${t.spaceM};
    }
  }
`;
