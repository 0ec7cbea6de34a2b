import { EbokEvent } from '../../core/events.js';

/** What `ebok-unread-change` tells the host: how many of the customer's messages are unread now. */
export interface UnreadChangeDetail {
  /** All unread messages of the customer, whatever the filters (the API's `unreadCount`, less what was read since). */
  count: number;
}

/**
 * `ebok-unread-change`: the number of unread messages is known for the first time, or changed (a message was opened,
 * a mark failed and was undone, a reload brought a new count, the customer signed out: `0`). For the host's badge.
 *
 * Declared next to its widget rather than in core/events.ts: only the pages with the messages load it.
 */
export class EbokUnreadChangeEvent extends EbokEvent<UnreadChangeDetail> {
  static readonly type = 'ebok-unread-change';
  constructor(detail: UnreadChangeDetail) {
    super(EbokUnreadChangeEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-unread-change': EbokUnreadChangeEvent;
  }
}
