import { EbokEvent } from '../../core/events.js';

/** What `ebok-ticket-replied` tells the host. */
export interface TicketRepliedDetail {
  ticketId: string;
  /** The case number the customer knows ("ZG/2026/002001"). */
  number: string;
  messageId: string;
}

/**
 * `ebok-ticket-replied`: the customer's reply in a ticket reached the utility (sent with `<ebok-tickets>`).
 *
 * Declared next to its widget rather than in core/events.ts: only the pages with the tickets load it.
 */
export class EbokTicketRepliedEvent extends EbokEvent<TicketRepliedDetail> {
  static readonly type = 'ebok-ticket-replied';
  constructor(detail: TicketRepliedDetail) {
    super(EbokTicketRepliedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-ticket-replied': EbokTicketRepliedEvent;
  }
}
