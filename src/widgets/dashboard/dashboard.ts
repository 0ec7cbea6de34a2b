import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { ApiTask, type ApiTaskStatus } from '../../controllers/api-task.js';
import { renderEmpty, renderError, renderLoading, renderOffline } from '../../core/status.js';
import { EbokWidget } from '../../kit/widget.js';
import { listWidgetStyles } from '../../kit/list.styles.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { dashboardStyles } from './dashboard.styles.js';
import * as logic from './dashboard.logic.js';
import type { CardName, Count, NextPayment, OutagesCard, ReadingsCard } from './dashboard.logic.js';
import * as view from './dashboard.views.js';

/**
 * The tile's code, loaded as soon as a dashboard is on the page. Not a static import: the CDN build keeps the tile a
 * chunk of its own (preloaded for its tag, measured by its own budget) only while no other chunk includes it.
 */
const loadTile = (): Promise<unknown> => import('../balance-tile/ebok-balance-tile.js');

/**
 * The first screen a signed-in customer sees ("Pulpit", seeds 002 and 004): the balance (the embedded
 * `<ebok-balance-tile>`), the next payment (the nearest unpaid document, "overdue" said in words), a reminder for
 * the points whose reading window is open now, the unread messages, the open tickets and the interruptions in the
 * areas of the customer's points. Each card is a link into its section and has its own loading, empty, error
 * (with "Try again") and offline states, so one failing resource never blanks the rest. The cards and the tile
 * share the client's cache: each resource is asked for once.
 *
 * Following a card's link fires `ebok-navigate` with `target` `finance`, `readings`, `messages`, `tickets` or
 * `outages` and the card's `*-href`; a host (a routed portal) cancels it to route itself. Without an href the
 * link still fires the event.
 *
 * @customElement ebok-dashboard
 * @fires ebok-navigate - A card's link (`target`: `finance`, `readings`, `messages`, `tickets`, `outages`), the tile's "Details" or "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-payment-start - From the embedded balance tile: a payment was created; cancelable.
 * @fires ebok-payment-result - From the embedded balance tile: back from the payment operator.
 * @fires ebok-error - An error was shown to the customer (the tile's).
 * @csspart base - The widget.
 * @csspart heading - Its title.
 * @csspart cards - The list of cards.
 * @csspart card - Each card, also `card-finance`, `card-payment`, `card-readings`, `card-messages`, `card-tickets`, `card-outages`.
 * @csspart card-finance - The balance card: the tile and its link.
 * @csspart card-title - A card's title.
 * @csspart link - A card's link into its section, also `link-finance`, `link-payment`, `link-readings`, `link-messages`, `link-tickets`, `link-outages`.
 * @csspart balance-tile - The embedded `<ebok-balance-tile>`.
 * @csspart amount - The next payment's amount.
 * @csspart state - The next payment's due date, "overdue" in words with an icon.
 * @csspart figure - A card's count or main sentence.
 * @csspart items - The points with an open window, or the interruptions, on their card.
 * @csspart login - The log-in link (signed out).
 * @csspart retry - "Try again" on a card that failed.
 * @csspart status - Loading, empty, error and offline states of a card.
 * @cssprop --ebok-dashboard-card-bg - Background of a card (default: the surface token).
 * @cssprop --ebok-dashboard-card-min-width - The narrowest a card gets before the grid wraps (default `16em`: of the widget's text size, not the page's root).
 * @cssprop --ebok-dashboard-overdue-color - Tone of an overdue next payment (default: the overdue balance token).
 */
export class EbokDashboard extends EbokWidget {
  static override styles = [EbokWidget.styles, listWidgetStyles, dashboardStyles];

  /** The documents and payments section (the balance and next-payment cards), e.g. `/faktury`. */
  @property({ attribute: 'finance-href' }) financeHref?: string;
  /** The meter-reading section. */
  @property({ attribute: 'readings-href' }) readingsHref?: string;
  /** The messages (notification history) section. */
  @property({ attribute: 'messages-href' }) messagesHref?: string;
  /** The tickets section. */
  @property({ attribute: 'tickets-href' }) ticketsHref?: string;
  /** The outages section. */
  @property({ attribute: 'outages-href' }) outagesHref?: string;
  /** Where the balance tile's "Details" leads (`target: 'balance-details'`); no such link when absent. */
  @property({ attribute: 'balance-href' }) balanceHref?: string;

  // Each card's own data, so each loads, fails and retries alone (the clock of the first two is the real one).
  private readonly payment: ApiTask<NextPayment | undefined> = new ApiTask<NextPayment | undefined>(this, { load: (client, signal) => logic.loadNextPayment(client, signal) });
  private readonly readings: ApiTask<ReadingsCard> = new ApiTask<ReadingsCard>(this, { load: (client, signal) => logic.loadReadings(client, signal) });
  private readonly unread: ApiTask<number> = new ApiTask<number>(this, { load: logic.loadUnread });
  private readonly tickets: ApiTask<Count> = new ApiTask<Count>(this, { load: logic.loadOpenTickets });
  private readonly outages: ApiTask<OutagesCard> = new ApiTask<OutagesCard>(this, { load: logic.loadMyOutages });

  override connectedCallback(): void {
    super.connectedCallback();
    void loadTile();
  }

  private get cards(): ApiTask<unknown>[] {
    return [this.payment, this.readings, this.unread, this.tickets, this.outages];
  }

  /** Settles when every card has loaded (or failed): tests and hosts that wait for the whole screen. */
  get cardsComplete(): Promise<unknown> {
    return Promise.allSettled(this.cards.map((t) => t.taskComplete));
  }

  override render() {
    const status: ApiTaskStatus = this.unread.status;
    const busy = this.cards.some((t) => t.status === 'pending');
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <div class="header">${this.heading(msg('Pulpit'), { id: 'title' })}</div>
      ${status === 'signed-out'
        ? html`<p>${msg('Zaloguj się, aby zobaczyć saldo, najbliższą płatność, odczyty i wiadomości.')}</p>
            <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`
        : status === 'no-api'
          ? this.renderNoApi()
          : this.renderCards()}
    </section>`;
  }

  private renderNoApi(): TemplateResult {
    if (this.isConnected) this.reportMissingApi();
    return renderError({ message: msg('Pulpit jest chwilowo niedostępny.') });
  }

  private renderCards(): TemplateResult {
    const level = Math.min(6, this.level + 1);
    return html`<ul class="cards" part="cards" aria-label=${msg('Pulpit')}>
      <li class="card card--balance" part="card card-finance">
        <ebok-balance-tile
          part="balance-tile"
          compact
          placeholder="balance"
          api-base=${ifDefined(this.apiBase)}
          login-href=${ifDefined(this.loginHref)}
          href=${ifDefined(this.balanceHref)}
          heading-level=${level}
        ></ebok-balance-tile>
        ${view.cardLink('finance', this.link('finance', msg('Faktury i płatności'), this.financeHref))}
      </li>
      ${view.card({
        name: 'payment',
        level,
        title: msg('Najbliższa płatność'),
        body: this.cardBody(this.payment, msg('najbliższa płatność'), msg('Nie udało się wczytać najbliższej płatności.'), (next) =>
          next ? view.paymentBody(next) : renderEmpty(msg('Nie masz nic do zapłaty.')),
        ),
        link: this.link('finance', msg('Dokumenty do zapłaty'), this.financeHref),
      })}
      ${view.card({
        name: 'readings',
        level,
        title: msg('Odczyt licznika'),
        body: this.cardBody(this.readings, msg('okna odczytów'), msg('Nie udało się sprawdzić okien odczytów.'), (data) =>
          data.open.length
            ? view.readingsBody(data)
            : renderEmpty(data.readable ? msg('Teraz nie przyjmujemy odczytów. Przypomnimy, gdy okno odczytów się otworzy.') : msg('Żadnego licznika nie odczytujesz sam.')),
        ),
        link: this.link('readings', msg('Podaj odczyt'), this.readingsHref),
      })}
      ${view.card({
        name: 'messages',
        level,
        title: msg('Wiadomości'),
        body: this.cardBody(this.unread, msg('wiadomości'), msg('Nie udało się wczytać wiadomości.'), (count) =>
          count ? view.countBody(view.unreadText(count)) : renderEmpty(msg('Nie masz nieprzeczytanych wiadomości.')),
        ),
        link: this.link('messages', msg('Wszystkie wiadomości'), this.messagesHref),
      })}
      ${view.card({
        name: 'tickets',
        level,
        title: msg('Zgłoszenia'),
        body: this.cardBody(this.tickets, msg('zgłoszenia'), msg('Nie udało się wczytać zgłoszeń.'), (count) =>
          count.count ? view.countBody(view.ticketsText(count)) : renderEmpty(msg('Nie masz otwartych zgłoszeń.')),
        ),
        link: this.link('tickets', msg('Wszystkie zgłoszenia'), this.ticketsHref),
      })}
      ${view.card({
        name: 'outages',
        level,
        title: msg('Wyłączenia i awarie'),
        body: this.cardBody(this.outages, msg('wyłączenia'), msg('Nie udało się wczytać wyłączeń.'), (data) =>
          data.outages.length
            ? view.outagesBody(data)
            : renderEmpty(data.areas.length ? msg('Nie ma wyłączeń w okolicy Twoich punktów poboru.') : msg('Nie znamy adresów Twoich punktów poboru.')),
        ),
        link: this.link('outages', msg('Wyłączenia w Twojej okolicy'), this.outagesHref),
      })}
    </ul>`;
  }

  /** A card's own states: each card loads, fails and retries by itself. */
  private cardBody<T>(task: ApiTask<T>, what: string, failed: string, complete: (value: T) => unknown): unknown {
    return task.render({
      pending: () => renderLoading(what),
      complete,
      error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed, unavailable: failed })), onRetry: retry }),
      offline: (retry) => renderOffline(retry),
      signedOut: () => renderLoading(what),
    });
  }

  private link(target: CardName, text: string, href: string | undefined): view.CardOptions['link'] {
    return { text, href, follow: (event) => this.navigate(event, target, href) };
  }
}
