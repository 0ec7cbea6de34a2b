import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { EbokApiElement } from '../../core/api-element.js';
import { ApiTask } from '../../controllers/api-task.js';
import { statusStyles } from '../../core/status.js';
import { EbokErrorEvent, EbokNavigateEvent, EbokRegisterSuccessEvent } from '../../core/events.js';
import { EbokApiError, type FieldError } from '../../api/errors.js';
import type { components } from '../../api/schema.js';
import { passwordStrength, validatePassword } from '../../validation/index.js';
import {
  customerNumberError,
  emailError,
  focusFirstInvalid,
  linkLifetime,
  formStyles,
  renderConfigState,
  IdempotencyKeys,
  newPasswordError,
  nipError,
  peselError,
  phoneError,
  ppeError,
  renderCheckbox,
  renderChoice,
  renderErrorSummary,
  renderFormError,
  renderHeading,
  renderPasswordHelp,
  renderRevealButton,
  renderTextField,
  repeatError,
  serverPasswordError,
  submitErrorMessage,
  type SummaryEntry,
} from '../../core/form.js';
import {
  checkAll,
  checkField,
  EMPTY_VALUES,
  FIELDS,
  fieldOfPointer,
  registerBody,
  type CustomerKind,
  type FieldProblem,
  type PortalConfig,
  type ProofKind,
  type RegisterField,
  type RegisterValues,
} from './register.logic.js';

type RegistrationAccepted = components['schemas']['RegistrationAccepted'];

/**
 * Registration (seeds 000, 002, 003, 004): PESEL (person) or NIP (business), the customer number or the
 * point-of-delivery code (PPE) from an invoice, the e-mail that becomes the login, an optional mobile number,
 * a password that meets the utility's policy, and the consents. Then an activation link goes to the e-mail.
 *
 * Person or business is a radio choice (not guessed from the number's length), so the label names the one
 * number to type and a typo is reported against it. Checksums (PESEL, NIP, PPE), formats and the password
 * policy are checked in the browser on leaving a field and on sending; the server checks again, and its
 * field errors land on their fields. On sending, focus moves to the first wrong field and the number of
 * errors is announced. Nothing typed is lost on any error. The answer is neutral (the same whether or not
 * an account exists): it says where the link went and for how long it is valid.
 * When the portal has registration switched off (`features.registration`), the widget renders nothing.
 *
 * @customElement ebok-register
 * @fires ebok-register-success - The registration was accepted: `detail.maskedEmail`, `detail.activationLinkExpiresInSeconds`.
 * @fires ebok-navigate - "Log in" (`target: 'login'`) or the terms (`target: 'terms'`); cancelable.
 * @fires ebok-error - A failure was shown to the customer (not field errors).
 * @csspart base - The widget.
 * @csspart title - The heading.
 * @csspart field - Each field (label, hint, input, error).
 * @csspart input - Each text input.
 * @csspart field-error - The error under a field.
 * @csspart choice - The person/business and customer-number/PPE choices.
 * @csspart password-help - The password checklist and strength meter.
 * @csspart reveal - The show-password toggle.
 * @csspart error-summary - The list of errors shown after sending.
 * @csspart submit - The send button.
 * @csspart result - The answer after sending.
 * @csspart login - The log-in link.
 * @csspart terms - The link to the terms of service (with `terms-href`).
 * @csspart status - Loading, error and offline states (with `retry`).
 * @cssprop --ebok-color-primary - Buttons and links.
 * @cssprop --ebok-color-danger - Errors.
 * @cssprop --ebok-color-success - The answer and met password rules.
 */
export class EbokRegister extends EbokApiElement {
  static override styles = [EbokApiElement.styles, statusStyles, formStyles];

  /** Heading level of the title (2–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Where "Log in" leads. */
  @property({ attribute: 'login-href' }) loginHref?: string;

  /** The terms of service (regulamin) the customer accepts; a link beside the checkbox when given. */
  @property({ attribute: 'terms-href' }) termsHref?: string;

  @state() private values: RegisterValues = { ...EMPTY_VALUES };
  @state() private errors: Partial<Record<RegisterField, string>> = {};
  @state() private summary: SummaryEntry[] = [];
  @state() private attempt = 0;
  @state() private formError?: string;
  @state() private submitting = false;
  @state() private showPassword = false;
  @state() private done?: RegistrationAccepted;

  /** One key per body: retrying the same data reuses it (a lost answer is replayed), changed data gets a new one. */
  private readonly keys = new IdempotencyKeys();

  private readonly config: ApiTask<PortalConfig> = new ApiTask<PortalConfig>(this, {
    personal: false,
    load: (client, signal) => client.get('/portal-config', { signal }),
  });

  override render() {
    const config = this.config.value;
    if (config && !config.features.registration) return nothing;
    return html`<div class="base" part="base" aria-busy=${this.submitting || (!config && this.config.status === 'pending') ? 'true' : 'false'}>
      ${config
        ? this.done
          ? this.renderDone(this.done)
          : this.renderForm(config)
        : html`${renderHeading(msg('Załóż konto w eBOK'), this.headingLevel)}
          ${renderConfigState(this.config, { failed: msg('Nie udało się wczytać formularza rejestracji.'), unavailable: msg('Rejestracja jest chwilowo niedostępna.'), loading: msg('formularz rejestracji') })}`}
    </div>`;
  }

  private renderForm(config: PortalConfig) {
    const v = this.values;
    const e = this.errors;
    const policy = config.passwordPolicy;
    const unmet = validatePassword(v.password, policy);
    const passwordType = this.showPassword ? 'text' : 'password';
    const visibleSummary = Object.keys(e).length ? this.summary.filter((entry) => e[entry.id as RegisterField]) : [];
    return html`${renderHeading(msg('Załóż konto w eBOK'), this.headingLevel)}
      <p class="intro">${msg('Przygotuj ostatnią fakturę: są na niej numer klienta i numer punktu poboru (PPE).')}</p>
      ${renderErrorSummary(visibleSummary, this.attempt, (id) => this.focusField(id))} ${renderFormError(this.formError)}
      <form novalidate @submit=${this.onSubmit}>
        ${renderChoice<CustomerKind>({
          name: 'kind',
          legend: msg('Kto zakłada konto?'),
          value: v.kind,
          options: [
            { value: 'person', label: msg('Osoba prywatna (PESEL)') },
            { value: 'business', label: msg('Firma (NIP)') },
          ],
          onChange: (kind) => this.change({ kind }, 'idNumber'),
        })}
        ${renderTextField({
          id: 'idNumber',
          label: v.kind === 'person' ? msg('Numer PESEL') : msg('Numer NIP'),
          value: v.idNumber,
          inputmode: 'numeric',
          autocomplete: 'off',
          maxlength: 20,
          hint: v.kind === 'person' ? msg('11 cyfr.') : msg('10 cyfr, np. 856-734-62-15.'),
          error: e.idNumber,
          onInput: (value) => this.change({ idNumber: value }, 'idNumber'),
          onBlur: () => this.leave('idNumber'),
        })}
        ${renderChoice<ProofKind>({
          name: 'proofKind',
          legend: msg('Czym potwierdzisz umowę?'),
          value: v.proofKind,
          options: [
            { value: 'customerNumber', label: msg('Numer klienta') },
            { value: 'pointCode', label: msg('Numer punktu poboru (PPE)') },
          ],
          onChange: (proofKind) => this.change({ proofKind }, 'proof'),
        })}
        ${renderTextField({
          id: 'proof',
          label: v.proofKind === 'pointCode' ? msg('Numer punktu poboru (PPE)') : msg('Numer klienta'),
          value: v.proof,
          inputmode: v.proofKind === 'pointCode' && !config.allowLegacyPointCodes ? 'numeric' : 'text',
          autocomplete: 'off',
          maxlength: 40,
          hint:
            v.proofKind === 'pointCode'
              ? config.allowLegacyPointCodes
                ? msg('Z faktury: zwykle 18 cyfr zaczynających się od 590 (starsze numery też przyjmiemy).')
                : msg('Z faktury: 18 cyfr zaczynających się od 590.')
              : msg('Z faktury, np. 1200345678.'),
          error: e.proof,
          onInput: (value) => this.change({ proof: value }, 'proof'),
          onBlur: () => this.leave('proof'),
        })}
        ${renderTextField({
          id: 'email',
          label: msg('Adres e-mail'),
          type: 'email',
          value: v.email,
          inputmode: 'email',
          autocomplete: 'email',
          maxlength: 254,
          hint: config.registrationEmailMustMatchContract
            ? msg('Będzie Twoim loginem. Podaj adres e-mail zapisany w umowie – z innym rejestracja się nie uda.')
            : msg('Będzie Twoim loginem. Wyślemy na niego link aktywacyjny.'),
          error: e.email,
          onInput: (value) => this.change({ email: value }, 'email'),
          onBlur: () => this.leave('email'),
        })}
        ${renderTextField({
          id: 'phone',
          label: msg('Numer telefonu komórkowego'),
          type: 'tel',
          value: v.phone,
          inputmode: 'tel',
          autocomplete: 'tel',
          required: false,
          maxlength: 20,
          hint: msg('Do kodów SMS przy logowaniu i powiadomień, np. 601 234 567.'),
          error: e.phone,
          onInput: (value) => this.change({ phone: value }, 'phone'),
          onBlur: () => this.leave('phone'),
        })}
        ${renderTextField({
          id: 'password',
          label: msg('Hasło'),
          type: passwordType,
          value: v.password,
          autocomplete: 'new-password',
          error: e.password,
          describedBy: ['password-rules'],
          onInput: (value) => this.change({ password: value }, 'password'),
          onBlur: () => this.leave('password'),
          after: renderRevealButton(this.showPassword, 'password passwordRepeat', () => (this.showPassword = !this.showPassword)),
        })}
        ${renderPasswordHelp({ id: 'password-rules', policy, value: v.password, unmet, strength: passwordStrength(v.password) })}
        ${renderTextField({
          id: 'passwordRepeat',
          label: msg('Powtórz hasło'),
          type: passwordType,
          value: v.passwordRepeat,
          autocomplete: 'new-password',
          error: e.passwordRepeat,
          onInput: (value) => this.change({ passwordRepeat: value }, 'passwordRepeat'),
          onBlur: () => this.leave('passwordRepeat'),
        })}
        <fieldset class="choice consents">
          <legend>${msg('Zgody')}</legend>
          ${renderCheckbox({
            id: 'terms',
            label: msg('Akceptuję regulamin eBOK (wymagane).'),
            checked: v.terms,
            required: true,
            error: e.terms,
            onChange: (checked) => this.change({ terms: checked }, 'terms', true),
          })}
          ${this.termsHref
            ? html`<a class="link" part="terms" href=${this.termsHref} target="_blank" rel="noopener" @click=${(ev: MouseEvent) => this.navigate(ev, 'terms', this.termsHref)}
                >${msg('Przeczytaj regulamin (otworzy się w nowej karcie)')}</a
              >`
            : nothing}
          ${renderCheckbox({
            id: 'eInvoice',
            label: msg('Chcę dostawać faktury elektronicznie (e-faktura) zamiast papierowych.'),
            checked: v.eInvoice,
            onChange: (checked) => this.change({ eInvoice: checked }),
          })}
          ${renderCheckbox({
            id: 'marketing',
            label: msg('Chcę dostawać informacje o ofertach i promocjach.'),
            checked: v.marketing,
            onChange: (checked) => this.change({ marketing: checked }),
          })}
        </fieldset>
        <div class="actions">
          <button class="button" part="submit" type="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>
            ${this.submitting ? msg('Wysyłanie…') : msg('Załóż konto')}
          </button>
          <a class="link" part="login" href=${this.loginHref ?? '#'} @click=${(ev: MouseEvent) => this.navigate(ev, 'login', this.loginHref)}
            >${msg('Masz już konto? Zaloguj się')}</a
          >
        </div>
      </form>`;
  }

  private renderDone(done: RegistrationAccepted) {
    return html`<div class="result" part="result" tabindex="-1">
      ${renderHeading(msg('Sprawdź skrzynkę e-mail'), this.headingLevel)}
      <div class="status status--success" role="status">
        <p class="status__text">
          ${msg(str`Wysłaliśmy wiadomość na adres ${done.maskedEmail}. Kliknij w niej link aktywacyjny, aby dokończyć zakładanie konta.`)}
        </p>
        <p>${linkLifetime(done.activationLinkExpiresInSeconds)}</p>
        <p>${msg('Nie widzisz wiadomości? Sprawdź folder ze spamem.')}</p>
      </div>
      <div class="actions">
        <a class="button" part="login" href=${this.loginHref ?? '#'} @click=${(ev: MouseEvent) => this.navigate(ev, 'login', this.loginHref)}
          >${msg('Przejdź do logowania')}</a
        >
      </div>
    </div>`;
  }

  /** Applies typed values; a field already marked wrong is checked again at once, so its error goes as soon as it is fixed. */
  private change(patch: Partial<RegisterValues>, field?: RegisterField, checkNow = false): void {
    this.values = { ...this.values, ...patch };
    this.formError = undefined;
    const config = this.config.value;
    if (!config || !field) return;
    const recheck: RegisterField[] = [field];
    if (field === 'password' && (this.errors.passwordRepeat || this.values.passwordRepeat)) recheck.push('passwordRepeat');
    for (const f of recheck) {
      if (checkNow || this.errors[f] || (f === 'passwordRepeat' && f !== field)) this.setError(f, checkField(f, this.values, config), config);
    }
  }

  /** Leaving a field checks it, unless nothing was typed yet (tabbing through the form shows no errors). */
  private leave(field: RegisterField): void {
    const config = this.config.value;
    // Chromium blurs a focused input when the answer replaces the form: nothing to check then.
    if (!config || this.done) return;
    const value = this.values[field];
    if (value === '' && !this.errors[field]) return;
    this.setError(field, checkField(field, this.values, config), config);
  }

  private setError(field: RegisterField, problem: FieldProblem | undefined, config: PortalConfig): void {
    const errors = { ...this.errors };
    if (problem) errors[field] = this.problemText(problem, config);
    else delete errors[field];
    this.errors = errors;
  }

  private problemText(problem: FieldProblem, config: PortalConfig): string {
    switch (problem.check) {
      case 'pesel':
        return peselError(problem.reason);
      case 'nip':
        return nipError(problem.reason);
      case 'pointCode':
        return ppeError(problem.reason);
      case 'customerNumber':
        return customerNumberError(problem.reason);
      case 'email':
        return emailError(problem.reason);
      case 'phone':
        return phoneError(problem.reason);
      case 'password':
      case 'password-empty':
        return newPasswordError(problem, config.passwordPolicy);
      case 'repeat':
        return repeatError(problem.reason);
      case 'terms':
        return msg('Aby założyć konto, zaakceptuj regulamin.');
    }
  }

  private onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const config = this.config.value;
    const client = this.client;
    if (this.submitting || !config || !client) return;
    this.formError = undefined;
    const problems = checkAll(this.values, config);
    const errors: Partial<Record<RegisterField, string>> = {};
    for (const field of FIELDS) {
      const problem = problems[field];
      if (problem) errors[field] = this.problemText(problem, config);
    }
    this.errors = errors;
    const body = registerBody(this.values, config);
    if (!body) {
      await this.showErrors();
      return;
    }
    this.submitting = true;
    this.summary = [];
    try {
      const done = await client.post('/auth/register', {
        params: { header: { 'Idempotency-Key': this.keys.keyFor(body) } },
        body,
      });
      this.submitting = false;
      this.done = done;
      this.keys.reset();
      this.emit(new EbokRegisterSuccessEvent({ maskedEmail: done.maskedEmail, activationLinkExpiresInSeconds: done.activationLinkExpiresInSeconds }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="result"]')?.focus();
    } catch (error) {
      this.submitting = false;
      await this.handleError(error, config);
    }
  };

  /** After a refused submit: the summary is announced with the count, and focus goes to the first wrong field. */
  private async showErrors(): Promise<void> {
    this.summary = FIELDS.filter((f) => this.errors[f]).map((f) => ({ id: f, message: this.errors[f]! }));
    this.attempt++;
    await this.updateComplete;
    focusFirstInvalid(this.renderRoot);
  }

  private async handleError(error: unknown, config: PortalConfig): Promise<void> {
    if (error instanceof EbokApiError && error.status === 422 && error.fields.length > 0) {
      const errors: Partial<Record<RegisterField, string>> = {};
      const elsewhere: string[] = [];
      for (const fieldError of error.fields) {
        const field = fieldOfPointer(fieldError.field);
        const text = this.serverFieldText(fieldError, config);
        if (field) errors[field] ??= text;
        else elsewhere.push(text);
      }
      this.errors = errors;
      if (elsewhere.length) this.formError = elsewhere.join(' ');
      await this.showErrors();
      return;
    }
    if (error instanceof EbokApiError && error.code === 'idempotency_key_reuse') this.keys.reset();
    this.formError = submitErrorMessage(error);
    this.emit(
      EbokErrorEvent.from(error, this.formError),
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="submit"]')?.focus();
  }

  /** A server field error in the widget's words where it knows the code, else the server's (localized) text. */
  private serverFieldText(error: FieldError, config: PortalConfig): string {
    const { field, code } = error;
    const password = serverPasswordError(code, config.passwordPolicy);
    if (password) return password;
    const byField: Record<string, Partial<Record<string, string>>> = {
      '/pesel': { invalid_checksum: peselError('checksum'), invalid_format: peselError('format'), required: peselError('empty'), exactly_one_required: msg('Podaj PESEL (osoba prywatna) albo NIP (firma).') },
      '/nip': { invalid_checksum: nipError('checksum'), invalid_format: nipError('format'), required: nipError('empty'), exactly_one_required: msg('Podaj PESEL (osoba prywatna) albo NIP (firma).') },
      '/pointCode': { invalid_checksum: ppeError('checksum'), invalid_format: ppeError('format'), required: ppeError('empty'), exactly_one_required: msg('Podaj numer klienta albo numer PPE z faktury.') },
      '/customerNumber': { invalid_format: customerNumberError('format'), required: customerNumberError('empty'), exactly_one_required: msg('Podaj numer klienta albo numer PPE z faktury.') },
      '/email': { invalid_format: emailError('format'), required: emailError('empty'), too_long: emailError('too_long') },
      '/phone': { invalid_format: phoneError('format'), phone_required: phoneError('empty') },
      '/password': { required: msg('Wpisz hasło.') },
      '/consents/terms': { must_be_true: msg('Aby założyć konto, zaakceptuj regulamin.'), required: msg('Aby założyć konto, zaakceptuj regulamin.') },
      '/consents': { required: msg('Aby założyć konto, zaakceptuj regulamin.') },
    };
    return byField[field]?.[code] ?? (error.message || msg('Sprawdź to pole.'));
  }

  private focusField(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private navigate(event: MouseEvent, target: string, href: string | undefined): void {
    const proceed = this.emit(new EbokNavigateEvent({ target, ...(href ? { href } : {}) }));
    if (!proceed || !href) event.preventDefault();
  }
}
