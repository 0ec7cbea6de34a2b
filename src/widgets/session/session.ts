import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { EbokLogoutEvent } from '../../core/events.js';
import { EbokApiError } from '../../api/errors.js';
import type { EbokClient } from '../../api/client.js';
import { IdleTimer, endOf, systemClock, type Clock } from '../../controllers/idle-timer.js';
import { FocusController } from '../../controllers/focus.js';
import { formatDuration } from '../../i18n/format.js';
import { EbokWidget } from '../../kit/widget.js';
import { icon } from '../../kit/icons.js';
import { NoticeController } from '../../kit/notice.js';
import type { EbokDialog, EbokDialogRequestCloseEvent } from '../../kit/dialog.js';
import '../../kit/ebok-dialog.js';
import { barsOf, readSession } from './session.logic.js';
import { sessionStyles } from './session.styles.js';

/** What the dialog shows: the warning before the idle timeout, the end of the session, or nothing. */
type DialogMode = 'warning' | 'absolute' | 'expired' | undefined;

/** Remaining seconds at which the countdown is announced to screen readers (it is not read every second). */
const ANNOUNCE_AT = new Set([120, 60, 30, 10]);

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
export class EbokSession extends EbokWidget {
  static override styles = [EbokWidget.styles, sessionStyles];

  /** Seconds before the idle timeout at which to warn; at least 60 (default 120). */
  @property({ type: Number, attribute: 'warn-before' }) warnBefore = 120;

  /** Signed out: `hidden` (default) renders nothing; `login` shows a "Log in" link. */
  @property({ attribute: 'signed-out' }) signedOut: 'hidden' | 'login' = 'hidden';

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
  @query('ebok-dialog') private dialog?: EbokDialog;

  private subscribedTo: EbokClient | undefined;
  private unsubscribe: (() => void) | undefined;
  private lastAnnounced: number | undefined;
  private readonly notice = new NoticeController(this);
  private readonly focusTo = new FocusController(this);
  private readonly messageRef = createRef<HTMLElement>();

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
    return !!client && [...barsOf<EbokSession>(client.apiBase)][0] === this;
  }

  private leave(): void {
    const client = this.subscribedTo;
    if (!client) return;
    const bars = barsOf<EbokSession>(client.apiBase);
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
      if (client) barsOf<EbokSession>(client.apiBase).add(this);
      this.unsubscribe = client?.session.subscribe(() => this.requestUpdate());
      client?.session.ready().catch(() => undefined);
    }
    const state = client?.session.state;
    const signedIn = state?.status === 'signed-in';
    if (signedIn) this.message = undefined;
    // A session that ended elsewhere (logout in another tab, a 401) takes the warning away.
    if (!signedIn && this.warning) this.closeDialog();
    this.timer.follow(this.warns ? state : undefined);
    if (this.warning) {
      const remaining = this.timer.remaining;
      if (ANNOUNCE_AT.has(remaining) && remaining !== this.lastAnnounced) {
        this.lastAnnounced = remaining;
        this.notice.announce(msg(str`Zostało ${formatDuration(remaining)}`));
      }
    }
  }

  private get warning(): boolean {
    return this.dialogMode === 'warning' || this.dialogMode === 'absolute';
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
      ${this.renderDialog()} ${this.notice.renderLiveRegion()}
    </div>`;
  }

  private renderSignedOut(known: boolean) {
    const message = {
      'logged-out': msg('Wylogowano. Do zobaczenia!'),
      idle: msg('Wylogowaliśmy Cię z powodu braku aktywności.'),
    };
    return html`${this.message ? html`<p ${ref(this.messageRef)} class="message" part="message" tabindex="-1" role="status">${message[this.message]}</p>` : nothing}
    ${known && this.signedOut === 'login' ? this.loginLink(msg('Zaloguj się')) : nothing}`;
  }

  private renderDialog() {
    const mode = this.dialogMode;
    const title =
      mode === 'warning' ? msg('Za chwilę wylogujemy Cię z powodu braku aktywności') : mode === 'absolute' ? msg('Za chwilę sesja się zakończy') : msg('Wylogowaliśmy Cię');
    return html`<ebok-dialog
      alert
      label=${mode ? title : ''}
      ?open=${mode !== undefined}
      exportparts="dialog, title"
      @ebok-dialog-request-close=${this.onRequestClose}
      @ebok-dialog-close=${this.onClosed}
    >
      ${mode ? html`<span slot="icon" class="dialog-icon">${icon('clock')}</span>` : nothing}
      ${this.warning
        ? html`<p data-dialog-description>
              ${mode === 'warning'
                ? msg('Dla bezpieczeństwa kończymy sesję, gdy przez dłuższy czas nic się nie dzieje. Jeśli chcesz dalej korzystać z eBOK, kliknij „Nie wylogowuj mnie”.')
                : msg('Sesja osiągnęła najdłuższy dozwolony czas i nie można jej przedłużyć. Dane wpisane na stronie zostaną; potem zaloguj się ponownie.')}
            </p>
            <p class="countdown" part="countdown">${msg(str`Pozostało: ${formatDuration(this.timer.remaining)}`)}</p>
            ${this.dialogError ? html`<p class="error" role="alert">${this.dialogError}</p>` : nothing}
            <div class="actions">
              ${mode === 'warning'
                ? html`<button data-autofocus class="button" part="stay" type="button" ?disabled=${this.extending} @click=${this.stay}>
                    ${this.extending ? msg('Przedłużamy…') : msg('Nie wylogowuj mnie')}
                  </button>`
                : html`<button data-autofocus class="button" part="stay" type="button" @click=${() => this.closeDialog()}>${msg('Rozumiem')}</button>`}
            </div>`
        : nothing}
      ${mode === 'expired'
        ? html`<p data-dialog-description>
              ${msg('Ze względów bezpieczeństwa zakończyliśmy sesję po okresie braku aktywności. Dane wpisane na stronie zostały – zaloguj się ponownie, aby kontynuować.')}
            </p>
            <div class="actions">
              <button data-autofocus class="button" part="close" type="button" @click=${() => this.closeDialog()}>${msg('Zamknij')}</button>
            </div>`
        : nothing}
    </ebok-dialog>`;
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
    this.focusTo.next(this.messageRef);
    this.emit(new EbokLogoutEvent({ apiBase: client.apiBase }));
  };

  /** The warning time came: read the session once more, then warn if the deadline did not move. */
  private async warn(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const fresh = await readSession(client);
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
    const fresh = await readSession(client);
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
      this.notice.announce(msg('Sesja została przedłużona.'));
    } catch (error) {
      if (error instanceof EbokApiError && error.status === 401) {
        this.timer.reset();
        client.session.end('expired');
        this.message = 'idle';
        this.openDialog('expired');
      } else {
        this.dialogError = msg('Nie udało się przedłużyć sesji. Sprawdź połączenie i spróbuj ponownie.');
      }
    } finally {
      this.extending = false;
    }
  };

  /** Escape means "I am here": the same as "Stay signed in" while warning. */
  private onRequestClose = (event: EbokDialogRequestCloseEvent): void => {
    if (this.dialogMode === 'warning' && event.source === 'escape') {
      event.preventDefault();
      void this.stay();
    }
  };

  private onClosed = (): void => {
    this.dialogMode = undefined;
    this.dialogError = undefined;
  };

  private openDialog(mode: Exclude<DialogMode, undefined>): void {
    this.dialogMode = mode;
    this.dialogError = undefined;
    this.lastAnnounced = undefined;
    // Already open (warning → expired): the new content's button takes focus.
    if (this.dialog?.open) void this.updateComplete.then(() => this.dialog?.focusInitial());
  }

  private closeDialog(): void {
    this.dialogMode = undefined;
    this.dialogError = undefined;
  }
}
