import { safeDefine } from '../../core/define.js';
import { EbokTicketForm } from './ticket-form.js';

export { EbokTicketForm };
export { EbokTicketCreatedEvent } from './ticket-form.events.js';

safeDefine('ebok-ticket-form', EbokTicketForm);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-ticket-form': EbokTicketForm;
  }
}
