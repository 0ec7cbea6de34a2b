import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { ListController, listStyles, type ListPage } from '../../controllers/list.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { newIdempotencyKey } from '../../api/client.js';
import { EbokWidget } from '../../kit/widget.js';
import { listWidgetStyles } from '../../kit/list.styles.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { filterCheck, filterSelect, filterStyles } from '../../kit/filters.js';
import { FilterState } from '../../kit/url-state.js';
import { EbokUnreadChangeEvent } from './messages.events.js';
import { messagesStyles } from './messages.styles.js';
import { channelText, countText, eventText, messageBody, messageItem, unreadSummary } from './messages.views.js';
import {
  allowedOrigins,
  isMessage,
  eventsOf,
  isFiltered,
  MESSAGE_CHANNELS,
  MESSAGE_EVENTS,
  messageQuery,
  normalizeFilters,
  NO_FILTERS,
  unreadCountOf,
  URL_NAMES,
  type Message,
  type MessageFilters,
  type MessageQuery,
} from './messages.logic.js';

type Query = Omit<MessageQuery, 'cursor' | 'limit'>;

/** Messages per page: a screenful of short rows, few enough to arrive fast on a phone. */
const PAGE = 20;

/**
 * The history of notifications the utility sent the customer (seed 002: "Wiadomości" keeps every notification sent
 * by e-mail and SMS): new invoices, due dates, payment reminders and debt collection, planned works, reading windows,
 * payments received, replies to tickets, account security. Newest first, each with what it is about and how it came
 * (in words, with an icon), when (Polish time), its subject (an SMS: the start of its text) and whether it was read
 * (bold, a dot, and "unread" in words for screen readers).
 *
 * Opening a message (a button, Enter or Space) shows its whole text and marks it read on the server, once; the mark
 * shows at once and, if the server refuses it, the message quietly stays unread. The text is plain: it is never read
 * as HTML, and a web address in it becomes a link only when it leads to the page's own origin or one of
 * `link-origins`; any other address stays text, so a forged notification cannot lead the customer elsewhere.
 *
 * Filters (kind, channel, only unread) come from attributes, so a host can link to "collection notices"; with
 * `url-state` they are kept in the page's address too (`?ebok-messages-event=…`). The host's badge reads
 * `unread-count` or listens for `ebok-unread-change`.
 *
 * @customElement ebok-messages
 * @attr unread-count - Read only, set by the widget: all unread messages of the customer (whatever the filters);
 *   absent until known and while signed out.
 * @fires ebok-unread-change - The unread count is known for the first time or changed (`detail.count`); `0` when
 *   the customer signs out.
 * @fires ebok-navigate - A link inside a message (`target: 'message-link'`, `href`), or "Log in" (`target: 'login'`).
 *   Cancelable: a single-page app routes it itself.
 * @fires ebok-error - A page of the history could not be loaded (the error shown to the customer). A failed
 *   "mark as read" is not reported: the message stays unread, nothing else happens.
 * @csspart base - The whole widget.
 * @csspart heading - Its title.
 * @csspart count - How many messages match.
 * @csspart unread-summary - How many are unread (all of the customer's).
 * @csspart filters - The filter form.
 * @csspart filter - Each control of the filters, also `filter-<name>` (`filter-event`, `filter-channel`, `filter-unread`).
 * @csspart clear - "Clear filters" (in the form, and under "no message matches").
 * @csspart announcement - The screen readers' live region saying what loaded.
 * @csspart list - The list of messages.
 * @csspart message - One message (also `message-unread` while unread).
 * @csspart toggle - The button that opens and closes a message (its kind, channel, date and title).
 * @csspart unread - The dot of an unread message.
 * @csspart kind - What the message is about, in words.
 * @csspart channel - How it was sent: icon and words.
 * @csspart date - When it was sent.
 * @csspart title - Its subject, or the start of an SMS.
 * @csspart body - The whole text of an open message.
 * @csspart body-link - A link in the text (only to the utility's own origins).
 * @csspart more - The footer that loads further pages.
 * @csspart more-button - Its "Load more" button.
 * @csspart status - Loading, empty, error and offline states.
 * @csspart error - The error state.
 * @csspart offline - The offline state.
 * @csspart retry - "Try again".
 * @csspart login - The log-in link when signed out.
 * @cssprop --ebok-messages-filters-bg - Background of the filters.
 * @cssprop --ebok-messages-unread-color - The unread dot (default: the primary colour).
 * @cssprop --ebok-messages-unread-bg - Background of an unread message (default: none).
 */
export class EbokMessages extends EbokWidget {
  static override styles = [EbokWidget.styles, listStyles, filterStyles, listWidgetStyles, messagesStyles];

  /** Only messages about these events (space-separated: `overdue_reminder debt_collection`); empty for every kind. */
  @property({ reflect: true }) event = '';
  /** Only messages sent by this channel: `email`, `sms`, `portal`; empty for every channel. */
  @property({ reflect: true }) channel = '';
  /** Only unread messages (`<ebok-messages unread>`). */
  @property({ type: Boolean, reflect: true }) unread = false;
  /** Keep the filters in the page's address too (`?ebok-messages-event=…`), so that a reload or a shared link keeps them. */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;
  /**
   * Other origins of the utility whose addresses in a message become links (space-separated:
   * `https://www.example-utility.pl https://ebok.example-utility.pl`); the page's own origin always counts.
   */
  @property({ attribute: 'link-origins' }) linkOrigins = '';

  /** The API's unread count, less what was read here since; `undefined` until known and while signed out. */
  @state() private unreadKnown: number | undefined;
  /** The unread count the host was last told (`ebok-unread-change`). */
  private told: number | undefined;
  @state() private opened = new Set<string>();
  /** Messages read here (optimistically, until the server refuses): shown read whatever the loaded page says. */
  @state() private readHere = new Set<string>();
  /** Messages whose mark was sent (or is on its way): never sent twice. */
  private readonly marked = new Set<string>();

  readonly list: ListController<Message, Query> = new ListController<Message, Query>(this, {
    load: async (client, { cursor, limit, args }, signal) => {
      const answer: unknown = await client.get('/messages', { params: { query: { ...args, ...(cursor ? { cursor } : {}), limit } }, signal });
      const count = unreadCountOf(answer);
      if (count === undefined) throw malformedResponse(client.apiBase, 'GET /messages answered without a valid unreadCount');
      const items = (answer as { items?: unknown }).items;
      if (Array.isArray(items) && !items.every(isMessage)) throw malformedResponse(client.apiBase, 'GET /messages answered items without an id, channel, body or date');
      this.serverCount(count);
      return answer as ListPage<Message>;
    },
    args: () => messageQuery(this.filters),
    limit: PAGE,
    key: (message) => message.id,
    countText,
    failure: (error) => this.failureMessage(error),
  });

  private readonly filterState: FilterState<MessageFilters> = new FilterState<MessageFilters>(this, {
    empty: NO_FILTERS,
    normalize: normalizeFilters,
    names: URL_NAMES,
    urlState: () => this.urlState,
  });

  /** All unread messages of the customer (whatever the filters), as the host's badge shows them; `undefined` until known. */
  get unreadCount(): number | undefined {
    return this.unreadKnown;
  }

  /**
   * `unread` as the filters and the address carry it (`'true'` or `''`).
   * @internal
   */
  get unreadOnly(): string {
    return this.unread ? 'true' : '';
  }
  set unreadOnly(value: string) {
    this.unread = value === 'true';
  }

  /** The filters as the attributes say them now, cleaned. */
  get filters(): MessageFilters {
    return this.filterState.value;
  }

  /** Sets filters as the customer would (the list starts over; the attributes and, with `url-state`, the address follow). */
  setFilters(change: Partial<MessageFilters>): void {
    this.filterState.set(change);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Signed out (a logout, an expired session): the badge goes with the customer's data.
    if (this.list.status === 'signed-out' && this.unreadKnown !== undefined) {
      this.unreadKnown = undefined;
      this.tell(0);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.unreadKnown === undefined) this.removeAttribute('unread-count');
    else this.setAttribute('unread-count', String(this.unreadKnown));
  }

  override render() {
    const status = this.list.status;
    const signedIn = status !== 'signed-out' && status !== 'no-api';
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${this.list.busy ? 'true' : 'false'}>
      <div class="header">
        ${this.heading(msg('Wiadomości'), { id: 'title' })}
        <div class="summary">${this.list.renderCount()} ${signedIn ? unreadSummary(this.unreadKnown) : nothing}</div>
      </div>
      ${signedIn ? this.renderFilters() : nothing} ${this.list.renderAnnouncement()}
      ${this.list.render({
        pending: () => renderLoading(msg('wiadomości')),
        complete: (items) => (items.length ? html`${this.renderList(items)} ${this.list.renderMore()}` : this.renderNothing()),
        error: (error, retry) => renderError({ message: this.failureMessage(error), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => this.renderSignedOut(),
        noApi: () => renderError({ message: msg('Wiadomości są chwilowo niedostępne.') }),
      })}
    </section>`;
  }

  /** The message is unread: the API says so and it was not opened here. */
  isUnread(message: Message): boolean {
    return !message.readAt && !this.readHere.has(message.id);
  }

  /** Opens or closes a message as its button does; opening an unread one marks it read. */
  toggle(message: Message): void {
    const opened = new Set(this.opened);
    if (opened.has(message.id)) opened.delete(message.id);
    else {
      opened.add(message.id);
      if (this.isUnread(message)) this.markRead(message);
    }
    this.opened = opened;
  }

  /** Marks a message read: at once on screen and in the count, then on the server, once; undone if refused. */
  private markRead(message: Message): void {
    const client = this.client;
    if (!client || this.marked.has(message.id)) return;
    this.marked.add(message.id);
    this.readHere = new Set(this.readHere).add(message.id);
    this.changeCount(-1);
    client
      .post('/messages/{messageId}/read', { params: { path: { messageId: message.id }, header: { 'Idempotency-Key': newIdempotencyKey() } } })
      .catch(() => {
        // Quietly: the message stays unread and opening it again tries again; no notice for a mark.
        this.marked.delete(message.id);
        const readHere = new Set(this.readHere);
        readHere.delete(message.id);
        this.readHere = readHere;
        this.changeCount(+1);
      });
  }

  /** A page's `unreadCount`: the server's word (it counts the marks it has taken). */
  private serverCount(count: number): void {
    this.unreadKnown = count;
    this.tell(count);
  }

  private changeCount(by: number): void {
    if (this.unreadKnown === undefined) return;
    this.unreadKnown = Math.max(0, this.unreadKnown + by);
    this.tell(this.unreadKnown);
  }

  private tell(count: number): void {
    if (count === this.told) return;
    this.told = count;
    this.emit(new EbokUnreadChangeEvent({ count }));
  }

  private failureMessage(error: unknown): string {
    const failed = msg('Nie udało się wczytać wiadomości.');
    return failureText(describeFailure(error, { failed, unavailable: failed }));
  }

  private renderSignedOut(): TemplateResult {
    const ended = this.client?.session.endedBy;
    const text =
      ended && ended !== 'logout' ? msg('Twoja sesja wygasła. Zaloguj się ponownie, aby zobaczyć wiadomości.') : msg('Zaloguj się, aby zobaczyć wiadomości.');
    return html`<p>${text}</p>
      <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`;
  }

  private renderFilters(): TemplateResult {
    const filters = this.filters;
    const events = eventsOf(filters.event);
    // Several kinds from the host's attribute (a link to "collection notices"): offered as they are, named by count.
    const several = events.length > 1 ? ([[filters.event, msg(str`Wybrane rodzaje (${events.length})`)]] as const) : [];
    return html`<form class="filters" part="filters" aria-label=${msg('Filtry wiadomości')} @submit=${(e: Event) => e.preventDefault()}>
      ${filterSelect('event', msg('Rodzaj'), filters.event, [['', msg('Wszystkie')], ...several, ...MESSAGE_EVENTS.map((event) => [event, eventText(event)] as const)], (event) =>
        this.setFilters({ event }),
      )}
      ${filterSelect('channel', msg('Kanał'), filters.channel, [['', msg('Wszystkie')], ...MESSAGE_CHANNELS.map((channel) => [channel, channelText(channel)] as const)], (channel) =>
        this.setFilters({ channel }),
      )}
      ${filterCheck('unread', msg('Tylko nieprzeczytane'), filters.unreadOnly === 'true', (checked) => this.setFilters({ unreadOnly: checked ? 'true' : '' }))}
      ${isFiltered(filters)
        ? html`<div class="filters__actions">
            <button class="button button--secondary" part="clear" type="button" @click=${() => this.setFilters(NO_FILTERS)}>${msg('Wyczyść filtry')}</button>
          </div>`
        : nothing}
    </form>`;
  }

  private renderNothing(): TemplateResult {
    if (!isFiltered(this.filters)) return renderEmpty(msg('Nie masz jeszcze żadnych wiadomości.'));
    return html`${renderEmpty(msg('Żadna wiadomość nie pasuje do wybranych filtrów.'))}
      <div class="actions">
        <button class="button button--secondary" part="clear" type="button" @click=${this.clearFromEmpty}>${msg('Pokaż wszystkie wiadomości')}</button>
      </div>`;
  }

  /** The button goes away with the empty state: its focus goes to the title, not to the page's start. */
  private readonly clearFromEmpty = (): void => {
    this.setFilters(NO_FILTERS);
    this.focusHeading();
  };

  private renderList(items: readonly Message[]): TemplateResult {
    const level = Math.min(6, this.level + 1);
    const origins = allowedOrigins(location.origin, this.linkOrigins);
    return html`<ul class="messages" part="list" aria-label=${msg('Wiadomości')}>
      ${repeat(
        items,
        (message) => message.id,
        (message, index) =>
          messageItem(message, {
            id: `message-${index}`,
            level,
            unread: this.isUnread(message),
            open: this.opened.has(message.id),
            toggle: () => this.toggle(message),
            body: () => messageBody(message.body, origins, (event, href) => this.navigate(event, 'message-link', href)),
          }),
      )}
    </ul>`;
  }

}
