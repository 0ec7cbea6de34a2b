import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/**
 * `<ebok-portal>`'s layout: the navigation beside the content on a wide block, and a menu button above it
 * under 700 px of the portal's own width (a container query: a CMS column is narrower than the window).
 */
export const portalStyles = css`
  :host {
    display: block;
    container: ebok-portal / inline-size;
  }
  .portal {
    display: inline-grid;
    grid-template-columns: minmax(11em, 15em) minmax(0, 1fr);
    grid-template-areas:
      'skip skip'
      'bar bar'
      'nav content';
    gap: ${t.spaceM};
    align-items: start;
  }
  .skip {
    grid-area: skip;
  }
  .skip:not(:focus) {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .bar {
    grid-area: bar;
  }
  nav {
    grid-area: nav;
  }
  .content {
    grid-area: content;
    display: grid;
    gap: ${t.spaceM};
    min-inline-size: 0;
  }
  .menu-button {
    display: none;
  }
  .menu {
    display: grid;
    gap: ${t.spaceXs};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .menu a {
    display: flex;
    align-items: center;
    min-block-size: ${t.targetSize};
    padding: ${t.spaceXs} ${t.spaceS};
    border-radius: ${t.radiusSmall};
    border-inline-start: 4px solid transparent;
    color: ${t.colorPrimary};
    text-decoration: none;
  }
  .menu a:hover {
    text-decoration: underline;
  }
  .menu a[aria-current='page'] {
    /* Not by colour alone: a bar beside it and bold text. */
    border-inline-start-color: ${t.colorPrimary};
    background: ${t.colorSurfaceAlt};
    color: ${t.colorText};
    font-weight: ${t.fontWeightBold};
  }
  .section-title {
    margin: 0;
    font-size: ${t.fontSizeXLarge};
    font-weight: ${t.fontWeightBold};
  }
  .section-title:focus {
    outline: none;
  }
  .section-title:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
  }
  .lead,
  .actions {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  @container ebok-portal (width < 700px) {
    .portal {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas:
        'skip'
        'bar'
        'nav'
        'content';
    }
    .menu-button {
      display: inline-flex;
      align-items: center;
      gap: ${t.spaceS};
    }
    nav:not(.open) .menu {
      display: none;
    }
    nav.open .menu {
      margin-block-start: ${t.spaceS};
    }
  }
`;
