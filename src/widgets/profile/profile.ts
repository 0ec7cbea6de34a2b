import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ApiTask } from '../../controllers/api-task.js';
import { renderError, renderLoading, renderOffline } from '../../core/status.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { EbokWidget } from '../../kit/widget.js';
import { FormController } from '../../kit/form.js';
import { NoticeController } from '../../kit/notice.js';
import { formStyles } from '../../kit/form.styles.js';
import { describeFailure, failureText } from '../../kit/failure.js';
import { checkNewPassword, checkRepeat, serverPasswordError } from '../../kit/password.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { ContactForms } from './profile.contact.js';
import { EbokProfileChangeEvent, type ProfileChange } from './profile.events.js';
import { profileStyles } from './profile.styles.js';
import * as logic from './profile.logic.js';
import type { AddressValues, Point, Profile, ProfileSection } from './profile.logic.js';
import * as view from './profile.views.js';

/**
 * "Moje dane" (seeds 000, 002, 004): who the customer is (name or company, customer number, PESEL or NIP masked,
 * REGON), and what they can change, each section on its own with its own Save and its own message:
 *
 * - the **phone**: a new number gets an SMS with a one-time code and counts only once the code is typed (SMS
 *   notifications and sign-in codes keep going to the confirmed number until then); resend and cancel;
 * - the **e-mail** (the login): the current password, then a link to the new address; the page the link opens
 *   (with `?ebok-email-token=`, or the `email-token` attribute) confirms it once the customer is signed in;
 * - the **correspondence address**, Polish postal code checked as typed, with "the same as the point of
 *   delivery" filling it from one of the customer's points;
 * - the **password**: the current one, the new one twice, with the utility's policy as a checklist.
 *
 * Whatever fails (a field refused, no connection, a server error, the session ended: log in and it is sent by
 * itself) keeps what was typed; a double click sends once.
 *
 * @customElement ebok-profile
 * @fires ebok-profile-change - A section was saved or a contact change moved on: `detail.section` (`phone`, `email`, `address`, `password`) and `detail.change` (`saved`, `pending`, `confirmed`, `cancelled`).
 * @fires ebok-navigate - "Log in" (`target: 'login'`); cancelable.
 * @fires ebok-error - A failure was shown to the customer.
 * @csspart base - The widget.
 * @csspart heading - The widget's heading and each section's.
 * @csspart section - Each section (also `identity`, `phone`, `email`, `address`, `password`).
 * @csspart pending - A new phone or e-mail waiting for its confirmation.
 * @csspart resend - "Send the code (link) again".
 * @csspart cancel - "Cancel the change".
 * @csspart shortcut - "The same as the point of delivery" with one button per point.
 * @csspart same-as-point - A button filling the address from a point of delivery.
 * @csspart field - Each field (label, hint, input, error).
 * @csspart input - Each input.
 * @csspart hint - A field's hint.
 * @csspart field-error - The error under a field.
 * @csspart error-summary - The errors of a section, announced after saving.
 * @csspart notice - A section's message: what changed, or why it was not saved.
 * @csspart password-help - The password checklist and strength meter.
 * @csspart checklist - The password rules.
 * @csspart strength - The password strength.
 * @csspart reveal - The show-password toggle.
 * @csspart caps-lock - The Caps Lock warning of a password field.
 * @csspart submit - Each section's Save button.
 * @csspart login - The log-in link.
 * @csspart status - Loading, error and offline states (with `retry`).
 * @cssprop --ebok-profile-section-border - The line between sections.
 * @cssprop --ebok-color-primary - Buttons and links.
 * @cssprop --ebok-color-danger - Errors.
 * @cssprop --ebok-color-success - Success messages and met password rules.
 */
export class EbokProfile extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles, profileStyles];

  /** The token of the e-mailed link to confirm a new address; when absent, `?ebok-email-token=` of the page. */
  @property({ attribute: 'email-token' }) emailToken?: string;

  /** The profile as the last answer gave it (a change's answer replaces the loaded one). */
  @state() private latest?: Profile;

  private readonly config: PortalConfigController = new PortalConfigController(this);

  private readonly data: ApiTask<Profile> = new ApiTask<Profile>(this, {
    load: async (client, signal) => {
      const value: unknown = await client.get('/customer/profile', { signal });
      if (!logic.isProfile(value)) throw malformedResponse(client.apiBase, 'GET /customer/profile answered without the profile');
      this.latest = undefined;
      return value;
    },
  });

  private readonly points: ApiTask<Point[]> = new ApiTask<Point[]>(this, {
    load: async (client, signal) => {
      const list: unknown = await client.get('/points', { params: { query: { limit: 100 } }, signal });
      const items = (list as { items?: unknown } | null)?.items;
      return Array.isArray(items) ? logic.pointAddresses(items as Point[]) : [];
    },
  });

  get profile(): Profile | undefined {
    return this.latest ?? this.data.value;
  }

  private readonly contact = new ContactForms(this);
  private readonly addressNotice = new NoticeController(this, 'address-notice');
  private readonly passwordNotice = new NoticeController(this, 'password-notice');
  private addressFilled = false;

  private readonly address = new FormController<AddressValues, logic.AddressInput, unknown>(this, {
    initial: logic.addressValues(undefined),
    order: logic.ADDRESS_ORDER,
    notice: this.addressNotice,
    check: (name, values) => addressText(logic.addressProblem(name, values)),
    body: logic.addressBody,
    send: (client, body, key) => client.put('/customer/correspondence-address', { params: { header: { 'Idempotency-Key': key } }, body }),
    done: (stored) => {
      const address = stored as Profile['correspondenceAddress'];
      const profile = this.profile;
      this.address.reset(logic.addressValues(address));
      if (profile && address && typeof address.city === 'string') this.changed({ ...profile, correspondenceAddress: address }, 'address', 'saved', this.addressNotice, msg(str`Adres do korespondencji zmieniony na: ${logic.addressLine(address)}.`));
    },
    resumeAfterLogin: true,
    context: { action: 'send' },
  });

  private readonly password = new FormController<{ currentPassword: string; newPassword: string; passwordRepeat: string }, { currentPassword: string; newPassword: string }, unknown>(this, {
    initial: { currentPassword: '', newPassword: '', passwordRepeat: '' },
    order: ['currentPassword', 'newPassword', 'passwordRepeat'],
    affects: { newPassword: ['passwordRepeat'] },
    notice: this.passwordNotice,
    check: (name, values): string | undefined => {
      const policy = this.config.value?.passwordPolicy;
      if (name === 'currentPassword') return values.currentPassword === '' ? msg('Wpisz obecne hasło.') : undefined;
      if (name === 'newPassword') return policy ? checkNewPassword(values.newPassword, policy) : undefined;
      return checkRepeat(values.newPassword, values.passwordRepeat);
    },
    body: (values) => ({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    send: (client, body, key) => client.post('/auth/password', { params: { header: { 'Idempotency-Key': key } }, body }),
    done: () => {
      this.password.reset();
      this.passwordNotice.show({ tone: 'success', text: msg('Hasło zostało zmienione. Na innych urządzeniach trzeba zalogować się nowym hasłem.') });
      this.emit(new EbokProfileChangeEvent({ section: 'password', change: 'saved' }));
      this.password.focus.next(this.passwordNotice.ref);
    },
    serverText: (field): string | undefined =>
      field.field === '/currentPassword' && field.code === 'incorrect' ? msg('Obecne hasło jest nieprawidłowe.') : serverPasswordError(field.code, this.config.value?.passwordPolicy),
    resumeAfterLogin: true,
    context: { action: 'send' },
  });

  /** A section's answer: shows it, says what changed in the section's own message and fires `ebok-profile-change`. */
  changed(profile: Profile, section: ProfileSection, change: ProfileChange, notice: NoticeController, text: string): void {
    this.latest = profile;
    notice.show({ tone: change === 'cancelled' ? 'info' : 'success', text });
    this.emit(new EbokProfileChangeEvent({ section, change }));
    void this.updateComplete.then(() => {
      // Focus on the message, unless the next step (the code field) took it.
      const active = this.shadowRoot?.activeElement;
      if (!active || active.closest('[part~="submit"], [part~="resend"], [part~="cancel"]') || !active.isConnected) notice.ref.value?.focus();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const profile = this.profile;
    if (profile && !this.addressFilled) {
      this.addressFilled = true;
      this.address.reset(logic.addressValues(profile.correspondenceAddress));
    }
    if (this.data.status !== 'complete') this.addressFilled = false;
    // The e-mailed link's token, once the profile shows (signed in): confirmed once per token.
    else this.contact.confirmLink(this.emailToken);
  }

  private readonly fromPoint = (point: Point): void => {
    this.address.assign(logic.addressValues(point.address));
    this.address.validate();
    this.addressNotice.show({ tone: 'info', text: msg(str`Wpisaliśmy adres punktu poboru ${point.code}. Sprawdź go i zapisz.`) });
    this.address.focus.next(this.address.field('street').ref);
  };

  private readonly sectionHeading: view.SectionHeading = (id, text) =>
    html`<div class="section__title" part="heading" role="heading" aria-level=${Math.min(6, this.level + 1)} id=${id}>${text}</div>`;

  override render() {
    const busy = this.data.status === 'pending';
    return html`<div class="base" part="base" aria-busy=${busy ? 'true' : 'false'}>
      ${this.heading(msg('Moje dane'))}
      ${this.data.render({
        pending: () => (this.profile ? this.renderBody(this.profile) : renderLoading(msg('Twoje dane'))),
        complete: () => this.renderBody(this.profile!),
        error: (error, retry) => renderError({ message: failureText(describeFailure(error, { failed: msg('Nie udało się wczytać Twoich danych.') })), onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => html`<p>${msg('Zaloguj się, aby zobaczyć i zmienić swoje dane.')}</p>
          <div class="actions">${this.loginLink(msg('Zaloguj się'))}</div>`,
        noApi: () => renderError({ message: msg('Twoje dane są chwilowo niedostępne.') }),
      })}
    </div>`;
  }

  private renderBody(profile: Profile) {
    const h = this.sectionHeading;
    return html`<div class="sections">
      ${view.identityView(profile, h)} ${view.phoneView(profile, this.contact, h)} ${view.emailView(profile, this.contact, h)}
      ${view.addressView({ form: this.address, points: this.points.value ?? [], onPoint: this.fromPoint, heading: h })}
      ${view.passwordView(this.password, this.config.value?.passwordPolicy, h)}
    </div>`;
  }
}

function addressText(problem: logic.AddressProblem | undefined): string | undefined {
  switch (problem) {
    case undefined:
      return undefined;
    case 'required':
      return msg('To pole jest wymagane.');
    case 'postal_code':
      return msg('Kod pocztowy ma postać 00-000, np. 44-100.');
    case 'too_long':
      return msg('Ten tekst jest za długi.');
  }
}
