import { css } from 'lit';
import { tokens as t } from '../theme/tokens.js';

/** What the list widgets (documents, payments) look like around their table: title, count, links and buttons. */
export const listWidgetStyles = css`
  .base {
    display: inline-grid;
    gap: ${t.spaceM};
    min-inline-size: 0;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: ${t.spaceXs} ${t.spaceM};
  }
  .title {
    margin: 0;
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
  }
  .title:focus {
    outline: none;
  }
  .count {
    margin: 0;
    color: ${t.colorTextMuted};
  }
  .button:focus-visible,
  .link:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  .link {
    color: ${t.colorPrimary};
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
`;
