import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** `<ebok-messages>`'s own look, on top of the list widgets' (title, count, filters, "load more"). */
export const messagesStyles = css`
  .filters {
    background: var(--ebok-messages-filters-bg, ${t.colorSurfaceAlt});
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs} ${t.spaceM};
  }
  .messages {
    display: grid;
    gap: 0;
    margin: 0;
    padding: 0;
    list-style: none;
    border-block-start: 1px solid ${t.colorBorderSubtle};
  }
  .message {
    border-block-end: 1px solid ${t.colorBorderSubtle};
  }
  .message--unread {
    background: var(--ebok-messages-unread-bg, transparent);
  }
  .message__heading {
    margin: 0;
    font: inherit;
  }
  .message__toggle {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: ${t.spaceXs} ${t.spaceS};
    align-items: center;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: ${t.targetSize};
    margin: 0;
    padding: ${t.spaceS} ${t.spaceS};
    border: 0;
    border-radius: ${t.radiusSmall};
    background: transparent;
    color: ${t.colorText};
    font: inherit;
    font-weight: ${t.fontWeightNormal};
    text-align: start;
    cursor: pointer;
  }
  .message__toggle:hover {
    background: ${t.colorSurfaceAlt};
  }
  .message__toggle:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: calc(-1 * ${t.focusRingWidth});
  }
  .message__meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceXs} ${t.spaceM};
    min-inline-size: 0;
    font-size: ${t.fontSizeSmall};
    color: ${t.colorTextMuted};
  }
  .message__kind {
    color: ${t.colorText};
    font-weight: ${t.fontWeightBold};
  }
  .message__title {
    grid-column: 1;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  /* Unread: bold and a dot, and "unread" in words for screen readers (never the weight alone). */
  .message--unread .message__title {
    font-weight: ${t.fontWeightBold};
  }
  .message__dot {
    flex: none;
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: var(--ebok-messages-unread-color, ${t.colorPrimary});
  }
  .message__chevron {
    grid-column: 2;
    grid-row: 1 / span 2;
    inline-size: 1.25em;
    block-size: 1.25em;
    transition: transform ${t.motionDuration};
  }
  .message__toggle[aria-expanded='true'] .message__chevron {
    transform: rotate(180deg);
  }
  .channel {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
  }
  .channel .icon {
    flex: none;
    inline-size: 1.2em;
    block-size: 1.2em;
  }
  .message__body {
    padding: 0 ${t.spaceS} ${t.spaceM};
    overflow-wrap: anywhere;
  }
  .message__body[hidden] {
    display: none;
  }
  .message__body p {
    margin: 0 0 ${t.spaceS};
    white-space: pre-line;
  }
  .message__body p:last-child {
    margin-block-end: 0;
  }
  .message__empty {
    color: ${t.colorTextMuted};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  @media (prefers-reduced-motion: reduce) {
    .message__chevron {
      transition: none;
    }
  }
`;
