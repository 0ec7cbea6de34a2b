import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { EbokRegisterSuccessEvent } from '../../core/events.js';
import type { components } from '../../api/schema.js';
import { EbokWidget } from '../../kit/widget.js';
import { FormController } from '../../kit/form.js';
import { submitButton, textField } from '../../kit/fields.js';
import { formFeedback } from '../../kit/form.js';
import { checkboxField, choiceField } from '../../kit/choice-fields.js';
import { formStyles } from '../../kit/form.styles.js';
import { linkLifetime } from '../../kit/messages.js';
import { newPasswordFields } from '../../kit/password.js';
import { PortalConfigController } from '../../kit/portal-config.js';
import { localized } from '../../i18n/locale.js';
import { checkField, EMPTY_VALUES, FIELDS, fieldOfPointer, registerBody, type CustomerKind, type PortalConfig, type ProofKind, type RegisterField } from './register.logic.js';
import { problemText, serverFieldText } from './register.messages.js';

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
 * When the portal has registration switched off (`features.registration`), the widget renders nothing and
 * is `hidden`.
 *
 * @customElement ebok-register
 * @fires ebok-register-success - The registration was accepted: `detail.maskedEmail`, `detail.activationLinkExpiresInSeconds`.
 * @fires ebok-navigate - "Log in" (`target: 'login'`) or the terms (`target: 'terms'`); cancelable.
 * @fires ebok-error - A failure was shown to the customer (not field errors).
 * @csspart base - The widget.
 * @csspart heading - The heading.
 * @csspart field - Each field (label, hint, input, error).
 * @csspart input - Each text input.
 * @csspart field-error - The error under a field.
 * @csspart choice - The person/business and customer-number/PPE choices.
 * @csspart password-help - The password checklist and strength meter.
 * @csspart reveal - The show-password toggle.
 * @csspart caps-lock - The Caps Lock warning of a password field.
 * @csspart error-summary - The list of errors shown after sending.
 * @csspart notice - A failure of sending (network, server), with everything typed kept.
 * @csspart submit - The send button.
 * @csspart result - The answer after sending.
 * @csspart login - The log-in link.
 * @csspart terms - The link to the terms of service (`terms-href`, else the portal's `terms.url`).
 * @csspart hint - Each marketing consent's description, and why e-invoice is on where the eBOK requires it.
 * @csspart status - Loading, error and offline states (with `retry`).
 * @cssprop --ebok-color-primary - Buttons and links.
 * @cssprop --ebok-color-danger - Errors.
 * @cssprop --ebok-color-success - The answer and met password rules.
 */
export class EbokRegister extends EbokWidget {
  static override styles = [EbokWidget.styles, formStyles];

  /** The terms of service (regulamin) the customer accepts; a link beside the checkbox when given. */
  @property({ attribute: 'terms-href' }) termsHref?: string;

  @state() private done?: RegistrationAccepted;
  /** The marketing consents ticked, by id (kept on any failure, as the form's values are). */
  @state() private marketing: ReadonlySet<string> = new Set();

  private readonly config: PortalConfigController = new PortalConfigController(this);
  private readonly result = createRef<HTMLElement>();

  private readonly form = new FormController(this, {
    initial: { ...EMPTY_VALUES },
    order: FIELDS,
    affects: { kind: ['idNumber'], proofKind: ['proof'], password: ['passwordRepeat'] },
    check: (name, values): string | undefined => {
      const config = this.config.value;
      if (!config || !(FIELDS as readonly string[]).includes(name)) return undefined;
      const problem = checkField(name as RegisterField, values, config);
      return problem ? problemText(problem, config) : undefined;
    },
    body: (values) => (this.config.value ? registerBody(values, this.config.value, [...this.marketing]) : undefined),
    send: (client, body, key) => client.post('/auth/register', { params: { header: { 'Idempotency-Key': key } }, body }),
    done: (accepted): void => {
      this.done = accepted;
      this.emit(new EbokRegisterSuccessEvent({ maskedEmail: accepted.maskedEmail, activationLinkExpiresInSeconds: accepted.activationLinkExpiresInSeconds }));
      this.form.focus.next(this.result);
    },
    fieldOf: fieldOfPointer,
    serverText: (error): string | undefined => (this.config.value ? serverFieldText(error, this.config.value) : undefined),
    context: { action: 'send' },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Registration switched off: the element takes no room in the page (never undoing a host's `hidden`).
    this.hideSelf(this.config.value?.features.registration === false);
  }

  override render() {
    const config = this.config.value;
    if (config && !config.features.registration) return nothing;
    return html`<div class="base" part="base" aria-busy=${this.form.busy || (!config && this.config.status === 'pending') ? 'true' : 'false'}>
      ${config
        ? this.done
          ? this.renderDone(this.done)
          : this.renderForm(config)
        : html`${this.heading(msg('Załóż konto w eBOK'))}
          ${this.config.renderState({ failed: msg('Nie udało się wczytać formularza rejestracji.'), unavailable: msg('Rejestracja jest chwilowo niedostępna.'), loading: msg('formularz rejestracji') })}`}
    </div>`;
  }

  private toggleMarketing(id: string, given: boolean): void {
    const next = new Set(this.marketing);
    if (given) next.add(id);
    else next.delete(id);
    this.marketing = next;
  }

  private renderForm(config: PortalConfig) {
    const form = this.form;
    // The page's own link wins; otherwise the terms document the portal publishes.
    const termsHref = this.termsHref ?? config.terms?.url;
    const v = form.values;
    const person = v.kind === 'person';
    const ppe = v.proofKind === 'pointCode';
    return html`${this.heading(msg('Załóż konto w eBOK'))}
      <p class="intro">${msg('Przygotuj ostatnią fakturę: są na niej numer klienta i numer punktu poboru (PPE).')}</p>
      ${formFeedback(form)}
      <form novalidate @submit=${this.onSubmit}>
        ${choiceField<CustomerKind>(form.field('kind'), {
          legend: msg('Kto zakłada konto?'),
          options: [
            { value: 'person', label: msg('Osoba prywatna (PESEL)') },
            { value: 'business', label: msg('Firma (NIP)') },
          ],
        })}
        ${textField(form.field('idNumber'), {
          label: person ? msg('Numer PESEL') : msg('Numer NIP'),
          inputmode: 'numeric',
          autocomplete: 'off',
          maxlength: 20,
          hint: person ? msg('11 cyfr.') : msg('10 cyfr, np. 856-734-62-15.'),
        })}
        ${choiceField<ProofKind>(form.field('proofKind'), {
          legend: msg('Czym potwierdzisz umowę?'),
          options: [
            { value: 'customerNumber', label: msg('Numer klienta') },
            { value: 'pointCode', label: msg('Numer punktu poboru (PPE)') },
          ],
        })}
        ${textField(form.field('proof'), {
          label: ppe ? msg('Numer punktu poboru (PPE)') : msg('Numer klienta'),
          inputmode: ppe && !config.allowLegacyPointCodes ? 'numeric' : 'text',
          autocomplete: 'off',
          maxlength: 40,
          hint: ppe
            ? config.allowLegacyPointCodes
              ? msg('Z faktury: zwykle 18 cyfr zaczynających się od 590 (starsze numery też przyjmiemy).')
              : msg('Z faktury: 18 cyfr zaczynających się od 590.')
            : msg('Z faktury, np. 1200345678.'),
        })}
        ${textField(form.field('email'), {
          label: msg('Adres e-mail'),
          type: 'email',
          inputmode: 'email',
          autocomplete: 'email',
          maxlength: 254,
          hint: config.registrationEmailMustMatchContract
            ? msg('Będzie Twoim loginem. Podaj adres e-mail zapisany w umowie – z innym rejestracja się nie uda.')
            : msg('Będzie Twoim loginem. Wyślemy na niego link aktywacyjny.'),
        })}
        ${textField(form.field('phone'), {
          label: msg('Numer telefonu komórkowego'),
          type: 'tel',
          inputmode: 'tel',
          autocomplete: 'tel',
          required: false,
          maxlength: 20,
          hint: msg('Do kodów SMS przy logowaniu i powiadomień, np. 601 234 567.'),
        })}
        ${newPasswordFields(form, form.field('password'), form.field('passwordRepeat'), {
          policy: config.passwordPolicy,
          label: msg('Hasło'),
          repeatLabel: msg('Powtórz hasło'),
        })}
        <fieldset class="choice consents">
          <legend>${msg('Zgody')}</legend>
          ${checkboxField(form.field('terms'), { label: msg('Akceptuję regulamin eBOK (wymagane).'), required: true })}
          ${termsHref
            ? html`<a class="link" part="terms" href=${termsHref} target="_blank" rel="noopener" @click=${(ev: MouseEvent) => this.navigate(ev, 'terms', termsHref)}
                >${msg('Przeczytaj regulamin (otworzy się w nowej karcie)')}</a
              >`
            : nothing}
          ${config.eInvoiceRequired
            ? html`<p class="field__hint" part="hint">${msg('Faktury dostaniesz elektronicznie (e-faktura): tak stanowi regulamin eBOK.')}</p>`
            : checkboxField(form.field('eInvoice'), { label: msg('Chcę dostawać faktury elektronicznie (e-faktura) zamiast papierowych.') })}
          ${(config.marketingConsents ?? []).map((consent) =>
            checkboxField(
              {
                id: `marketing-${consent.id}`,
                value: this.marketing.has(consent.id),
                error: undefined,
                ref: createRef(),
                input: (given) => this.toggleMarketing(consent.id, given),
                blur: () => undefined,
              },
              { label: localized(consent.title), hint: localized(consent.description) },
            ),
          )}
        </fieldset>
        <div class="actions">${submitButton(form, { label: msg('Załóż konto') })} ${this.loginLink(msg('Masz już konto? Zaloguj się'), 'link')}</div>
      </form>`;
  }

  private renderDone(done: RegistrationAccepted) {
    return html`<div class="result" part="result" tabindex="-1" ${ref(this.result)}>
      ${this.heading(msg('Sprawdź skrzynkę e-mail'))}
      <div class="status status--success" role="status">
        <p class="status__text">
          ${msg(str`Wysłaliśmy wiadomość na adres ${done.maskedEmail}. Kliknij w niej link aktywacyjny, aby dokończyć zakładanie konta.`)}
        </p>
        <p>${linkLifetime(done.activationLinkExpiresInSeconds)}</p>
        <p>${msg('Nie widzisz wiadomości? Sprawdź folder ze spamem.')}</p>
      </div>
      <div class="actions">${this.loginLink(msg('Przejdź do logowania'))}</div>
    </div>`;
  }

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.form.submit();
  };
}
