import { safeDefine } from '../../core/define.js';
import { EbokTickets } from './tickets.js';

export { EbokTickets };
export { EbokTicketRepliedEvent } from './tickets.events.js';

safeDefine('ebok-tickets', EbokTickets);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-tickets': EbokTickets;
  }
}
