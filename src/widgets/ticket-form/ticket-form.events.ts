import { EbokEvent } from '../../core/events.js';

/** What `ebok-ticket-created` tells the host about the new ticket. */
export interface TicketCreatedDetail {
  id: string;
  /** The case number the customer is told ("ZG/2026/002001"). */
  number: string;
  categoryId: string;
  status: string;
}

/**
 * `ebok-ticket-created`: the utility took a ticket sent with `<ebok-ticket-form>`.
 *
 * Declared next to its widget rather than in core/events.ts: only the pages with the form load it.
 */
export class EbokTicketCreatedEvent extends EbokEvent<TicketCreatedDetail> {
  static readonly type = 'ebok-ticket-created';
  constructor(detail: TicketCreatedDetail) {
    super(EbokTicketCreatedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-ticket-created': EbokTicketCreatedEvent;
  }
}
