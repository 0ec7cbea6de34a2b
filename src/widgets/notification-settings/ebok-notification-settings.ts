import { safeDefine } from '../../core/define.js';
import { EbokNotificationSettings } from './notification-settings.js';

export { EbokNotificationSettings };

safeDefine('ebok-notification-settings', EbokNotificationSettings);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-notification-settings': EbokNotificationSettings;
  }
}
