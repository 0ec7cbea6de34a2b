import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** The login's card; fields, notices and links come from the kit's stylesheets. */
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
  .base > .title {
    margin: 0;
  }
  .intro,
  .summary-box p {
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
  .links {
    margin: 0;
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
  .done:focus {
    outline: none;
  }
  .done:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
  }
  .done .icon {
    color: ${t.colorSuccess};
    margin-block-start: 0.2em;
  }
  .done p {
    margin: 0;
  }
  @media (max-width: 22rem) {
    .base {
      padding: ${t.spaceM};
    }
  }
`;
