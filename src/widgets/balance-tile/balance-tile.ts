import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { renderOffline } from '../../core/status.js';
import { EbokWidgetBase } from '../../kit/widget-base.js';
import { LazyBehaviour } from '../../kit/lazy-behaviour.js';
import { balanceTileStyles } from './balance-tile.styles.js';
import type { BalanceTileBehaviour } from './balance-tile.behaviour.js';
import type { BalanceState } from './balance-tile.logic.js';

/**
 * The placeholder's lines for a balance due (balance-tile.behaviour.ts, renderBalance): its state, the amount, what
 * is due by when, and "Pay". Never seen (the glyphs are transparent), so digits of about the words' widths stand for
 * them, with spaces where the words would wrap, rather than four more messages on every page.
 */
const BALANCE_SHAPE = html`<p class="state" data-shape="00 00000"></p>
  <p class="amount" data-shape="000,00 00"></p>
  <p class="details" data-shape="00 00000 000,00 00 00.00.0000"></p>
  <div class="actions"><span class="button" data-shape="000000"></span></div>`;

/**
 * The customer's balance at a glance (seeds 002, 004): how much, whether anything is overdue, by when,
 * and a way to pay it now through the utility's payment operator.
 *
 * The state is reflected as `state` (`overdue`, `due`, `overpaid`, `settled`) and is also said in words and with an
 * icon, never by colour alone. Back from the payment operator (the page URL carries `paymentId`), the
 * tile asks the API for the payment's outcome, announces it and shows the new balance.
 *
 * The tile draws its placeholder first, from this module alone (Lit, the theme and the widget base); what it
 * does (the API client, the balance, paying) is in balance-tile.behaviour.ts, which it loads right after. The
 * CDN loader fetches both in one wave, the behaviour at low priority, so the placeholder never waits for it.
 *
 * @customElement ebok-balance-tile
 * @fires ebok-payment-start - A payment was created; cancelable to open `detail.redirectUrl` yourself.
 * @fires ebok-payment-result - Back from the operator: `detail.status` is the payment's outcome.
 * @fires ebok-navigate - "Details" (`target: 'balance-details'`) or "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-error - An error was shown to the customer.
 * @csspart base - The tile.
 * @csspart header - Title and as-of date.
 * @csspart state - The state in words, with its icon.
 * @csspart amount - The balance.
 * @csspart details - What is overdue or due next.
 * @csspart pay - The pay button.
 * @csspart details-link - The link to the details.
 * @csspart dialog - The payment confirmation (its button: `confirm`).
 * @csspart result - The payment's outcome, back from the operator.
 * @cssprop --ebok-balance-tile-overdue-color - Tone of an overdue balance (default: the red balance token).
 * @cssprop --ebok-balance-tile-overpaid-color - Tone of an overpayment (default: the blue balance token).
 * @cssprop --ebok-balance-tile-due-color - Tone of an amount to pay, not yet overdue (default: the `due` balance token, red).
 * @cssprop --ebok-balance-tile-settled-color - Tone of a settled balance (default: the green balance token; `--ebok-balance-tile-ok-color`, its name before, still works for one release).
 */
export class EbokBalanceTile extends EbokWidgetBase {
  static override styles = [EbokWidgetBase.styles, balanceTileStyles];

  /** The state of the balance, for styling the host: set by the tile, not by you. */
  @property({ reflect: true }) state?: BalanceState;

  /** Where "Details" leads (a page of documents and payments). No link when absent and nobody listens. */
  @property() href?: string;

  /** Signed out: `prompt` (default) asks the customer to log in; `hidden` hides the tile. */
  @property({ attribute: 'signed-out' }) signedOut: 'prompt' | 'hidden' = 'prompt';

  /** A smaller tile for side columns and dashboards. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /**
   * The shape of the placeholder while the tile loads: `login` (default) that of the "log in" prompt, which most
   * often replaces it on a public page; `balance` that of a balance (its state, the amount, a line and "Pay"), for
   * a page that only signed-in customers see, so nothing moves when the balance arrives. `<ebok-dashboard>` sets it.
   */
  @property() placeholder: 'login' | 'balance' = 'login';

  /** The balance, its states and paying, loaded after the first frame (offline: "Try again"). */
  private readonly lazy = new LazyBehaviour<BalanceTileBehaviour>(this, () =>
    import('./balance-tile.behaviour.js').then(
      ({ BalanceTileBehaviour }) =>
        new BalanceTileBehaviour(this, {
          loginLink: (text) => this.loginLink(text),
          navigate: (event, target, href) => this.navigate(event, target, href),
          hideSelf: (hide) => this.hideSelf(hide),
          skeleton: () => this.renderSkeleton(),
        }),
    ),
  );

  /**
   * Also waits for the behaviour's code and the update it brings: `await tile.updateComplete` (and a test's
   * `fixture`) sees the tile as it is once it works, not its placeholder.
   */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.lazy.settled(() => super.getUpdateComplete());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.lazy.value?.willUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.lazy.value?.updated();
  }

  override render() {
    const behaviour = this.lazy.value;
    const failed = this.lazy.failed;
    // The heading stays one element whatever the state, so focus on it (after a login) survives loading.
    return html`<div class="base" part="base" aria-busy=${(behaviour ? behaviour.busy : !failed) ? 'true' : 'false'}>
      <div class="header" part="header">${this.heading(msg('Saldo'))} ${behaviour?.asOf() ?? nothing}</div>
      ${behaviour ? behaviour.body() : failed ? renderOffline(() => this.lazy.load()) : this.renderSkeleton()}
    </div>`;
  }

  /**
   * While the session and the balance load: the shape of what will most likely replace it (`placeholder`), the
   * "log in" prompt or a balance, its words drawn as grey lines (generated content, hidden from screen readers and
   * from the page's text), so the tile keeps its height in every language, width and text size.
   */
  private renderSkeleton() {
    return html`<div class="skeleton" role="status">
      <span class="visually-hidden">${msg('Wczytywanie salda…')}</span>
      <div aria-hidden="true">
        ${this.placeholder === 'balance'
          ? BALANCE_SHAPE
          : html`<p data-shape=${msg('Zaloguj się, aby zobaczyć saldo i zapłacić rachunki.')}></p>
              <div class="actions"><span class="button" data-shape=${msg('Zaloguj się')}></span></div>`}
      </div>
    </div>`;
  }

}
