import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { FocusController } from '../../controllers/focus.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { EbokApiError } from '../../api/errors.js';
import { renderError, renderLoading, renderOffline } from '../../core/status.js';
import { ActionController } from '../../kit/action.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { formStyles } from '../../kit/form.styles.js';
import { NoticeController } from '../../kit/notice.js';
import { EbokWidget } from '../../kit/widget.js';
import { EbokNotificationSettingsSavedEvent } from './notification-settings.events.js';
import * as logic from './notification-settings.logic.js';
import type { Channel, Preferences, SettingsData, Topic } from './notification-settings.logic.js';
import { notificationSettingsStyles } from './notification-settings.styles.js';
import { daysField, grid } from './notification-settings.views.js';

/**
 * The notification settings (seeds 000, 002, 004: "ustawienia powiadomień SMS lub e-mail"): which news the customer
 * gets by e-mail and by SMS — a new invoice, the due date reminder (and how many days before), collection notices,
 * planned works at their points, the reading window, account security — as a table a screen reader reads by row and
 * column. Security e-mails cannot be turned off (shown checked and disabled, with the reason). SMS needs a confirmed
 * phone in the profile: without one the SMS column is disabled, with a link to add a phone (`profile-href`).
 *
 * Saving keeps the choices on any failure; a double click saves once; after a 401 the customer logs in again and
 * the same choices are saved by themselves.
 *
 * @customElement ebok-notification-settings
 * @fires ebok-notification-settings-saved - The server stored the settings (`detail`: the matrix as stored).
 * @fires ebok-navigate - "Add a phone number" (`target: 'profile'`) or "Log in" (`target: 'login'`) was followed.
 * @fires ebok-error - Loading or saving failed (the error shown).
 * @csspart base - The widget.
 * @csspart heading - Its title.
 * @csspart grid - The table of topics × channels.
 * @csspart row - One topic's row.
 * @csspart switch - One checkbox (a topic on one channel).
 * @csspart phone-note - Why SMS is off without a phone, and the link to add one.
 * @csspart profile-link - The link to add a phone (`profile-href`).
 * @csspart security-note - Why security e-mails stay on.
 * @csspart days - The reminder's "how many days before" field.
 * @csspart submit - "Zapisz ustawienia".
 * @csspart notice - The result of saving (also `success`, `error`, `warning`).
 * @csspart login - "Log in" when signed out or after the session ended.
 * @csspart retry - "Try again" after a failed load.
 * @csspart status - Loading, error and offline states.
 */
export class EbokNotificationSettings extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles, notificationSettingsStyles];

  /** Where the customer adds or confirms a phone number (a page with the contact data); also fires `ebok-navigate` with `target: 'profile'`. */
  @property({ attribute: 'profile-href' }) profileHref?: string;

  /** The choices being made (a copy of what was loaded), kept on every failure. */
  @state() private draft: Preferences | undefined;
  private draftOf: SettingsData | undefined;

  private readonly notices = new NoticeController(this);
  private readonly focusTo = new FocusController(this);

  readonly data: ApiTask<SettingsData> = new ApiTask<SettingsData>(this, {
    load: async (client, signal) => {
      const [preferences, profile] = await Promise.all([client.get('/customer/notification-preferences', { signal }) as Promise<unknown>, client.get('/customer/profile', { signal }) as Promise<unknown>]);
      if (!logic.isPreferences(preferences)) throw malformedResponse(client.apiBase, 'GET /customer/notification-preferences answered without every topic of both channels');
      const phone = (profile as { phone?: unknown } | null)?.phone;
      // A stored reminder outside 1–14 (older data) shows as the nearest day the list offers, and is saved as that.
      return { preferences: logic.withDays(preferences, preferences.dueDateReminderDays), phone: typeof phone === 'string' && phone ? phone : null };
    },
  });

  private readonly saving = new ActionController<Preferences, unknown>(this, {
    send: (client, body, key) => client.put('/customer/notification-preferences', { params: { header: { 'Idempotency-Key': key } }, body }),
    done: (stored) => this.saved(stored),
    failed: (error) => this.refused(error),
    context: { action: 'send', failed: msg('Nie udało się zapisać ustawień.') },
    described: (failure) => this.notices.showFailure(failure),
    resumeAfterLogin: true,
    otherCustomer: () => {
      this.draft = undefined;
      this.notices.clear();
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new load (another customer, a retry): start from what the server has.
    // Not while a save waits for the customer to log in again: the choices being resent stay on screen.
    const loaded = this.data.value;
    if (loaded && loaded !== this.draftOf) {
      this.draftOf = loaded;
      if (!this.saving.waitingForLogin && !this.saving.busy) this.draft = loaded.preferences;
    }
  }

  override render() {
    return html`<section class="base" part="base" aria-labelledby="title">
      ${this.heading(msg('Powiadomienia'), { id: 'title' })}
      ${this.data.render({
        pending: () => renderLoading(msg('ustawienia powiadomień')),
        complete: (data) => this.renderForm(data),
        error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed: msg('Nie udało się wczytać ustawień powiadomień.') })), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () =>
          this.saving.waitingForLogin
            ? html`${this.notices.render()}
                <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`
            : html`<p>${msg('Zaloguj się, aby ustawić powiadomienia.')}</p>
                <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
        noApi: () => renderError({ message: msg('Ustawienia powiadomień są chwilowo niedostępne.') }),
      })}
    </section>`;
  }

  private renderForm(data: SettingsData): TemplateResult {
    const prefs = this.draft ?? data.preferences;
    const hasPhone = data.phone !== null;
    const session = this.saving.failure?.kind === 'session';
    return html`<form novalidate @submit=${this.onSubmit}>
      <p class="intro">${msg('Zaznacz, o czym mamy Cię informować i którędy.')}</p>
      ${hasPhone ? nothing : this.renderPhoneNote()}
      ${grid({ prefs, hasPhone, onChoice: this.onChoice })}
      <p class="note" id="security-note" part="security-note">
        ${msg('E-maili o bezpieczeństwie konta nie można wyłączyć: ostrzegają, gdy ktoś inny próbuje użyć Twojego konta.')}
      </p>
      ${daysField(prefs, this.onDays)}
      ${this.notices.render(session ? html`<div class="actions">${this.loginLink(msg('Zaloguj się'), 'link')}</div>` : nothing)}
      <div class="actions">
        <button class="button" part="submit" type="submit" aria-disabled=${this.saving.busy ? 'true' : 'false'}>
          ${this.saving.busy ? msg('Zapisywanie…') : msg('Zapisz ustawienia')}
        </button>
      </div>
    </form>`;
  }

  private renderPhoneNote(): TemplateResult {
    return html`<div class="notice notice--info" part="phone-note">
      <div class="notice__body">
        <p id="phone-note">${msg('SMS-y wyślemy, gdy dodasz i potwierdzisz numer telefonu w danych kontaktowych.')}</p>
        ${this.profileHref
          ? html`<p>
              <a part="profile-link" href=${this.profileHref} @click=${(e: MouseEvent) => this.navigate(e, 'profile', this.profileHref)}>${msg('Dodaj numer telefonu')}</a>
            </p>`
          : nothing}
      </div>
    </div>`;
  }

  private readonly onChoice = (channel: Channel, topic: Topic, on: boolean): void => {
    const data = this.data.value;
    if (!data) return;
    this.draft = logic.withChoice(this.draft ?? data.preferences, channel, topic, on);
  };

  private readonly onDays = (days: number): void => {
    const data = this.data.value;
    if (!data) return;
    this.draft = logic.withDays(this.draft ?? data.preferences, days);
  };

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    const data = this.data.value;
    if (!data || this.saving.busy) return;
    this.notices.clear();
    void this.saving.run(logic.outgoing(this.draft ?? data.preferences, data.phone));
  };

  private saved(stored: unknown): void {
    if (!logic.isPreferences(stored)) {
      this.notices.show({ tone: 'error', text: msg('Serwer odpowiedział w nieoczekiwany sposób.'), detail: msg('Odśwież stronę, aby zobaczyć zapisane ustawienia.') });
      return;
    }
    this.draft = stored;
    this.notices.show({ tone: 'success', text: msg('Zapisaliśmy ustawienia powiadomień.'), urgent: false });
    this.focusTo.next(this.notices.ref);
    this.emit(new EbokNotificationSettingsSavedEvent(stored));
  }

  /** A refusal about the choices themselves, worded for what the customer can do; other failures go to the kit. */
  private refused(error: unknown): boolean {
    if (!(error instanceof EbokApiError) || error.code !== 'validation_failed') return false;
    const texts: Record<logic.Refusal, string> = {
      phone: msg('Aby dostawać SMS-y, dodaj i potwierdź numer telefonu w danych kontaktowych.'),
      security: msg('E-maili o bezpieczeństwie konta nie można wyłączyć.'),
      days: msg('Wybierz od 1 do 14 dni przed terminem płatności.'),
      other: msg('Nie udało się zapisać ustawień.'),
    };
    this.notices.show({ tone: 'error', text: texts[logic.refusalOf(error.fields)], detail: msg('Twoje wybory zostały w formularzu.') });
    this.focusTo.next(this.notices.ref);
    return true;
  }
}
