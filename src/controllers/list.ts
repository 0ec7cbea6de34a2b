import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import type { EbokApiElement } from '../core/api-element.js';
import type { EbokClient } from '../api/client.js';
import { EbokApiError } from '../api/errors.js';
import { malformedResponse } from '../api/diagnostics.js';
import { useClients } from '../core/clients.js';
import { EbokErrorEvent } from '../core/events.js';
import type { ApiTaskRenderers, ApiTaskStatus } from './api-task.js';
import { currentLocale, intlLocale, type Locale } from '../i18n/locale.js';
import { tokens as t } from '../theme/tokens.js';

/** One page of a list as the contract answers it (`DocumentList`, `PaymentList`, `TicketList`…). */
export interface ListPage<Item> {
  items: readonly Item[];
  /** The cursor of the next page; `null` on the last page. */
  nextCursor: string | null;
  /** All matching items, when the API finds it cheap to count (often only on the first page). */
  total?: number | undefined;
}

/** What `load` is asked for: the page after `cursor` (none: the first page), at most `limit` items, with the widget's `args`. */
export interface ListRequest<Args> {
  cursor: string | undefined;
  limit: number;
  args: Args;
}

/** How far the list got, for announcements and counters. */
export interface ListProgress {
  loaded: number;
  /** The API's count of all matching items, when it gave one. */
  total: number | undefined;
  hasMore: boolean;
  /** Pages loaded since the list started (1 after the first page). */
  pages: number;
}

export interface ListOptions<Item, Args> {
  /**
   * Loads one page; pass `signal` to the client so that changed filters or a removed widget abort it.
   * Usually one line: `client.get('/documents', { params: { query: { cursor, limit, ...args } }, signal })`.
   */
  load: (client: EbokClient, request: ListRequest<Args>, signal: AbortSignal) => Promise<ListPage<Item>>;
  /** Filters and sort order; when one of them changes the list starts over from the first page. */
  args?: () => Args;
  /** Items per page, 1–100 (the contract's bounds); default 20. */
  limit?: number;
  /** Personal data needs a signed-in customer (default); public lists (outages) do not. */
  personal?: boolean;
  /** The identity of an item (its `id`): an item that a later page repeats (the list moved underneath) is shown once. */
  key?: (item: Item) => unknown;
  /**
   * What screen readers hear after a page arrived, in the widget's own words ("Wczytano 20 z 134 dokumentów");
   * `undefined` says nothing. Default: `defaultListAnnouncement`. Use `plural()` for the Polish forms.
   */
  announce?: (progress: ListProgress) => string | undefined;
  /**
   * How many items match, in the widget's words ("134 dokumenty"; `atLeast`: more pages and no total, "co najmniej
   * 50"): shown by `renderCount()` and, without `announce`, said to screen readers when the first page arrives.
   */
  countText?: (count: number, atLeast: boolean) => string;
  /**
   * What the widget shows for a page that failed (not for offline: that is no error of the API). With it, each
   * failure is reported once as `ebok-error` from the widget, with this message and the API's code and status.
   */
  failure?: (error: unknown) => string;
}

/** The state of the list as a whole (its first page): the same states as `ApiTask`. */
export type ListStatus = ApiTaskStatus;
/** The state of "load more" once the first page is there. */
export type MoreStatus = 'idle' | 'loading' | 'error' | 'offline';

export interface ListRenderers<Item> extends Omit<ApiTaskRenderers<readonly Item[]>, 'complete'> {
  complete: (items: readonly Item[]) => unknown;
}

export interface MoreOptions {
  /** The button's text; default "Wczytaj więcej". */
  label?: string;
  /** Said at the end of a list the customer paged through; default "To już wszystkie pozycje.". */
  end?: string;
}

const FIRST_PAGE = Symbol('first page');

/** The one request of a list in flight. */
interface Running {
  controller: AbortController;
  page: string | typeof FIRST_PAGE;
  done: Promise<void>;
  finish: () => void;
}

/**
 * A list the API answers in cursor pages (invoices, payments, tickets, messages, readings, outages):
 *
 * - loads the first page when the widget connects, and starts over when its client, the session (login, logout,
 *   another customer), the language or `args` change, aborting whatever request was running;
 * - `loadMore()` appends the next page; one request at a time, so a double click loads one page;
 * - a failed first page is `status` `error` (or `offline`); a failed later page keeps the loaded items and sets
 *   `more` to `error` (or `offline`), and `retry()` asks for the same cursor again; coming back online retries;
 * - leaving the page aborts the request, coming back finishes it;
 * - does not call the API for personal data while signed out (`signed-out`), nor without an API base (`no-api`);
 * - a page that breaks the contract (no `items` array, no `nextCursor`) is an error, never a crash;
 * - tells screen readers what arrived (`renderAnnouncement()`), and renders the "load more" footer (`renderMore()`).
 *
 * Reactive like `ApiTask`, and with its rules, but not built on @lit/task: a task holds one value per run,
 * and a list grows by appends that must survive between runs.
 */
export class ListController<Item, Args = undefined> implements ReactiveController {
  private list: Item[] = [];
  private byKey = new Map<unknown, Item>();
  private cursor: string | null | undefined;
  private apiTotal: number | undefined;
  private pageCount = 0;
  private phase: 'idle' | 'pending' | 'complete' | 'error' = 'idle';
  private firstError: unknown;
  private moreState: MoreStatus = 'idle';
  private moreError: unknown;
  private running: Running | undefined;
  private generation = 0;
  private inputs: readonly unknown[] | undefined;
  private currentArgs: Args | undefined;
  private interrupted: 'first' | 'more' | undefined;
  private spoken: { text: string; id: number } | undefined;
  private spokenCount = 0;
  private unsubscribe: (() => void) | undefined;
  private subscribedTo: EbokClient | undefined;
  private readonly moreButton = createRef<HTMLButtonElement>();
  private readonly endText = createRef<HTMLElement>();
  private focusEndText = false;
  private readonly onOnline = () => this.retry();
  /** The failure last reported as `ebok-error`: one failure is reported once however often the widget renders. */
  private reported: unknown;

  constructor(
    private readonly host: EbokApiElement,
    private readonly options: ListOptions<Item, Args>,
  ) {
    // A list on any EbokApiElement has the page's clients from its first update (api/client-source.ts).
    useClients();
    host.addController(this);
  }

  /** The state of the first page (see `ApiTask`); the items stay `complete` while later pages load or fail. */
  get status(): ListStatus {
    const client = this.host.client;
    // An <ebok-provider> around the widget whose code is still loading: its API is coming.
    if (!client) return this.host.waitingForProvider ? 'pending' : 'no-api';
    if (this.options.personal !== false && client.session.state.status === 'signed-out') return 'signed-out';
    if (this.phase === 'complete') return 'complete';
    if (this.phase === 'error') return isOffline(this.firstError) ? 'offline' : 'error';
    return 'pending';
  }

  /** The state of "load more". */
  get more(): MoreStatus {
    return this.moreState;
  }

  /** Every item loaded so far, in the API's order, each once. */
  get items(): readonly Item[] {
    return this.list;
  }

  /** The loaded item whose `key` is `key` (needs the `key` option). */
  item(key: unknown): Item | undefined {
    return this.byKey.get(key);
  }

  /** The error of the first page (status `error`/`offline`) or of the later page that failed (`more` `error`/`offline`). */
  get error(): unknown {
    return this.phase === 'error' ? this.firstError : this.moreState === 'error' || this.moreState === 'offline' ? this.moreError : undefined;
  }

  /** The API's total of matching items, when it gave one. */
  get total(): number | undefined {
    return this.apiTotal;
  }

  /**
   * The full number of items as far as it is known: the API's total (never fewer than loaded), every loaded item
   * once the last page is in, `undefined` while more pages exist and the API gave no total. What `aria-rowcount` needs.
   */
  get count(): number | undefined {
    if (this.phase !== 'complete') return undefined;
    if (!this.hasMore) return this.list.length;
    return this.apiTotal === undefined ? undefined : Math.max(this.apiTotal, this.list.length);
  }

  /** Another page exists after the loaded ones. */
  get hasMore(): boolean {
    return this.phase === 'complete' && typeof this.cursor === 'string';
  }

  get progress(): ListProgress {
    return { loaded: this.list.length, total: this.apiTotal, hasMore: this.hasMore, pages: this.pageCount };
  }

  /** The last announcement (for tests and widgets that show it too). */
  get announcement(): string | undefined {
    return this.spoken?.text;
  }

  /** Settles when no request of the list runs and the widget has rendered the outcome (tests, widgets that chain work). */
  async settled(): Promise<void> {
    // A request may start while another settles (args changed, a retry, the session answered): wait until none runs.
    for (;;) {
      await this.host.updateComplete;
      if (this.running) await this.running.done;
      else if (this.phase === 'pending' && this.host.isConnected) await new Promise((resolve) => setTimeout(resolve, 10));
      else return;
    }
  }

  /** Appends the next page. Does nothing while a request runs, before the first page, or after the last one. */
  loadMore = (): void => {
    if (this.running || this.phase !== 'complete' || typeof this.cursor !== 'string') return;
    const client = this.host.client;
    if (!client) return;
    this.moreState = 'loading';
    this.moreError = undefined;
    this.host.requestUpdate();
    void this.fetchPage(client, this.cursor);
  };

  /**
   * The rows on screen reach `renderedEnd` (the end of a virtual table's range): when that is within `ahead` rows
   * of the last loaded item, the next page is asked for, before the customer gets there. Call it after each
   * update (`updated()`); the request starts after the update, not inside it.
   */
  loadAhead(renderedEnd: number, ahead = 10): void {
    if (this.status === 'complete' && this.hasMore && this.moreState === 'idle' && renderedEnd >= this.list.length - ahead) queueMicrotask(this.loadMore);
  }

  /** A page is on its way (`aria-busy` of the list). */
  get busy(): boolean {
    return this.status === 'pending' || this.moreState === 'loading';
  }

  /** Tries again what failed: the first page, or the later page with the same cursor. */
  retry = (): void => {
    // An answer that broke the contract is in the client's cache as a success: "Try again" must ask the server.
    const error = this.error;
    if (error instanceof EbokApiError && error.code === 'malformed_response') this.host.client?.forgetCached();
    if (this.phase === 'error') this.restart();
    else if (this.moreState === 'error' || this.moreState === 'offline') this.loadMore();
  };

  /** Starts over from the first page (after a payment changed the documents, say; invalidate the client's cache first). */
  reload = (): void => {
    this.restart();
  };

  render(renderers: ListRenderers<Item>): unknown {
    switch (this.status) {
      case 'complete':
        return renderers.complete(this.list);
      case 'pending':
        return renderers.pending?.();
      case 'signed-out':
        return renderers.signedOut?.();
      case 'no-api':
        this.host.reportMissingApi();
        return renderers.noApi?.() ?? renderers.error?.(new Error('no API base configured'), this.retry);
      case 'offline':
        return renderers.offline?.(this.retry) ?? renderers.error?.(this.firstError as Error, this.retry);
      default:
        return renderers.error?.(this.firstError as Error, this.retry);
    }
  }

  /** How many items match (`countText`), `part="count"`, once there are items; nothing otherwise. */
  renderCount(): TemplateResult | typeof nothing {
    const countText = this.options.countText;
    if (!countText || this.status !== 'complete' || !this.list.length) return nothing;
    const count = this.count;
    return html`<p class="count" part="count">${countText(count ?? this.list.length, count === undefined)}</p>`;
  }

  /**
   * A polite live region with what arrived ("Wczytano 20 z 134 pozycji."). Render it always, outside the states,
   * so that it is on the page before its text changes. Needs `.visually-hidden` (every EbokElement has it).
   */
  renderAnnouncement(): TemplateResult {
    const spoken = this.spoken;
    return html`<div class="visually-hidden" role="status" part="announcement">
      ${spoken ? keyed(spoken.id, html`<span>${spoken.text}</span>`) : nothing}
    </div>`;
  }

  /**
   * The footer under the items: "Wczytaj więcej", its progress, a failed page (with the same button to try again)
   * and, at the end of a list the customer paged through, a line that takes the focus from the button that went away.
   * Needs `listStyles` and `statusStyles`.
   */
  renderMore(options: MoreOptions = {}): TemplateResult | typeof nothing {
    if (this.status !== 'complete') return nothing;
    if (!this.hasMore) {
      if (this.pageCount < 2) return nothing;
      return html`<div class="more" part="more">
        <p class="more__end" tabindex="-1" ${ref(this.endText)}>${options.end ?? msg('To już wszystkie pozycje.')}</p>
      </div>`;
    }
    const loading = this.moreState === 'loading';
    const failed = this.moreState === 'error' || this.moreState === 'offline';
    return html`<div class="more" part="more">
      ${this.moreState === 'offline'
        ? html`<p class="more__problem status status--offline" role="alert">
            ${msg('Brak połączenia z internetem. Kolejne pozycje wczytamy, gdy połączenie wróci.')}
          </p>`
        : this.moreState === 'error'
          ? html`<p class="more__problem status status--error" role="alert">${msg('Nie udało się wczytać kolejnych pozycji.')}</p>`
          : nothing}
      <button
        class="button button--secondary more__button"
        part="more-button"
        type="button"
        aria-disabled=${loading ? 'true' : 'false'}
        @click=${failed ? this.retry : this.loadMore}
        ${ref(this.moreButton)}
      >
        ${loading
          ? html`<span class="spinner" aria-hidden="true"></span>${msg('Wczytywanie kolejnych…')}`
          : failed
            ? msg('Spróbuj ponownie')
            : (options.label ?? msg('Wczytaj więcej'))}
      </button>
    </div>`;
  }

  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
    // Coming back after a move in the DOM: finish what the disconnect aborted, and look again at the session
    // and the args, which may have changed while the widget was away.
    const interrupted = this.interrupted;
    this.interrupted = undefined;
    if (interrupted === 'first' || this.phase === 'error' || this.phase === 'pending') this.inputs = undefined;
    else if (interrupted === 'more') this.loadMore();
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    // An update can run after the widget left the page; subscribing or loading then would leak.
    if (!this.host.isConnected) return;
    const client = this.host.client;
    if (client !== this.subscribedTo) {
      this.unsubscribe?.();
      this.subscribedTo = client;
      this.unsubscribe = client?.session.subscribe(() => this.host.requestUpdate());
    }
    const args = this.options.args?.() as Args;
    const state = client?.session.state;
    const inputs = [client, state?.status, state?.user?.id, currentLocale(), args];
    if (this.inputs && sameInputs(inputs, this.inputs)) return;
    this.inputs = inputs;
    this.currentArgs = args;
    this.start(client);
  }

  hostUpdated(): void {
    this.reportFailure();
    if (!this.focusEndText) return;
    this.focusEndText = false;
    this.endText.value?.focus();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
    if (this.running) {
      this.interrupted = this.running.page === FIRST_PAGE ? 'first' : 'more';
      if (this.interrupted === 'more') this.moreState = 'idle';
      this.abort();
    }
  }

  /** A failed first page or a failed later page, as `ebok-error` (with `failure`), once. */
  private reportFailure(): void {
    const describe = this.options.failure;
    const error = this.error;
    const failed = this.status === 'error' || this.moreState === 'error';
    if (!describe || !failed || error === undefined || error === this.reported) return;
    this.reported = error;
    this.host.dispatchEvent(EbokErrorEvent.from(error, describe(error)));
  }

  private restart(): void {
    this.inputs = undefined;
    this.host.requestUpdate();
  }

  private abort(): void {
    this.generation++;
    this.running?.controller.abort(new DOMException('The list started over or left the page', 'AbortError'));
    // Whoever waits in `settled()` goes on now, even if `load` ignores the signal.
    this.running?.finish();
    this.running = undefined;
  }

  private start(client: EbokClient | undefined): void {
    this.abort();
    this.list = [];
    this.byKey = new Map();
    this.cursor = undefined;
    this.apiTotal = undefined;
    this.pageCount = 0;
    this.moreState = 'idle';
    this.moreError = undefined;
    this.firstError = undefined;
    this.phase = 'idle';
    if (!client) return;
    if (this.options.personal !== false) {
      const status = client.session.state.status;
      if (status === 'signed-out') return;
      if (status === 'unknown') {
        // Ask who is signed in (one request per page, shared); the answer changes the session, the subscription
        // asks for an update, and that starts over with the first page. Not aborted with our signal: it is shared.
        this.phase = 'pending';
        const generation = this.generation;
        client.session.ready().catch((error: unknown) => {
          if (generation !== this.generation) return;
          this.phase = 'error';
          this.firstError = error;
          this.host.requestUpdate();
        });
        return;
      }
    }
    this.phase = 'pending';
    void this.fetchPage(client, FIRST_PAGE);
  }

  private async fetchPage(client: EbokClient, page: string | typeof FIRST_PAGE): Promise<void> {
    const generation = this.generation;
    const controller = new AbortController();
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    const running: Running = { controller, page, done, finish };
    this.running = running;
    const cursor = page === FIRST_PAGE ? undefined : page;
    try {
      const answer: unknown = await this.options.load(client, { cursor, limit: pageSize(this.options.limit), args: this.currentArgs as Args }, controller.signal);
      if (generation !== this.generation) return;
      const checked = checkPage<Item>(answer, cursor, client.apiBase);
      this.append(checked);
      const wasMore = page !== FIRST_PAGE;
      this.phase = 'complete';
      this.moreState = 'idle';
      this.announce();
      // The "load more" button goes away with the last page: give its focus to the line that says so.
      if (wasMore && !this.hasMore && this.moreButtonFocused()) this.focusEndText = true;
    } catch (error) {
      if (generation !== this.generation) return;
      if (page === FIRST_PAGE) {
        this.phase = 'error';
        this.firstError = error;
      } else {
        this.moreError = error;
        this.moreState = isOffline(error) ? 'offline' : 'error';
      }
    } finally {
      if (this.running === running) this.running = undefined;
      if (generation === this.generation) this.host.requestUpdate();
      finish();
    }
  }

  private append(page: ListPage<Item>): void {
    const key = this.options.key;
    for (const item of page.items) {
      if (key) {
        const id = key(item);
        if (this.byKey.has(id)) continue;
        this.byKey.set(id, item);
      }
      this.list.push(item);
    }
    // The new array lets widgets and the table see the change by identity.
    this.list = [...this.list];
    this.cursor = page.nextCursor;
    if (page.total !== undefined) this.apiTotal = page.total;
    this.pageCount++;
  }

  private announce(): void {
    const progress = this.progress;
    const { announce, countText } = this.options;
    const text = announce
      ? announce(progress)
      : countText
        ? progress.pages === 1
          ? countText(progress.total ?? progress.loaded, progress.total === undefined && progress.loaded > 0)
          : undefined
        : defaultListAnnouncement(progress);
    this.spoken = text ? { text, id: ++this.spokenCount } : undefined;
  }

  private moreButtonFocused(): boolean {
    const button = this.moreButton.value;
    if (!button) return false;
    const root = button.getRootNode() as ShadowRoot | Document;
    return root.activeElement === button;
  }
}

/**
 * The footer of a list: the "load more" button, the problem of a later page, the end line. Built on the status
 * styles (`statusStyles` from core/status.ts gives `.button`, `.status`, `.spinner`).
 */
export const listStyles = css`
  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: ${t.spaceS};
    padding-block: ${t.spaceM};
  }
  .more__problem {
    align-self: stretch;
    margin: 0;
  }
  .more__button[aria-disabled='true'] {
    cursor: progress;
  }
  .more__end {
    margin: 0;
    color: ${t.colorTextMuted};
  }
`;

const pluralRules = new Map<string, Intl.PluralRules>();

/** The forms of a counted phrase by CLDR plural category; `other` is required, the rest fall back to it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The form of a counted phrase for `count` in the widgets' language (Intl.PluralRules): Polish has `one`
 * (1 pozycja), `few` (2–4, 22–24: pozycje), `many` (5–21, 25…: pozycji) and `other` (fractions); English `one`
 * and `other`. Give every form your language needs, each through `msg()`.
 */
export function plural(count: number, forms: PluralForms, locale: Locale = currentLocale()): string {
  const tag = intlLocale(locale);
  let rules = pluralRules.get(tag);
  if (!rules) {
    rules = new Intl.PluralRules(tag);
    pluralRules.set(tag, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}

/**
 * What a list says after a page arrived when the widget has no words of its own: "Wczytano 20 z 134 pozycji."
 * with a total, else "Wczytano 20 pozycji. Można wczytać kolejne."; nothing for an empty list (the empty state
 * speaks for itself).
 */
export function defaultListAnnouncement({ loaded, total, hasMore }: ListProgress): string | undefined {
  if (loaded === 0) return undefined;
  if (total !== undefined && hasMore) {
    return plural(total, {
      one: msg(str`Wczytano ${loaded} z ${total} pozycji.`, { id: 'ebok-list-loaded-of-one' }),
      other: msg(str`Wczytano ${loaded} z ${total} pozycji.`, { id: 'ebok-list-loaded-of-other' }),
    });
  }
  const loadedText = plural(loaded, {
    one: msg(str`Wczytano ${loaded} pozycję.`, { id: 'ebok-list-loaded-one' }),
    few: msg(str`Wczytano ${loaded} pozycje.`, { id: 'ebok-list-loaded-few' }),
    many: msg(str`Wczytano ${loaded} pozycji.`, { id: 'ebok-list-loaded-many' }),
    other: msg(str`Wczytano ${loaded} pozycji.`, { id: 'ebok-list-loaded-other' }),
  });
  return hasMore ? `${loadedText} ${msg('Można wczytać kolejne.')}` : loadedText;
}

/** A page as the contract promises it, or a `malformed_response` error that says what was wrong. */
function checkPage<Item>(answer: unknown, cursor: string | undefined, apiBase: string): ListPage<Item> {
  const fail = (what: string) => malformedResponse(apiBase, `a list page came whose ${what}`);
  if (typeof answer !== 'object' || answer === null) throw fail('body is not an object');
  const { items, nextCursor, total } = answer as Record<string, unknown>;
  if (!Array.isArray(items)) throw fail('items are not an array');
  if (nextCursor !== null && (typeof nextCursor !== 'string' || nextCursor === '')) throw fail('nextCursor is neither a cursor nor null');
  // The same cursor again would load the same page for ever.
  if (nextCursor !== null && nextCursor === cursor) throw fail('nextCursor repeats the cursor asked for');
  // `total` is optional and only informative: a broken one is ignored rather than failing the page.
  const validTotal = typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : undefined;
  return { items: items as Item[], nextCursor, total: validTotal };
}

function isOffline(error: unknown): boolean {
  return error instanceof EbokApiError && error.code === 'network_error' && !navigator.onLine;
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 20;
  return Math.min(100, Math.max(1, Math.round(limit)));
}

/**
 * Client, session and language by identity; the args by value, through arrays and plain objects, so that
 * `args: () => ({ status: [...this.status] })` does not start over at every render.
 */
function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => (i === a.length - 1 ? sameValue(value, b[i]) : Object.is(value, b[i])));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
