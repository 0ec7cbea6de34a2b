import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { EbokApiElement } from '../../core/api-element.js';
import { statusStyles } from '../../core/status.js';
import { EbokLogoutEvent, EbokNavigateEvent } from '../../core/events.js';
import { EbokApiError } from '../../api/errors.js';
import type { EbokClient } from '../../api/client.js';
import type { Session } from '../../api/session.js';
import { IdleTimer, endOf, systemClock, type Clock } from '../../controllers/idle-timer.js';
import { formatDuration } from '../../i18n/format.js';
import { sessionStyles } from './session.styles.js';

/** What the dialog shows: the warning before the idle timeout, the end of the session, or nothing. */
type DialogMode = 'warning' | 'absolute' | 'expired' | undefined;

/** Remaining seconds at which the countdown is announced to screen readers (it is not read every second). */
const ANNOUNCE_AT = new Set([120, 60, 30, 10]);

/**
 * The `<ebok-session>` elements of each API base on the page (kept on `globalThis`, so two copies of the
 * bundle share it). Only the first connected one warns about the timeout, so a page with a session bar in
 * the header and another in a side column shows one dialog, not two.
 */
function barsOf(apiBase: string): Set<EbokSession> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Set<EbokSession>> | undefined>;
  const all = (holder[Symbol.for('ebok-widgets.session-bars')] ??= new Map<string, Set<EbokSession>>());
  let bars = all.get(apiBase);
  if (!bars) all.set(apiBase, (bars = new Set()));
  return bars;
}

/** The element focused now, looking inside shadow roots (so focus can go back to a field in another widget). */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

const warningIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2" />
  <path d="M12 7v5l3 2" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" />
</svg>`;

/**
 * Who is signed in, a "Log out" button, and the warning before the session ends for inactivity
 * (WCAG 2.2.1): `warn-before` seconds before the idle deadline (at least 60, default 120) a modal dialog
 * counts down and offers "Stay signed in", which extends the session on the server. At zero the session
 * ends on this page and the other tabs (`ebok-session-expired` fires once on `document` with `reason: 'idle'`) and the dialog
 * says so. Nothing else on the page is reloaded or cleared, so what the customer typed in other widgets
 * stays there.
 *
 * The countdown follows the idle deadline the API reports (the server decides idleness from API calls).
 * Before warning and before ending it reads the session once more (`GET /auth/session`, which does not
 * count as activity), so work in other widgets that moved the deadline is honoured.
 *
 * Signed out it renders nothing, or with `signed-out="login"` a "Log in" link (`ebok-navigate`, target `login`).
 *
 * @customElement ebok-session
 * @fires ebok-logout - The customer logged out here (`detail.apiBase`).
 * @fires ebok-navigate - "Log in" (`target: 'login'`) when signed out with `signed-out="login"`; cancelable.
 * @csspart base - The bar with the name and the button.
 * @csspart name - The signed-in customer's name.
 * @csspart logout - The "Log out" button.
 * @csspart login - The "Log in" link when signed out.
 * @csspart message - "Logged out" after a logout or timeout.
 * @csspart dialog - The timeout warning.
 * @csspart stay - "Stay signed in" in the warning ("I understand" when the session cannot be extended).
 * @csspart countdown - The time left, in the warning.
 * @csspart close - "Close" once the session has ended.
 */
export class EbokSession extends EbokApiElement {
  static override styles = [EbokApiElement.styles, statusStyles, sessionStyles];

  /** Seconds before the idle timeout at which to warn; at least 60 (default 120). */
  @property({ type: Number, attribute: 'warn-before' }) warnBefore = 120;

  /** Signed out: `hidden` (default) renders nothing; `login` shows a "Log in" link. */
  @property({ attribute: 'signed-out' }) signedOut: 'hidden' | 'login' = 'hidden';

  /** Where "Log in" leads (with `signed-out="login"`). */
  @property({ attribute: 'login-href' }) loginHref?: string;

  /**
   * The time source of the countdown; for tests.
   * @internal
   */
  clock: Clock = systemClock;

  @state() private loggingOut = false;
  @state() private extending = false;
  @state() private dialogMode: DialogMode;
  @state() private dialogError: string | undefined;
  @state() private message: 'logged-out' | 'idle' | undefined;
  @state() private announcement = '';
  @query('dialog') private dialog?: HTMLDialogElement;

  private subscribedTo: EbokClient | undefined;
  private unsubscribe: (() => void) | undefined;
  private returnFocus: HTMLElement | undefined;
  private focusMessage = false;
  private lastAnnounced: number | undefined;

  private readonly timer = new IdleTimer(this, {
    warnBefore: () => Math.max(60, Number.isFinite(this.warnBefore) ? this.warnBefore : 120),
    onWarn: () => void this.warn(),
    onExtended: () => this.closeDialog(),
    onExpire: () => void this.expire(),
    clock: {
      now: () => this.clock.now(),
      setInterval: (callback, ms) => this.clock.setInterval(callback, ms),
      clearInterval: (id) => this.clock.clearInterval(id),
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Follow the session again after a move in the DOM.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.leave();
    this.subscribedTo = undefined;
  }

  /** This element is the one of its API base that warns about the timeout. */
  private get warns(): boolean {
    const client = this.subscribedTo;
    return !!client && [...barsOf(client.apiBase)][0] === this;
  }

  private leave(): void {
    const client = this.subscribedTo;
    if (!client) return;
    const bars = barsOf(client.apiBase);
    const wasFirst = [...bars][0] === this;
    bars.delete(this);
    // The next one takes the warning over.
    if (wasFirst) [...bars][0]?.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.isConnected ? this.client : undefined;
    if (client !== this.subscribedTo) {
      this.unsubscribe?.();
      this.leave();
      this.subscribedTo = client;
      if (client) barsOf(client.apiBase).add(this);
      this.unsubscribe = client?.session.subscribe(() => this.requestUpdate());
      client?.session.ready().catch(() => undefined);
    }
    const state = client?.session.state;
    const signedIn = state?.status === 'signed-in';
    if (signedIn) this.message = undefined;
    // A session that ended elsewhere (logout in another tab, a 401) takes the warning away.
    if (!signedIn && (this.dialogMode === 'warning' || this.dialogMode === 'absolute')) this.closeDialog();
    this.timer.follow(this.warns ? state : undefined);
    if (this.dialogMode === 'warning' || this.dialogMode === 'absolute') {
      const remaining = this.timer.remaining;
      if (ANNOUNCE_AT.has(remaining) && remaining !== this.lastAnnounced) {
        this.lastAnnounced = remaining;
        this.announcement = msg(str`Zostało ${formatDuration(remaining)}`);
      }
    }
  }

  protected override updated(): void {
    if (this.focusMessage) {
      this.focusMessage = false;
      this.renderRoot.querySelector<HTMLElement>('[part="message"]')?.focus();
    }
  }

  override render() {
    const state = this.client?.session.state;
    const user = state?.status === 'signed-in' ? state.user : undefined;
    return html`<div class="base" part="base">
      ${user
        ? html`<p class="who">${msg('Zalogowano jako')} <span class="name" part="name">${user.displayName}</span></p>
            <button class="button button--secondary" part="logout" type="button" ?disabled=${this.loggingOut} @click=${this.logout}>
              ${this.loggingOut ? msg('Wylogowujemy…') : msg('Wyloguj')}
            </button>`
        : this.renderSignedOut(state?.status === 'signed-out')}
      ${this.renderDialog()}
    </div>`;
  }

  private renderSignedOut(known: boolean) {
    const message = {
      'logged-out': msg('Wylogowano. Do zobaczenia!'),
      idle: msg('Wylogowaliśmy Cię z powodu braku aktywności.'),
    };
    return html`${this.message ? html`<p class="message" part="message" tabindex="-1" role="status">${message[this.message]}</p>` : nothing}
    ${known && this.signedOut === 'login'
      ? html`<a class="button" part="login" href=${this.loginHref ?? '#'} @click=${this.onLogin}>${msg('Zaloguj się')}</a>`
      : nothing}`;
  }

  private renderDialog() {
    const mode = this.dialogMode;
    const remaining = formatDuration(this.timer.remaining);
    return html`<dialog
      part="dialog"
      role="alertdialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      @cancel=${this.onCancel}
      @close=${this.onClose}
    >
      ${mode === 'warning' || mode === 'absolute'
        ? html`<h2 id="idle-title">${warningIcon}${mode === 'warning' ? msg('Za chwilę wylogujemy Cię z powodu braku aktywności') : msg('Za chwilę sesja się zakończy')}</h2>
            <p id="idle-text">
              ${mode === 'warning'
                ? msg('Dla bezpieczeństwa kończymy sesję, gdy przez dłuższy czas nic się nie dzieje. Jeśli chcesz dalej korzystać z eBOK, kliknij „Nie wylogowuj mnie”.')
                : msg('Sesja osiągnęła najdłuższy dozwolony czas i nie można jej przedłużyć. Dane wpisane na stronie zostaną; potem zaloguj się ponownie.')}
            </p>
            <p class="countdown" part="countdown">${msg(str`Pozostało: ${remaining}`)}</p>
            ${this.dialogError ? html`<p class="error" role="alert">${this.dialogError}</p>` : nothing}
            <div class="actions">
              ${mode === 'warning'
                ? html`<button class="button" part="stay" type="button" ?disabled=${this.extending} @click=${this.stay}>
                    ${this.extending ? msg('Przedłużamy…') : msg('Nie wylogowuj mnie')}
                  </button>`
                : html`<button class="button" part="stay" type="button" @click=${() => this.closeDialog()}>${msg('Rozumiem')}</button>`}
            </div>
            <p class="visually-hidden" role="status">${this.announcement}</p>`
        : nothing}
      ${mode === 'expired'
        ? html`<h2 id="idle-title">${warningIcon}${msg('Wylogowaliśmy Cię')}</h2>
            <p id="idle-text">
              ${msg('Ze względów bezpieczeństwa zakończyliśmy sesję po okresie braku aktywności. Dane wpisane na stronie zostały – zaloguj się ponownie, aby kontynuować.')}
            </p>
            <div class="actions">
              <button class="button" part="close" type="button" @click=${() => this.closeDialog()}>${msg('Zamknij')}</button>
            </div>`
        : nothing}
    </dialog>`;
  }

  // ---------------------------------------------------------------------------------------------------------

  private logout = async (): Promise<void> => {
    const client = this.client;
    if (!client || this.loggingOut) return;
    this.loggingOut = true;
    try {
      await client.session.logout();
    } catch {
      // The store forgets the session whatever the server said; the customer is logged out here.
    } finally {
      this.loggingOut = false;
    }
    this.message = 'logged-out';
    this.focusMessage = true;
    this.emit(new EbokLogoutEvent({ apiBase: client.apiBase }));
  };

  private onLogin = (event: MouseEvent): void => {
    const href = this.loginHref;
    const proceed = this.emit(new EbokNavigateEvent({ target: 'login', ...(href ? { href } : {}) }));
    if (!proceed || !href) event.preventDefault();
  };

  /** The warning time came: read the session once more, then warn if the deadline did not move. */
  private async warn(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const fresh = await this.readSession(client);
    if (fresh === null) {
      void this.expire();
      return;
    }
    if (fresh) {
      client.session.update(fresh);
      const end = endOf(fresh);
      const warnBefore = Math.max(60, this.warnBefore) * 1000;
      if (end && end.at - this.clock.now() > warnBefore) return;
    }
    if (!client.session.signedIn) return;
    this.openDialog(this.timer.endIsAbsolute ? 'absolute' : 'warning');
  }

  /** The deadline passed: unless the server says the session goes on, end it here and in the other tabs. */
  private async expire(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const fresh = await this.readSession(client);
    const end = fresh ? endOf(fresh) : undefined;
    if (fresh && end && end.at - this.clock.now() > 5000) {
      client.session.update(fresh);
      this.closeDialog();
      return;
    }
    this.timer.reset();
    if (client.session.signedIn) client.session.end('idle');
    this.message = 'idle';
    this.openDialog('expired');
  }

  private stay = async (): Promise<void> => {
    const client = this.client;
    if (!client || this.extending) return;
    this.extending = true;
    this.dialogError = undefined;
    try {
      const session = await client.post('/auth/session/refresh', {});
      client.session.update(session);
      this.closeDialog();
      this.announcement = msg('Sesja została przedłużona.');
    } catch (error) {
      if (error instanceof EbokApiError && error.status === 401) {
        this.timer.reset();
        client.session.end('expired');
        this.message = 'idle';
        this.openDialog('expired');
      } else {
        this.dialogError = msg('Nie udało się przedłużyć sesji. Sprawdź połączenie i spróbuj ponownie.');
        if (this.dialog && !this.dialog.open) this.dialog.showModal();
      }
    } finally {
      this.extending = false;
    }
  };

  /** Escape means "I am here": the same as "Stay signed in" while warning. */
  private onCancel = (event: Event): void => {
    if (this.dialogMode === 'warning') {
      event.preventDefault();
      void this.stay();
    }
  };

  private onClose = (): void => {
    this.dialogMode = undefined;
    this.dialogError = undefined;
    const back = this.returnFocus;
    this.returnFocus = undefined;
    if (back?.isConnected) back.focus();
  };

  private openDialog(mode: Exclude<DialogMode, undefined>): void {
    this.dialogMode = mode;
    this.dialogError = undefined;
    this.lastAnnounced = undefined;
    const dialog = this.dialog;
    if (dialog && !dialog.open) {
      const active = deepActiveElement();
      if (active && !this.renderRoot.contains(active)) this.returnFocus = active;
      dialog.showModal();
    }
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('dialog [part="stay"], dialog [part="close"]')?.focus());
  }

  private closeDialog(): void {
    if (this.dialog?.open) this.dialog.close();
    else this.onClose();
    this.dialogMode = undefined;
  }

  /** GET /auth/session, which does not count as activity: the session, null when it has ended, undefined when unknown. */
  private async readSession(client: EbokClient): Promise<Session | null | undefined> {
    try {
      return await client.get('/auth/session', { cacheTtlMs: 0 });
    } catch (error) {
      if (error instanceof EbokApiError && error.status === 401) return null;
      return undefined;
    }
  }
}
