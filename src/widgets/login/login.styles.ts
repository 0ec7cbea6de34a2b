import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/**
 * The login's card, as its first frame draws it; fields, notices and links come from the kit's stylesheets. What
 * only the behaviour draws (the signed-in message, the terms' summary) is in login.behaviour.styles.ts.
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
  .links {
    margin: 0;
  }
  .shape::before {
    content: attr(data-shape);
    visibility: hidden;
  }
  @media (max-width: 22rem) {
    .base {
      padding: ${t.spaceM};
    }
  }
`;
