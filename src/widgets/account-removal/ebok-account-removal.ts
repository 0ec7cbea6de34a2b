import { safeDefine } from '../../core/define.js';
import { EbokAccountRemoval } from './account-removal.js';

export { EbokAccountRemoval };
export { EbokAccountRemovalRequestedEvent } from './account-removal.events.js';

safeDefine('ebok-account-removal', EbokAccountRemoval);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-account-removal': EbokAccountRemoval;
  }
}
