import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { ListController, listStyles } from '../../controllers/list.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { EbokApiError } from '../../api/errors.js';
import { localized } from '../../i18n/locale.js';
import { EbokWidget } from '../../kit/widget.js';
import { listWidgetStyles } from '../../kit/list.styles.js';
import { filterSelect, filterStyles } from '../../kit/filters.js';
import { FilterState } from '../../kit/url-state.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { NoticeController } from '../../kit/notice.js';
import { fileText } from '../../kit/attachments.views.js';
import { downloadStyles, LazyDownloads } from '../../kit/lazy-downloads.js';
import { loadCategories, type TicketCategory } from '../../kit/tickets.js';
import { EbokTicketRepliedEvent } from './tickets.events.js';
import { ticketsStyles } from './tickets.styles.js';
import { countText, postItem, scopeText, threadHead, ticketItem } from './tickets.views.js';
import { replyStyles, TicketReply, type SentReply } from './tickets.reply.js';
import * as logic from './tickets.logic.js';
import type { Ticket, TicketAttachment, TicketDetail, TicketFilters, TicketScope } from './tickets.logic.js';

/** Tickets per page: a long history pages, most customers have a handful. */
const PAGE = 20;

/**
 * The customer's tickets (seeds 000, 002, 004: "Zgłoszenia"): each with its number, category, subject, status in
 * words (with an icon and a tone, never colour alone) and last activity, newest activity first; a ticket waiting
 * for the customer's answer is flagged. Opening one shows its thread, the customer's and the consultants' messages
 * oldest first, with their attachments to download; while it is not closed the customer replies there, with
 * attachments within the category's limits. A closed ticket takes no replies: it leads to a new ticket.
 *
 * Nothing typed is lost: a failed reply, a 401 (log in, then it sends), no connection (kept, sent when back, never
 * twice) keep the text and the files; going to another ticket keeps the draft for when the customer comes back.
 *
 * With `url-state` the opened ticket and the filter live in the page's address (`?ebok-ticket=tkt_…`,
 * `?ebok-tickets=open`): a link can open a ticket, and Back returns from a ticket to the list.
 *
 * @customElement ebok-tickets
 * @fires ebok-ticket-replied - The utility took the customer's reply: `detail` has `ticketId`, `number`, `messageId`.
 * @fires ebok-navigate - "Write a new ticket" (`target: 'new-ticket'`) or "Log in"; cancelable.
 * @fires ebok-error - A failure was shown to the customer.
 * @csspart base - The widget.
 * @csspart heading - Its title.
 * @csspart count - How many tickets the list has.
 * @csspart filters - The filter form.
 * @csspart filter - Its control, also `filter-scope`.
 * @csspart list - The list of tickets.
 * @csspart ticket - One ticket in the list (also `ticket-awaiting` when it waits for the customer).
 * @csspart ticket-open - The ticket's subject, which opens its thread.
 * @csspart status-badge - A status (icon and words).
 * @csspart more - The footer that loads further tickets.
 * @csspart back - "All tickets", back from a thread to the list.
 * @csspart thread-title - The opened ticket's subject.
 * @csspart status-hint - What happens next, under it.
 * @csspart thread - The messages of the ticket.
 * @csspart post - One message (also `post-customer` or `post-consultant`).
 * @csspart attachment-download - An attachment's download button.
 * @csspart download - A download's progress or problem.
 * @csspart reply - The reply form.
 * @csspart field - A field of the reply.
 * @csspart input - The reply's text area.
 * @csspart hint - A field's hint, and the count of characters left.
 * @csspart field-error - The error under a field.
 * @csspart error-summary - The errors announced after sending.
 * @csspart notice - A failure, or the reply's confirmation.
 * @csspart attachments - The reply's attachments field.
 * @csspart dropzone - Where files are dropped, with the pickers.
 * @csspart photo-input - "Add files" and, on a phone, "Take a photo".
 * @csspart attachment - One attached file.
 * @csspart attachment-remove - Its "Remove" button.
 * @csspart attachment-progress - Its upload's progress.
 * @csspart queued - The reply waits for a connection.
 * @csspart submit - "Send the reply".
 * @csspart new-ticket - "Write a new ticket" (a closed ticket, an empty list).
 * @csspart clear - "Show all tickets" under an empty filter.
 * @csspart login - The log-in link.
 * @csspart retry - "Try again" after a failure.
 * @csspart status - Loading, empty, error and offline states.
 * @cssprop --ebok-tickets-open-color - Tone of "new" and "in progress" (default: the info token).
 * @cssprop --ebok-tickets-awaiting-color - Tone and border of "waiting for your answer" (default: the warning token).
 * @cssprop --ebok-tickets-resolved-color - Tone of "resolved" (default: the success token).
 * @cssprop --ebok-tickets-closed-color - Tone of "closed" (default: the muted text token).
 * @cssprop --ebok-tickets-own-message-bg - Background of the customer's own messages in a thread.
 * @cssprop --ebok-tickets-filters-bg - Background of the filters.
 */
export class EbokTickets extends EbokWidget {
  static override styles = [EbokWidget.styles, listStyles, filterStyles, listWidgetStyles, ...replyStyles, downloadStyles, ticketsStyles];

  /** Which tickets the list shows: `open` (still running), `finished` (resolved or closed), or empty for all. */
  @property({ reflect: true }) scope: TicketScope = '';
  /** The ticket whose thread is open; empty for the list. */
  @property({ attribute: 'ticket-id', reflect: true }) ticketId = '';
  /** Keep the opened ticket and the filter in the page's address (`?ebok-ticket=…`, `?ebok-tickets=open`). */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;
  /** Where "Write a new ticket" leads (a page with `<ebok-ticket-form>`). */
  @property({ attribute: 'new-ticket-href' }) newTicketHref?: string;

  private readonly notices = new NoticeController(this);
  private readonly reply = new TicketReply(this, (sent) => this.replied(sent));
  /** Where focus goes after the next render: the thread's title, or the row of the ticket left. */
  private focusNext: (() => HTMLElement | null | undefined) | undefined;

  private readonly filterState: FilterState<TicketFilters> = new FilterState<TicketFilters>(this, {
    empty: logic.NO_FILTERS,
    normalize: logic.normalizeFilters,
    names: logic.URL_NAMES,
    urlState: () => this.urlState,
    history: true,
  });

  readonly list: ListController<Ticket, { status?: logic.TicketStatus[] }> = new ListController<Ticket, { status?: logic.TicketStatus[] }>(this, {
    load: logic.loadTickets,
    args: () => {
      const status = logic.statusesOf(this.filters.scope);
      return status ? { status } : {};
    },
    limit: PAGE,
    key: (ticket) => ticket.id,
    countText,
    failure: (error) => this.failureMessage(error),
  });

  private readonly categories: ApiTask<TicketCategory[]> = new ApiTask<TicketCategory[]>(this, { load: loadCategories });

  private readonly detail: ApiTask<TicketDetail | undefined, [string]> = new ApiTask<TicketDetail | undefined, [string]>(this, {
    args: () => [this.filters.ticketId],
    load: (client, signal, [id]) => logic.loadTicket(client, id, signal),
  });

  private readonly downloads = new LazyDownloads(this, { saved: (_request, name) => this.notices.announce(msg(str`Pobrano plik ${name}.`)) });

  /** The filters as the attributes (and, with `url-state`, the address) say them now, cleaned. */
  get filters(): TicketFilters {
    return this.filterState.value;
  }

  /** Opens a ticket's thread (or, with an empty id, goes back to the list), as the customer would. */
  open(ticketId: string): void {
    if (this.reply.busy) return;
    const from = this.filters.ticketId;
    this.filterState.set({ ticketId }, { push: true });
    this.focusAfterSwitch(ticketId, from);
  }

  /** After the thread opens, focus goes to its subject; back in the list, to the ticket left. */
  private focusAfterSwitch(to: string, from: string): void {
    this.focusNext = to
      ? () => this.renderRoot.querySelector<HTMLElement>('.thread__title, [part="status"]')
      : () => this.renderRoot.querySelector<HTMLElement>(`[data-ticket="${CSS.escape(from)}"]`) ?? this.renderRoot.querySelector<HTMLElement>('[part="heading"]');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('ebok-ticket-created', this.onCreated);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('ebok-ticket-created', this.onCreated);
  }

  /** A ticket written on the same page (`<ebok-ticket-form>`) joins the list. */
  private readonly onCreated = (): void => this.list.reload();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Back or Forward (or the host) switched the ticket while the customer was in the widget: focus follows, as it
    // does for the widget's own buttons, instead of being lost with the part that went away.
    if (changed.has('ticketId') && !this.focusNext && this.matches(':focus-within')) this.focusAfterSwitch(this.ticketId, changed.get('ticketId') ?? '');
    const ticket = this.detail.value;
    this.reply.follow(this.filters.ticketId, ticket && this.categories.value?.find((c) => c.id === ticket.categoryId), this.client?.session.state.user?.id);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.focusNext?.();
    if (target && (this.detail.status !== 'pending' || !this.filters.ticketId)) {
      this.focusNext = undefined;
      if (!target.hasAttribute('tabindex') && !(target instanceof HTMLButtonElement)) target.tabIndex = -1;
      target.focus();
    }
  }

  private replied(message: SentReply): void {
    const ticket = this.detail.value;
    const number = ticket?.id === message.ticketId ? ticket.number : '';
    this.emit(new EbokTicketRepliedEvent({ ticketId: message.ticketId, number, messageId: message.id }));
    this.notices.show({ tone: 'success', text: msg('Wysłaliśmy Twoją odpowiedź. Konsultant ją przeczyta i odpowie tutaj.'), urgent: false });
    this.detail.retry();
    this.list.reload();
    this.focusNext = () => this.renderRoot.querySelector<HTMLElement>(`[data-post="${CSS.escape(message.id)}"]`);
  }

  override render() {
    const status = this.list.status;
    const signedIn = status !== 'signed-out' && status !== 'no-api';
    const ticketId = this.filters.ticketId;
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${this.list.busy || this.detail.status === 'pending' ? 'true' : 'false'}>
      <div class="header">${this.heading(msg('Twoje zgłoszenia'), { id: 'title' })} ${ticketId ? nothing : this.list.renderCount()}</div>
      ${this.list.renderAnnouncement()}
      ${signedIn && ticketId ? this.renderDetail() : html`${signedIn ? this.renderFilters() : nothing}${this.renderList()}`}
    </section>`;
  }

  private renderList(): unknown {
    return this.list.render({
      pending: () => renderLoading(msg('zgłoszenia')),
      complete: (items) =>
        items.length
          ? html`<ul class="tickets" part="list" aria-label=${msg('Zgłoszenia')}>
                ${repeat(items, (t) => t.id, (t) => ticketItem(t, this.categoryName(t.categoryId), () => this.open(t.id)))}
              </ul>
              ${this.list.renderMore({ label: msg('Pokaż starsze zgłoszenia'), end: msg('To już wszystkie zgłoszenia.') })}`
          : this.renderNothing(),
      error: (error, retry) => renderError({ message: this.failureMessage(error), onRetry: retry }),
      offline: (retry) => renderOffline(retry),
      signedOut: () => html`<p>${msg('Zaloguj się, aby zobaczyć swoje zgłoszenia.')}</p>
        <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
      noApi: () => renderError({ message: msg('Zgłoszenia są chwilowo niedostępne.') }),
    });
  }

  private renderFilters(): TemplateResult {
    const scopes: TicketScope[] = ['', 'open', 'finished'];
    return html`<form class="filters" part="filters" aria-label=${msg('Filtry zgłoszeń')} @submit=${(e: Event) => e.preventDefault()}>
      ${filterSelect(
        'scope',
        msg('Pokaż zgłoszenia'),
        this.filters.scope,
        scopes.map((s) => [s, scopeText(s)] as const),
        (scope) => this.filterState.set({ scope }),
      )}
    </form>`;
  }

  private renderNothing(): TemplateResult {
    const write = this.newTicketLink();
    if (!this.filters.scope) {
      return html`${renderEmpty(msg('Nie masz jeszcze żadnych zgłoszeń.'))}
        <div class="actions">${write}</div>`;
    }
    return html`${renderEmpty(this.filters.scope === 'open' ? msg('Nie masz zgłoszeń w toku.') : msg('Nie masz zakończonych zgłoszeń.'))}
      <div class="actions">
        <button class="button button--secondary" part="clear" type="button" @click=${() => this.filterState.set({ scope: '' })}>${msg('Pokaż wszystkie zgłoszenia')}</button>
        ${write}
      </div>`;
  }

  private newTicketLink(): TemplateResult | typeof nothing {
    const href = this.newTicketHref;
    if (!href) return nothing;
    return html`<a class="button" part="new-ticket" href=${href} @click=${(e: MouseEvent) => this.navigate(e, 'new-ticket', href)}>${msg('Napisz nowe zgłoszenie')}</a>`;
  }

  private categoryName(id: string): string {
    const category = this.categories.value?.find((c) => c.id === id);
    return category ? localized(category.label) : '';
  }

  private renderDetail(): unknown {
    const busy = this.reply.busy;
    const back = html`<button
      class="button button--secondary back"
      part="back"
      type="button"
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => this.open('')}
    >
      ← ${msg('Wszystkie zgłoszenia')}
    </button>`;
    return html`<div class="detail">
      ${back}
      ${this.detail.render({
        pending: () => (this.detail.value?.id === this.filters.ticketId ? this.renderThread(this.detail.value) : renderLoading(msg('zgłoszenie'))),
        complete: (ticket) => (ticket ? this.renderThread(ticket) : nothing),
        error: (error, retry) =>
          error instanceof EbokApiError && error.status === 404
            ? renderError({ message: msg('Nie znaleźliśmy tego zgłoszenia. Może należy do innego konta albo link jest niepełny.') })
            : renderError({ message: failureText(describeFailure(error, { failed: msg('Nie udało się wczytać zgłoszenia.') })), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
      })}
    </div>`;
  }

  private renderThread(ticket: TicketDetail): TemplateResult {
    const category = this.categoryName(ticket.categoryId);
    return html`${threadHead(ticket, category, Math.min(6, this.level + 1))}
      <ol class="thread" part="thread" aria-label=${msg('Wiadomości w zgłoszeniu')}>
        ${repeat(ticket.messages, (m) => m.id, (m) => postItem(m, (a) => this.renderAttachment(ticket, a)))}
      </ol>
      ${this.notices.renderLiveRegion()} ${this.downloads.renderProblems({ login: () => this.loginLink(msg('Zaloguj się'), 'link') })} ${this.notices.render()}
      ${logic.canReply(ticket) ? this.reply.render(ticket, this.onSubmit) : html`<div class="actions">${this.newTicketLink()}</div>`}`;
  }

  private renderAttachment(ticket: TicketDetail, a: TicketAttachment): TemplateResult {
    const label = msg(str`Pobieranie pliku ${a.name}`);
    return html`${this.downloads.renderProgress(a.id, label) ??
      html`<button class="button button--secondary" part="attachment-download" type="button" aria-label=${msg(str`Pobierz ${a.name} (${fileText(a.contentType, a.size)})`)} @click=${() => this.download(ticket, a)}>
        ${msg('Pobierz')} ${a.name}
      </button>`}
      <span class="meta" aria-hidden="true">${fileText(a.contentType, a.size)}</span>`;
  }

  private download(ticket: TicketDetail, a: TicketAttachment): void {
    void this.downloads.start({
      key: a.id,
      label: a.name,
      fallbackName: a.name,
      load: (client, signal, read) => client.download('/tickets/{ticketId}/attachments/{attachmentId}', { params: { path: { ticketId: ticket.id, attachmentId: a.id } }, signal }, read),
    });
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.notices.clear();
    void this.reply.sender.submit();
  };

  private failureMessage(error: unknown): string {
    const failed = msg('Nie udało się wczytać zgłoszeń.');
    return failureText(describeFailure(error, { failed, unavailable: failed }));
  }

}
