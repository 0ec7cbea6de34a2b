import { safeDefine } from '../../core/define.js';
import { EbokLoginReminder } from './login-reminder.js';

export { EbokLoginReminder };

safeDefine('ebok-login-reminder', EbokLoginReminder);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-login-reminder': EbokLoginReminder;
  }
}
