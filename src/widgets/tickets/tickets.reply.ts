import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { malformedResponse } from '../../api/diagnostics.js';
import type { ApiHost } from '../../kit/action.js';
import { MessageSender } from '../../kit/compose.js';
import { submitButton } from '../../kit/fields.js';
import { formFeedback } from '../../kit/form.js';
import { formStyles } from '../../kit/form.styles.js';
import { attachmentsField } from '../../kit/attachments.views.js';
import { attachmentsStyles } from '../../kit/attachments.styles.js';
import { photoStyles } from '../../kit/photo.styles.js';
import { queuedPanel, queuedStyles } from '../../kit/resend.views.js';
import { textareaField, textareaStyles } from '../../kit/textarea.js';
import { limitsOf, type TicketCategory } from '../../kit/tickets.js';
import { EMPTY_REPLY, MESSAGE_MAX, type ReplyValues, type TicketDetail, type TicketMessage } from './tickets.logic.js';

/** The look of the reply form (the form kit's, the files', the queued panel's, the text area's). */
export const replyStyles = [formStyles, photoStyles, attachmentsStyles, queuedStyles, textareaStyles];

/** A reply the server took, with the ticket it went to. */
export type SentReply = TicketMessage & { ticketId: string };

/** A reply not sent when the customer went to another ticket: kept for when it comes back. */
interface Draft {
  message: string;
  files: File[];
}

/**
 * The reply under a ticket's thread: the kit's MessageSender (text and files, one Idempotency-Key per reply, kept
 * while offline, a 401 waits for the next login), bound to the ticket it was written for, so a reply kept while
 * offline goes to its own ticket whatever is open when it goes; a draft is put aside when the customer opens
 * another ticket and comes back with it.
 */
export class TicketReply implements ReactiveController {
  readonly sender: MessageSender<ReplyValues, SentReply>;
  private readonly drafts = new Map<string, Draft>();
  /** The ticket the form holds the reply to. */
  private ticketId = '';

  constructor(host: ApiHost, done: (reply: SentReply) => void) {
    host.addController(this);
    this.sender = new MessageSender<ReplyValues, SentReply>(host, {
      initial: EMPTY_REPLY,
      order: ['message'],
      check: (_name, values) => (values.message.trim() ? (values.message.length > MESSAGE_MAX ? msg('Odpowiedź może mieć najwyżej 5000 znaków.') : undefined) : msg('Napisz treść odpowiedzi.')),
      // The ticket goes with the text (and out of the body in `send`): the key and a queued reply carry it.
      fields: (values) => (this.ticketId ? { ticketId: this.ticketId, message: values.message.trim() } : undefined),
      send: async (client, data, key, via) => {
        const ticketId = data.get('ticketId') as string;
        data.delete('ticketId');
        const message: unknown = await client.post('/tickets/{ticketId}/messages', {
          params: { path: { ticketId }, header: { 'Idempotency-Key': key } },
          body: data as never,
          ...(via ? { via } : {}),
        });
        if (typeof (message as TicketMessage | null)?.id !== 'string') throw malformedResponse(client.apiBase, 'POST /tickets/{ticketId}/messages answered without the message', 201);
        return { ...(message as TicketMessage), ticketId };
      },
      done,
      limits: limitsOf(undefined),
      context: { action: 'send', failed: msg('Nie udało się wysłać odpowiedzi.') },
    });
  }

  hostConnected(): void {}

  /** Sending now: the customer stays on this ticket until it went. */
  get busy(): boolean {
    return this.sender.form.busy;
  }

  /**
   * The form follows the opened ticket (call as the host updates): a draft of another is put aside, this one's
   * comes back; nothing changes while a reply goes or waits for a connection. The category's limits apply.
   */
  follow(ticketId: string, category: TicketCategory | undefined, userId: string | undefined): void {
    this.sender.follow(userId);
    this.sender.attachments.limits = limitsOf(category);
    if (ticketId === this.ticketId || this.busy || this.sender.queue.pending !== undefined) return;
    const message = this.sender.form.values.message;
    const files = this.sender.attachments.files;
    if (this.ticketId && (message.trim() || files.length)) this.drafts.set(this.ticketId, { message, files });
    this.sender.reset();
    this.ticketId = ticketId;
    const draft = this.drafts.get(ticketId);
    if (!draft) return;
    this.drafts.delete(ticketId);
    this.sender.form.assign({ message: draft.message });
    if (draft.files.length) void this.sender.attachments.add(draft.files);
  }

  /** The reply form; `submit` is the form's submit handler. */
  render(ticket: TicketDetail, submit: (event: SubmitEvent) => void): TemplateResult {
    const form = this.sender.form;
    const files = this.sender.attachments;
    const withFiles = files.limits.maxCount > 0;
    return html`<form class="reply" part="reply" novalidate aria-label=${msg('Odpowiedz w zgłoszeniu')} @submit=${submit} @paste=${withFiles ? files.onPaste : undefined}>
      ${formFeedback(form)}
      ${textareaField(form.field('message'), {
        label: ticket.status === 'awaiting_customer' ? msg('Twoja odpowiedź dla konsultanta') : msg('Twoja odpowiedź'),
        maxlength: MESSAGE_MAX,
        rows: 5,
      })}
      ${withFiles ? attachmentsField(files, { id: 'attachments', label: msg('Załączniki'), error: form.errors.attachments, busy: form.busy }) : nothing}
      ${this.sender.queue.pending === undefined ? nothing : queuedPanel(msg('Odpowiedź nie jest jeszcze wysłana: brak połączenia z internetem.'), this.sender.queue.flush)}
      <div class="actions">${submitButton(form, { label: msg('Wyślij odpowiedź') })}</div>
    </form>`;
  }
}
