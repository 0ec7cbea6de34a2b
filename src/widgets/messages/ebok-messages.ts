import { safeDefine } from '../../core/define.js';
import { EbokMessages } from './messages.js';

export { EbokMessages };
export { EbokUnreadChangeEvent } from './messages.events.js';

safeDefine('ebok-messages', EbokMessages);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-messages': EbokMessages;
  }
}
