import { svg } from 'lit';

/** The message history's own icons (see kit/icons.ts `icon()`): only its page loads them. */
export const messageIcons = {
  /** Points down: a disclosure that opens below (turned by CSS when open). */
  chevron: svg`<path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>`,
  /** An envelope: a message sent by e-mail. */
  email: svg`<rect x="2.5" y="5" width="19" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="2"/><path d="m3.5 6.5 8.5 6.5 8.5-6.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`,
  /** A phone: a message sent by SMS. */
  sms: svg`<rect x="6.5" y="2.5" width="11" height="19" rx="2" fill="none" stroke="currentColor" stroke-width="2"/><path d="M10.5 18h3" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  /** A screen: a message shown in the portal. */
  portal: svg`<rect x="2.5" y="4" width="19" height="13" rx="2" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 21h8M12 17v4" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
};
