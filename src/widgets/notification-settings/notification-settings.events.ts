import { EbokEvent } from '../../core/events.js';
import type { Preferences } from './notification-settings.logic.js';

/**
 * `ebok-notification-settings-saved`: the customer saved the notification settings; `detail` is the matrix as the
 * server stored it.
 */
export class EbokNotificationSettingsSavedEvent extends EbokEvent<Preferences> {
  static readonly type = 'ebok-notification-settings-saved';
  constructor(detail: Preferences) {
    super(EbokNotificationSettingsSavedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-notification-settings-saved': EbokNotificationSettingsSavedEvent;
  }
}
