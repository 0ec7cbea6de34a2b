import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

/** `<ebok-tickets>`'s own look, on top of the form and list kits'. */
export const ticketsStyles = css`
  .filters {
    background: var(--ebok-tickets-filters-bg, ${t.colorSurfaceAlt});
  }
  .tickets,
  .thread,
  .files {
    display: grid;
    gap: ${t.spaceS};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .ticket {
    display: grid;
    gap: ${t.spaceXs};
    padding: ${t.spaceM};
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    border-radius: ${t.radius};
    background: ${t.colorSurface};
  }
  .ticket--awaiting {
    border-color: var(--ebok-tickets-awaiting-color, ${t.colorWarning});
    border-inline-start-width: 6px;
  }
  .ticket__open {
    justify-self: start;
    padding: 0;
    border: 0;
    background: none;
    color: ${t.colorPrimary};
    font: inherit;
    font-weight: ${t.fontWeightBold};
    font-size: ${t.fontSizeLarge};
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
    min-block-size: 44px;
  }
  .ticket__open:focus-visible,
  .thread__title:focus-visible,
  .post:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  .thread__title:focus,
  .post:focus {
    outline: none;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs} ${t.spaceM};
    margin: 0;
    color: ${t.colorTextMuted};
  }
  .ticket-status {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    font-weight: ${t.fontWeightBold};
    color: var(--_tone, ${t.colorText});
  }
  .ticket-status .icon {
    flex: none;
    inline-size: 1.2em;
    block-size: 1.2em;
  }
  .tone-info {
    --_tone: var(--ebok-tickets-open-color, ${t.colorInfo});
  }
  .tone-warning {
    --_tone: var(--ebok-tickets-awaiting-color, ${t.colorWarning});
  }
  .tone-success {
    --_tone: var(--ebok-tickets-resolved-color, ${t.colorSuccess});
  }
  .tone-muted {
    --_tone: var(--ebok-tickets-closed-color, ${t.colorTextMuted});
  }
  .detail {
    display: grid;
    gap: ${t.spaceM};
  }
  .back {
    justify-self: start;
  }
  .thread__title {
    margin: 0;
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
  }
  .hint {
    margin: 0;
    padding: ${t.spaceS} ${t.spaceM};
    border-radius: ${t.radius};
    background: ${t.colorInfoBg};
  }
  .hint--awaiting {
    background: ${t.colorWarningBg};
    font-weight: ${t.fontWeightBold};
  }
  .post {
    display: grid;
    gap: ${t.spaceXs};
    padding: ${t.spaceM};
    border-radius: ${t.radius};
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    margin-inline-end: 10%;
  }
  .post--customer {
    margin-inline: 10% 0;
    background: var(--ebok-tickets-own-message-bg, ${t.colorSurfaceAlt});
  }
  .post__author {
    margin: 0;
    font-weight: ${t.fontWeightBold};
  }
  .post__body {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .files {
    gap: ${t.spaceXs};
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS};
  }
  .reply {
    display: grid;
    gap: ${t.spaceM};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  @media (max-width: 600px) {
    .post,
    .post--customer {
      margin-inline: 0;
    }
  }
  @media (forced-colors: active) {
    .ticket--awaiting,
    .post {
      border-color: CanvasText;
    }
  }
`;
