import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef } from 'lit/directives/ref.js';
import { msg } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { EbokWidget } from '../../kit/widget.js';
import { submitButton, textField } from '../../kit/fields.js';
import { formFeedback } from '../../kit/form.js';
import { choiceField } from '../../kit/choice-fields.js';
import { formStyles } from '../../kit/form.styles.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { MessageSender } from '../../kit/compose.js';
import { attachmentsField } from '../../kit/attachments.views.js';
import { attachmentsStyles } from '../../kit/attachments.styles.js';
import { photoStyles } from '../../kit/photo.styles.js';
import { queuedPanel, queuedStyles } from '../../kit/resend.views.js';
import { textareaField, textareaStyles } from '../../kit/textarea.js';
import { SearchController } from '../../kit/search.js';
import { paramsFromUrl } from '../../kit/url-state.js';
import { pointText } from '../../kit/meters.js';
import { loadCategories } from '../../kit/tickets.js';
import { EbokTicketCreatedEvent } from './ticket-form.events.js';
import { ticketFormStyles } from './ticket-form.styles.js';
import * as logic from './ticket-form.logic.js';
import type { DocumentSummary, Point, TicketCategory, TicketDetail, TicketValues } from './ticket-form.logic.js';
import * as view from './ticket-form.views.js';

/** The address parameters a link may preset the form with: `?ebok-category=complaint&ebok-document=doc_…`. */
const URL_NAMES = { category: 'category', pointId: 'point', documentId: 'document' } as const;

/**
 * Writing to the utility instead of calling (seeds 000, 002, 004): a question, a complaint about an invoice, an
 * outage report or a request. The categories come from the API, each with its description and what it needs: the
 * point of delivery, the invoice (searchable among the customer's documents), attachments within its limits.
 * A host can preset the category (by id or kind), the point and the document by attribute, or with `url-state`
 * from the page's address, so "complain about this invoice" in the invoice list opens the form with it chosen.
 *
 * Nothing typed is lost: a failed send, a 401 (log in, then it sends by itself), no connection (kept, sent when
 * back online, never twice) or the idle logout keep the subject, the message, the choices and the files; a double
 * click sends one ticket (one Idempotency-Key). The answer shows the ticket's number and what happens next.
 *
 * @customElement ebok-ticket-form
 * @fires ebok-ticket-created - The utility took the ticket: `detail` has its `id`, `number`, `categoryId`, `status`.
 * @fires ebok-navigate - "Your tickets" (`target: 'tickets'`) or "Log in"; cancelable.
 * @fires ebok-error - A failure was shown to the customer.
 * @csspart base - The widget.
 * @csspart heading - The heading.
 * @csspart categories - The choice of what the ticket is about.
 * @csspart choice - The choice of the point of delivery.
 * @csspart documents - The choice of the invoice, with its search.
 * @csspart field - A field.
 * @csspart input - An input or the message's text area.
 * @csspart hint - A field's hint, and the count of characters left.
 * @csspart field-error - The error under a field.
 * @csspart error-summary - The errors announced after sending.
 * @csspart notice - A failure of sending.
 * @csspart attachments - The attachments field.
 * @csspart dropzone - Where files are dropped, with the pickers.
 * @csspart photo-input - "Add files" and, on a phone, "Take a photo".
 * @csspart attachment - One attached file.
 * @csspart attachment-remove - Its "Remove" button.
 * @csspart attachment-progress - Its upload's progress.
 * @csspart queued - The ticket waits for a connection.
 * @csspart submit - The send button.
 * @csspart result - The answer: the ticket's number and what happens next.
 * @csspart tickets - The link to the customer's tickets.
 * @csspart another - "Write another ticket".
 * @csspart login - The log-in link.
 * @csspart retry - "Try again" after a failure.
 * @csspart status - Loading, empty, error and offline states.
 * @cssprop --ebok-color-primary - Buttons and links.
 * @cssprop --ebok-photo-drop-border-color - The drop zone's border.
 * @cssprop --ebok-photo-drop-background - The drop zone's background.
 */
export class EbokTicketForm extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles, photoStyles, attachmentsStyles, queuedStyles, textareaStyles, ticketFormStyles];

  /** The category chosen at first: its id (`cat_invoice`) or its kind (`complaint`, `outage_report`, `question`, `request`). */
  @property() category?: string;
  /** The point of delivery chosen at first. */
  @property({ attribute: 'point-id' }) pointId?: string;
  /** The document chosen at first (a complaint about this invoice). */
  @property({ attribute: 'document-id' }) documentId?: string;
  /** Reads the presets from the page's address too: `?ebok-category=`, `?ebok-point=`, `?ebok-document=`. */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;
  /** The page with the customer's tickets (`<ebok-tickets>`), linked from the answer. */
  @property({ attribute: 'tickets-href' }) ticketsHref?: string;

  @state() private sent?: TicketDetail;
  @state() private documentSearch = '';
  private presetsApplied = false;
  private readonly resultRef = createRef<HTMLElement>();

  private readonly categories: ApiTask<TicketCategory[]> = new ApiTask<TicketCategory[]>(this, {
    load: loadCategories,
  });

  private readonly points: ApiTask<Point[], [boolean]> = new ApiTask<Point[], [boolean]>(this, {
    args: () => [!!this.chosenCategory?.requiresPoint],
    load: async (client, signal, [needed]) => {
      if (!needed) return [];
      const list: unknown = await client.get('/points', { params: { query: { limit: 100 } }, signal });
      const items = (list as { items?: unknown } | null)?.items;
      if (!Array.isArray(items)) throw malformedResponse(client.apiBase, 'GET /points answered without items');
      return items as Point[];
    },
  });

  private readonly documents: ApiTask<DocumentSummary[], [boolean, string]> = new ApiTask<DocumentSummary[], [boolean, string]>(this, {
    args: () => [!!this.chosenCategory?.requiresDocument, this.documentSearch],
    load: async (client, signal, [needed, q]) => {
      if (!needed) return [];
      const list: unknown = await client.get('/documents', { params: { query: { limit: 10, sort: '-issueDate', ...(q ? { q } : {}) } }, signal });
      const items = (list as { items?: unknown } | null)?.items;
      if (!Array.isArray(items)) throw malformedResponse(client.apiBase, 'GET /documents answered without items');
      return items as DocumentSummary[];
    },
  });

  /** The chosen document, also when the list (a search) does not hold it: a preset one is read by its id. */
  private readonly chosenDocument: ApiTask<DocumentSummary | undefined, [boolean, string]> = new ApiTask<DocumentSummary | undefined, [boolean, string]>(this, {
    args: () => [!!this.chosenCategory?.requiresDocument, this.sender.form.values.documentId],
    load: async (client, signal, [needed, id]) => {
      if (!needed || !id) return undefined;
      const known = this.documents.value?.find((doc) => doc.id === id) ?? (this.chosenDocument.value?.id === id ? this.chosenDocument.value : undefined);
      if (known) return known;
      const doc = (await client.get('/documents/{documentId}', { params: { path: { documentId: id } }, signal })) as DocumentSummary | null;
      return doc && typeof doc.number === 'string' ? doc : undefined;
    },
  });

  private readonly search = new SearchController(this, { apply: (text) => (this.documentSearch = text) });

  private readonly sender: MessageSender<TicketValues, TicketDetail> = new MessageSender<TicketValues, TicketDetail>(this, {
    initial: logic.EMPTY,
    order: logic.ORDER,
    check: (name, values) => {
      const problem = logic.checkTicket(name, values, this.categoryOf(values.categoryId));
      return problem && view.problemText(problem);
    },
    fields: (values) => logic.ticketFields(values, this.categoryOf(values.categoryId)),
    send: async (client, data, key, via): Promise<TicketDetail> => {
      const ticket: unknown = await client.post('/tickets', { params: { header: { 'Idempotency-Key': key } }, body: data as never, ...(via ? { via } : {}) });
      if (typeof (ticket as TicketDetail | null)?.number !== 'string') throw malformedResponse(client.apiBase, 'POST /tickets answered without the ticket number', 201);
      return ticket as TicketDetail;
    },
    done: (ticket) => void this.done(ticket),
    limits: logic.limitsOf(undefined),
    withFiles: () => !!this.chosenCategory?.allowsAttachments,
    context: { action: 'send', failed: msg('Nie udało się wysłać zgłoszenia.') },
  });

  private categoryOf(id: string): TicketCategory | undefined {
    return this.categories.value?.find((c) => c.id === id);
  }

  private get chosenCategory(): TicketCategory | undefined {
    return this.categoryOf(this.sender.form.values.categoryId);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.urlState) return;
    const fromUrl = paramsFromUrl(location.search, URL_NAMES);
    if (fromUrl) Object.assign(this, fromUrl);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.sender.follow(this.client?.session.state.user?.id);
    if (changed.has('category') || changed.has('pointId') || changed.has('documentId')) this.presetsApplied = false;
    const categories = this.categories.value;
    if (categories && !this.presetsApplied) this.applyPresets(categories);
    const category = this.chosenCategory;
    this.sender.attachments.limits = logic.limitsOf(category);
    // The only point of delivery is the one the ticket is about.
    const points = this.points.value;
    if (category?.requiresPoint && points?.length === 1 && !this.sender.form.values.pointId) this.sender.form.assign({ pointId: points[0]!.id });
  }

  /** The host's presets, once the categories are known; what the customer already chose stays. */
  private applyPresets(categories: readonly TicketCategory[]): void {
    this.presetsApplied = true;
    const values = this.sender.form.values;
    const category = logic.presetCategory(categories, this.category, !!this.documentId);
    this.sender.form.assign({
      ...(category && !values.categoryId ? { categoryId: category.id } : {}),
      ...(this.pointId && !values.pointId ? { pointId: this.pointId } : {}),
      ...(this.documentId && !values.documentId ? { documentId: this.documentId } : {}),
    });
  }

  private async done(ticket: TicketDetail): Promise<void> {
    this.sent = ticket;
    this.emit(new EbokTicketCreatedEvent({ id: ticket.id, number: ticket.number, categoryId: ticket.categoryId, status: ticket.status }));
    await this.updateComplete;
    this.resultRef.value?.focus();
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.sender.submit();
  };

  private readonly another = (): void => {
    this.sent = undefined;
    this.presetsApplied = false;
    this.search.reset('');
    this.documentSearch = '';
    this.sender.form.focus.next(() => this.renderRoot.querySelector<HTMLElement>('[part="categories"] input'));
  };

  override render() {
    const busy = this.categories.status === 'pending' || this.sender.form.busy;
    return html`<div class="base" part="base" aria-busy=${busy ? 'true' : 'false'}>
      ${this.heading(msg('Napisz do nas'))}
      ${this.categories.render({
        pending: () => (this.categories.value ? this.renderBody(this.categories.value) : renderLoading(msg('formularz zgłoszenia'))),
        complete: (categories) => (categories.length ? this.renderBody(categories) : renderEmpty(msg('Zgłoszeń nie można teraz wysłać przez eBOK. Zadzwoń do Biura Obsługi Klienta.'))),
        error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed: msg('Nie udało się wczytać formularza zgłoszenia.') })), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => html`<p>${msg('Zaloguj się, aby napisać zgłoszenie.')}</p>
          <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
        noApi: () => renderError({ message: msg('Zgłoszenia są chwilowo niedostępne.') }),
      })}
    </div>`;
  }

  private renderBody(categories: readonly TicketCategory[]) {
    if (this.sent) {
      const href = this.ticketsHref;
      const link = href
        ? html`<a class="button" part="tickets" href=${href} @click=${(e: MouseEvent) => this.navigate(e, 'tickets', href, { ticketId: this.sent!.id })}>${msg('Zobacz swoje zgłoszenia')}</a>`
        : nothing;
      return view.sentPanel(this.sent, this.resultRef, link, this.another);
    }
    const form = this.sender.form;
    const category = this.chosenCategory;
    return html`${formFeedback(form)}
      <form novalidate @submit=${this.onSubmit} @paste=${category?.allowsAttachments ? this.sender.attachments.onPaste : undefined}>
        ${view.categoryField(form.field('categoryId'), categories)} ${category?.requiresPoint ? this.renderPoints() : nothing}
        ${category?.requiresDocument ? this.renderDocuments() : nothing}
        ${textField(form.field('subject'), { label: msg('Temat'), autocomplete: 'off', maxlength: logic.SUBJECT_MAX, hint: msg('Krótko, np. „Zawyżona faktura za luty”.') })}
        ${textareaField(form.field('message'), { label: msg('Treść zgłoszenia'), maxlength: logic.MESSAGE_MAX, rows: 8 })} ${this.renderAttachments(category)}
        ${this.sender.queue.pending === undefined ? nothing : queuedPanel(msg('Zgłoszenie nie jest jeszcze wysłane: brak połączenia z internetem.'), this.sender.queue.flush)}
        <div class="actions">${submitButton(form, { label: msg('Wyślij zgłoszenie') })}</div>
      </form>`;
  }

  private renderAttachments(category: TicketCategory | undefined) {
    const files = this.sender.attachments;
    if (category?.allowsAttachments) {
      return attachmentsField(files, { id: 'attachments', label: msg('Załączniki'), error: this.sender.form.errors.attachments, busy: this.sender.form.busy });
    }
    return files.items.length ? html`<p class="files-unsent">${msg('W tej sprawie nie dołącza się plików: wybrane pliki nie zostaną wysłane.')}</p>` : nothing;
  }

  private renderPoints() {
    const binding = this.sender.form.field('pointId');
    return this.points.render({
      pending: () => renderLoading(msg('punkty poboru')),
      complete: (points) =>
        points.length
          ? choiceField(binding, { legend: msg('Którego punktu poboru dotyczy zgłoszenie?'), options: points.map((p) => ({ value: p.id, label: pointText(p) })) })
          : html`<p>${msg('Nie masz punktu poboru, którego mogłoby dotyczyć zgłoszenie. Wybierz inną sprawę.')}</p>`,
      error: (_error, retry) => renderError({ message: msg('Nie udało się wczytać punktów poboru.'), onRetry: retry }),
      offline: (retry) => renderOffline(retry),
    });
  }

  private renderDocuments() {
    const found = this.documents.value ?? [];
    const chosen = this.chosenDocument.value;
    const shown = logic.documentChoices(found, chosen && chosen.id === this.sender.form.values.documentId ? chosen : undefined);
    if (this.documents.status === 'error') {
      return renderError({ message: msg('Nie udało się wczytać faktur.'), onRetry: () => this.documents.retry() });
    }
    return view.documentField(this.sender.form.field('documentId'), {
      documents: shown,
      search: this.search.text,
      onSearch: (text) => this.search.input(text),
      onSearchNow: () => this.search.flush(),
      searching: this.documents.status === 'pending',
      none: this.documents.status === 'complete' && found.length === 0 && !!this.documentSearch,
    });
  }
}
