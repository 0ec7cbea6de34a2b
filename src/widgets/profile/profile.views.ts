import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { codeField, passwordField, submitButton, textField } from '../../kit/fields.js';
import { formFeedback } from '../../kit/form.js';
import { newPasswordFields } from '../../kit/password.js';
import type { FormController } from '../../kit/form.js';
import type { PasswordPolicy } from '../../validation/index.js';
import type { ContactForms } from './profile.contact.js';
import { addressLine, phoneText, type AddressInput, type AddressValues, type Point, type Profile } from './profile.logic.js';

/** A section's heading, one level below the widget's. */
export type SectionHeading = (id: string, text: string) => TemplateResult;

const submit = (event: SubmitEvent, form: { submit(): Promise<void> }): void => {
  event.preventDefault();
  void form.submit();
};

/** Who the customer is, read-only (PESEL and NIP masked as the API gives them). */
export function identityView(p: Profile, heading: SectionHeading): TemplateResult {
  const business = p.kind === 'business';
  const row = (term: string, value: unknown) => html`<div class="data__row"><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<section class="section" part="section identity" aria-labelledby="identity-title">
    ${heading('identity-title', business ? msg('Dane firmy') : msg('Dane klienta'))}
    <dl class="data">
      ${business ? row(msg('Nazwa firmy'), p.companyName ?? p.displayName) : row(msg('Imię i nazwisko'), p.displayName)}
      ${row(msg('Numer klienta'), p.customerNumber)}
      ${row(p.nationalIdType === 'nip' ? 'NIP' : 'PESEL', html`<span aria-label=${msg(str`zakryty, kończy się na ${p.nationalIdMasked.slice(-4)}`)}>${p.nationalIdMasked}</span>`)}
      ${business && p.regon ? row('REGON', p.regon) : nothing}
    </dl>
    <p class="section__hint">${msg('Tych danych nie zmienisz w eBOK. Jeśli są nieaktualne, napisz do nas albo zadzwoń.')}</p>
  </section>`;
}

interface PendingOptions {
  busy: boolean;
  onResend: () => void;
  onCancel: () => void;
  resendLabel: string;
}

function pendingActions(o: PendingOptions): TemplateResult {
  return html`<div class="actions">
    <button type="button" class="button button--secondary" part="resend" aria-disabled=${o.busy ? 'true' : 'false'} @click=${o.onResend}>${o.resendLabel}</button>
    <button type="button" class="link-button" part="cancel" aria-disabled=${o.busy ? 'true' : 'false'} @click=${o.onCancel}>${msg('Anuluj zmianę')}</button>
  </div>`;
}

export function phoneView(p: Profile, c: ContactForms, heading: SectionHeading): TemplateResult {
  const pending = p.pendingPhone;
  const busy = c.pending.busy;
  return html`<section class="section" part="section phone" aria-labelledby="phone-title">
    ${heading('phone-title', msg('Numer telefonu'))}
    <p class="current">${p.phone ? msg(str`Obecny numer: ${phoneText(p.phone)}`) : msg('Nie podano numeru telefonu.')}</p>
    ${pending
      ? html`${formFeedback(c.code)}
          <p class="pending" part="pending">${msg(str`Nowy numer ${phoneText(pending)} czeka na potwierdzenie kodem z SMS-a.`)}</p>
          <form novalidate @submit=${(e: SubmitEvent) => submit(e, c.code)}>
            ${codeField(c.code.field('phoneCode'), { label: msg('Kod z SMS-a'), hint: msg('6 cyfr. Kod jest ważny 10 minut.') })}
            <div class="actions">${submitButton(c.code, { label: msg('Potwierdź numer') })}</div>
          </form>
          ${pendingActions({ busy, resendLabel: msg('Wyślij kod ponownie'), onResend: () => c.act('phone', 'resend'), onCancel: () => c.act('phone', 'cancel') })}`
      : html`${formFeedback(c.phone)}
          <form novalidate @submit=${(e: SubmitEvent) => submit(e, c.phone)}>
            ${textField(c.phone.field('phone'), {
              label: p.phone ? msg('Nowy numer telefonu komórkowego') : msg('Numer telefonu komórkowego'),
              type: 'tel',
              autocomplete: 'tel',
              inputmode: 'tel',
              maxlength: 20,
              hint: msg('Na nowy numer wyślemy SMS z kodem. Numer zmieni się, gdy wpiszesz kod.'),
            })}
            <div class="actions">${submitButton(c.phone, { label: msg('Zmień numer') })}</div>
          </form>`}
  </section>`;
}

export function emailView(p: Profile, c: ContactForms, heading: SectionHeading): TemplateResult {
  const pending = p.pendingEmail;
  return html`<section class="section" part="section email" aria-labelledby="email-title">
    ${heading('email-title', msg('Adres e-mail'))}
    <p class="current">${msg(str`Obecny adres (login): ${p.email}`)}</p>
    ${pending
      ? html`${c.emailNotice.render()}
          <p class="pending" part="pending">${msg(str`Nowy adres ${pending} czeka na potwierdzenie. Otwórz link z wiadomości, którą na niego wysłaliśmy.`)}</p>
          ${pendingActions({ busy: c.pending.busy, resendLabel: msg('Wyślij link ponownie'), onResend: () => c.act('email', 'resend'), onCancel: () => c.act('email', 'cancel') })}`
      : html`${formFeedback(c.email)}
          <form novalidate @submit=${(e: SubmitEvent) => submit(e, c.email)}>
            ${textField(c.email.field('email'), {
              label: msg('Nowy adres e-mail'),
              type: 'email',
              autocomplete: 'email',
              inputmode: 'email',
              maxlength: 254,
              hint: msg('Na nowy adres wyślemy link. Adres zmieni się, gdy go otworzysz.'),
            })}
            ${passwordField(c.email, c.email.field('emailPassword'), { label: msg('Obecne hasło'), autocomplete: 'current-password', hint: msg('Dla bezpieczeństwa, bo adres e-mail jest loginem.'), reveal: { controls: 'emailPassword', label: msg('Pokaż hasło') } })}
            <div class="actions">${submitButton(c.email, { label: msg('Zmień adres e-mail') })}</div>
          </form>`}
  </section>`;
}

export interface AddressViewOptions {
  form: FormController<AddressValues, AddressInput, unknown>;
  points: readonly Point[];
  onPoint: (point: Point) => void;
  heading: SectionHeading;
}

export function addressView(o: AddressViewOptions): TemplateResult {
  const f = o.form;
  const shortcut = o.points.length
    ? html`<div class="shortcut" part="shortcut" role="group" aria-labelledby="shortcut-label">
        <p id="shortcut-label">${o.points.length === 1 ? msg('Taki sam jak adres punktu poboru:') : msg('Taki sam jak adres jednego z punktów poboru:')}</p>
        <ul>
          ${o.points.map(
            (point) => html`<li><button type="button" class="button button--secondary" part="same-as-point" @click=${() => o.onPoint(point)}>${msg(str`Wpisz: ${addressLine(point.address)}`)}</button></li>`,
          )}
        </ul>
      </div>`
    : nothing;
  return html`<section class="section" part="section address" aria-labelledby="address-title">
    ${o.heading('address-title', msg('Adres do korespondencji'))}
    <p class="section__hint">${msg('Na ten adres wysyłamy listy. Może być inny niż adres punktu poboru.')}</p>
    ${shortcut} ${formFeedback(f)}
    <form novalidate @submit=${(e: SubmitEvent) => submit(e, f)}>
      ${textField(f.field('street'), { label: msg('Ulica'), autocomplete: 'address-line1', maxlength: 100, required: false, hint: msg('Z przedrostkiem, np. ul. Długa. W miejscowości bez ulic zostaw puste.') })}
      <div class="row">
        ${textField(f.field('buildingNumber'), { label: msg('Numer domu'), autocomplete: 'address-line2', maxlength: 20 })}
        ${textField(f.field('apartmentNumber'), { label: msg('Numer mieszkania'), autocomplete: 'address-line3', maxlength: 20, required: false })}
      </div>
      <div class="row">
        ${textField(f.field('postalCode'), { label: msg('Kod pocztowy'), autocomplete: 'postal-code', inputmode: 'numeric', maxlength: 6, hint: msg('Np. 44-100') })}
        ${textField(f.field('city'), { label: msg('Miejscowość'), autocomplete: 'address-level2', maxlength: 100 })}
      </div>
      <div class="actions">${submitButton(f, { label: msg('Zapisz adres') })}</div>
    </form>
  </section>`;
}

export function passwordView(form: FormController<{ currentPassword: string; newPassword: string; passwordRepeat: string }, { currentPassword: string; newPassword: string }, unknown>, policy: PasswordPolicy | undefined, heading: SectionHeading): TemplateResult {
  return html`<section class="section" part="section password" aria-labelledby="password-title">
    ${heading('password-title', msg('Hasło'))} ${formFeedback(form)}
    ${policy
      ? html`<form novalidate @submit=${(e: SubmitEvent) => submit(e, form)}>
          ${passwordField(form, form.field('currentPassword'), { label: msg('Obecne hasło'), autocomplete: 'current-password', reveal: false })}
          ${newPasswordFields(form, form.field('newPassword'), form.field('passwordRepeat'), { policy, label: msg('Nowe hasło'), repeatLabel: msg('Powtórz nowe hasło') })}
          <div class="actions">${submitButton(form, { label: msg('Zmień hasło') })}</div>
        </form>`
      : html`<p>${msg('Wczytujemy wymagania dla hasła…')}</p>`}
  </section>`;
}
