import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { tokens as t } from '../theme/tokens.js';
import { EbokApiError } from '../api/errors.js';
import { newIdempotencyKey } from '../api/client.js';
import { currentLocale, intlLocale } from '../i18n/locale.js';
import { formatLifetime } from '../i18n/format.js';
import type {
  CustomerNumberReason,
  EmailReason,
  NipReason,
  PasswordPolicy,
  PasswordRule,
  PasswordStrength,
  PeselReason,
  PhoneReason,
  PpeReason,
} from '../validation/index.js';
import type { ApiTask } from '../controllers/api-task.js';
import { renderError, renderLoading, renderOffline } from './status.js';

/**
 * What the self-service forms (registration, password reset, login reminder, activation) share: a labelled
 * field with its hint and its error tied to it (`aria-describedby`, `aria-invalid`), checkboxes, a radio
 * choice, an error summary announced with its count, the password checklist and strength meter, and the
 * wording of submit failures. Plain functions returning templates: the widget keeps the values and errors.
 */
export const formStyles = css`
  .base {
    container-type: inline-size;
  }
  form {
    display: grid;
    gap: ${t.spaceM};
    margin: 0;
  }
  .title {
    margin: 0 0 ${t.spaceS};
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
    line-height: 1.3;
  }
  .intro {
    margin: 0 0 ${t.spaceM};
  }
  .field {
    display: grid;
    gap: ${t.spaceXs};
    min-inline-size: 0;
  }
  .field__label,
  .choice legend {
    font-weight: ${t.fontWeightBold};
  }
  .field__optional {
    font-weight: ${t.fontWeightNormal};
    color: ${t.colorTextMuted};
  }
  .field__hint {
    margin: 0;
    color: ${t.colorTextMuted};
    font-size: ${t.fontSizeSmall};
  }
  .field__control {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    align-items: stretch;
  }
  .input {
    flex: 1 1 12em;
    min-inline-size: 0;
    min-block-size: ${t.targetSize};
    padding: ${t.spaceS} ${t.spaceM};
    border: 2px solid ${t.colorBorder};
    border-radius: ${t.radiusSmall};
    background: ${t.colorSurface};
    color: ${t.colorText};
    font: inherit;
  }
  .input[aria-invalid='true'] {
    border-color: ${t.colorDanger};
    border-width: 3px;
  }
  .field__error {
    display: flex;
    gap: ${t.spaceXs};
    align-items: flex-start;
    margin: 0;
    color: ${t.colorDanger};
    font-weight: ${t.fontWeightBold};
  }
  .field__error svg {
    flex: none;
    inline-size: 1.2em;
    block-size: 1.2em;
    margin-block-start: 0.15em;
  }
  .choice {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .choice legend {
    padding: 0;
    margin-block-end: ${t.spaceXs};
  }
  .choice__options {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs} ${t.spaceL};
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: ${t.spaceS};
    min-block-size: ${t.targetSize};
  }
  .check input {
    flex: none;
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0.6em 0 0;
    accent-color: ${t.colorPrimary};
  }
  .check label {
    flex: 1;
    padding-block: ${t.spaceS};
    cursor: pointer;
  }
  .check--invalid input {
    outline: 2px solid ${t.colorDanger};
    outline-offset: 2px;
  }
  .consents {
    display: grid;
    gap: ${t.spaceXs};
  }
  .summary {
    padding: ${t.spaceM};
    border: 2px solid ${t.colorDanger};
    border-inline-start-width: 6px;
    border-radius: ${t.radius};
    background: ${t.colorDangerBg};
    color: ${t.colorDanger};
  }
  .summary p {
    margin: 0;
    font-weight: ${t.fontWeightBold};
  }
  .summary ul {
    margin: ${t.spaceS} 0 0;
    padding-inline-start: 1.2em;
  }
  .link-button {
    min-block-size: ${t.targetSize};
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .status--success {
    background: ${t.colorSuccessBg};
    color: ${t.colorSuccess};
    border-inline-start: 4px solid ${t.colorSuccess};
  }
  .status--info {
    background: ${t.colorInfoBg};
    color: ${t.colorText};
    border-inline-start: 4px solid ${t.colorInfo};
  }
  .status p {
    margin: 0;
  }
  .status .status__text + p,
  .status p + p {
    margin-block-start: ${t.spaceS};
  }
  .result {
    display: grid;
    gap: ${t.spaceM};
  }
  .result:focus {
    outline: none;
  }
  .result:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS} ${t.spaceM};
  }
  .link {
    display: inline-flex;
    align-items: center;
    min-block-size: ${t.targetSize};
    color: ${t.colorPrimary};
    font-weight: ${t.fontWeightBold};
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .link:hover {
    color: ${t.colorPrimaryHover};
  }
  .password-help {
    padding: ${t.spaceS} ${t.spaceM};
    border-radius: ${t.radiusSmall};
    background: ${t.colorSurfaceAlt};
  }
  .password-help p {
    margin: 0;
  }
  .checklist {
    margin: ${t.spaceXs} 0 ${t.spaceS};
    padding: 0;
    list-style: none;
  }
  .checklist li {
    display: flex;
    gap: ${t.spaceS};
  }
  .checklist__mark {
    flex: none;
    inline-size: 1.2em;
    text-align: center;
    font-weight: ${t.fontWeightBold};
  }
  .checklist .met {
    color: ${t.colorSuccess};
  }
  .strength {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceXs} ${t.spaceS};
  }
  .strength meter {
    inline-size: 8em;
    block-size: 1em;
  }
  @container (max-width: 22rem) {
    .actions .button,
    .actions .link {
      inline-size: 100%;
      justify-content: center;
    }
  }
`;

const errorIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2" />
  <path d="M12 7v6M12 16.5v.5" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" />
</svg>`;

/** A title as `role="heading"` at the level the page asks for (2–6), as every widget renders its title. */
export function renderHeading(text: string, level: number, id?: string): TemplateResult {
  const clamped = Math.min(6, Math.max(2, Math.round(level) || 2));
  return html`<div class="title" part="title" role="heading" aria-level=${clamped} id=${ifDefined(id)}>${text}</div>`;
}

function renderFieldError(id: string, error: string | undefined) {
  return error
    ? html`<p class="field__error" part="field-error" id="${id}-error">
        ${errorIcon}<span><span class="visually-hidden">${msg('Błąd:')} </span>${error}</span>
      </p>`
    : nothing;
}

/** The ids a control is described by: its error first (read first), then its hint, then anything else. */
function describedBy(id: string, error: string | undefined, hint: unknown, extra: readonly string[] = []): string | undefined {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : '', ...extra].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export interface TextFieldOptions {
  id: string;
  label: string;
  value: string;
  type?: 'text' | 'email' | 'tel' | 'password';
  /** An autocomplete token (`email`, `tel`, `username`, `new-password`, `off`). */
  autocomplete?: AutoFill;
  inputmode?: 'text' | 'numeric' | 'email' | 'tel';
  hint?: string | TemplateResult;
  error?: string | undefined;
  /** Required fields say nothing extra; optional ones say "(optional)". */
  required?: boolean;
  maxlength?: number;
  /** More ids that describe the input (a password checklist). */
  describedBy?: readonly string[];
  onInput: (value: string) => void;
  onBlur?: () => void;
  /** Rendered beside the input (a show-password button). */
  after?: TemplateResult;
}

/** A labelled text input with its hint and its error, tied to it for assistive technology. */
export function renderTextField(o: TextFieldOptions): TemplateResult {
  const required = o.required ?? true;
  return html`<div class="field" part="field">
    <label class="field__label" for=${o.id}
      >${o.label}${required ? nothing : html` <span class="field__optional">${msg('(opcjonalnie)')}</span>`}</label
    >
    ${o.hint ? html`<p class="field__hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
    <div class="field__control">
      <input
        class="input"
        part="input"
        id=${o.id}
        name=${o.id}
        type=${o.type ?? 'text'}
        .value=${o.value}
        .autocomplete=${o.autocomplete ?? ''}
        inputmode=${ifDefined(o.inputmode)}
        maxlength=${ifDefined(o.maxlength)}
        spellcheck="false"
        autocapitalize="off"
        ?required=${required}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(o.id, o.error, o.hint, o.describedBy))}
        @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
        @blur=${() => o.onBlur?.()}
      />
      ${o.after ?? nothing}
    </div>
    ${renderFieldError(o.id, o.error)}
  </div>`;
}

export interface CheckboxOptions {
  id: string;
  label: string | TemplateResult;
  checked: boolean;
  error?: string | undefined;
  required?: boolean;
  hint?: string;
  onChange: (checked: boolean) => void;
}

/** A checkbox with its label beside it (a 44 px row), and its error under it. */
export function renderCheckbox(o: CheckboxOptions): TemplateResult {
  return html`<div class="field" part="field">
    <div class="check ${o.error ? 'check--invalid' : ''}">
      <input
        type="checkbox"
        id=${o.id}
        name=${o.id}
        .checked=${o.checked}
        ?required=${o.required ?? false}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(o.id, o.error, o.hint))}
        @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
      />
      <label for=${o.id}>${o.label}</label>
    </div>
    ${o.hint ? html`<p class="field__hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
    ${renderFieldError(o.id, o.error)}
  </div>`;
}

export interface ChoiceOptions<V extends string> {
  name: string;
  legend: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}

/** A group of radio buttons in a fieldset with its legend; arrow keys move between them. */
export function renderChoice<V extends string>(o: ChoiceOptions<V>): TemplateResult {
  return html`<fieldset class="choice" part="choice">
    <legend>${o.legend}</legend>
    <div class="choice__options">
      ${o.options.map(
        (option) => html`<div class="check">
          <input
            type="radio"
            id="${o.name}-${option.value}"
            name=${o.name}
            .value=${String(option.value)}
            .checked=${option.value === o.value}
            @change=${() => o.onChange(option.value)}
          />
          <label for="${o.name}-${option.value}">${option.label}</label>
        </div>`,
      )}
    </div>
  </fieldset>`;
}

/** "The form has 3 errors", with the plural forms Polish needs (1 błąd, 2–4 błędy, 5+ błędów). */
export function errorCountText(count: number): string {
  const category = new Intl.PluralRules(intlLocale(currentLocale())).select(count);
  if (count === 1) return msg('Formularz ma 1 błąd. Popraw zaznaczone pole.');
  if (category === 'few') return msg(str`Formularz ma ${count} błędy. Popraw zaznaczone pola.`);
  return msg(str`Formularz ma ${count} błędów. Popraw zaznaczone pola.`);
}

export interface SummaryEntry {
  id: string;
  message: string;
}

/**
 * The errors of a submit, announced (`role="alert"`) with their count. `attempt` changes on every submit,
 * so the same errors are announced again when the customer submits again. Each entry moves focus to its field.
 */
export function renderErrorSummary(entries: readonly SummaryEntry[], attempt: number, focusField: (id: string) => void): unknown {
  if (entries.length === 0) return nothing;
  return keyed(
    attempt,
    html`<div class="summary" part="error-summary" role="alert">
      <p>${errorCountText(entries.length)}</p>
      <ul>
        ${entries.map(
          (entry) => html`<li><button type="button" class="link-button" @click=${() => focusField(entry.id)}>${entry.message}</button></li>`,
        )}
      </ul>
    </div>`,
  );
}

/** Moves focus to the first field marked invalid in `root` (DOM order); true when there was one. */
export function focusFirstInvalid(root: ParentNode): boolean {
  const first = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.focus();
  return !!first;
}

/** A failure of the whole form (not of a field), announced; nothing typed is lost. */
export function renderFormError(message: string | undefined): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<div class="status status--error" part="status error" role="alert">
    ${errorIcon}
    <p class="status__text">${message}</p>
  </div>`;
}


/**
 * "Czas ważności linku: 72 godziny." in one message for every widget that sends a link, so the text is
 * translated once (and extracted the same way on every machine).
 */
export function linkLifetime(seconds: number): string {
  const lifetime = formatLifetime(seconds);
  return msg(str`Czas ważności linku: ${lifetime}.`);
}

/** What to tell the customer when sending a form failed for a reason that is not about one field. */
export function submitErrorMessage(error: unknown): string {
  if (error instanceof EbokApiError) {
    if (error.code === 'network_error') {
      return msg('Nie udało się połączyć z serwerem. Sprawdź połączenie z internetem i wyślij ponownie – wpisane dane zostały zachowane.');
    }
    if (error.code === 'timeout') return msg('Serwer nie odpowiada. Spróbuj ponownie za chwilę – wpisane dane zostały zachowane.');
    if (error.status === 429) {
      return error.retryAfter
        ? msg(str`Zbyt wiele prób. Poczekaj i spróbuj ponownie. Czas oczekiwania: ${formatLifetime(error.retryAfter)}.`)
        : msg('Zbyt wiele prób. Poczekaj kilka minut i spróbuj ponownie.');
    }
    if (error.status === 503) return msg('Serwis jest chwilowo niedostępny. Spróbuj ponownie za kilka minut – wpisane dane zostały zachowane.');
    if (error.code === 'idempotency_in_progress') return msg('Poprzednie wysłanie jeszcze trwa. Spróbuj ponownie za chwilę.');
    if (error.code === 'feature_disabled') return msg('Ta funkcja jest chwilowo wyłączona. Skontaktuj się z Biurem Obsługi Klienta.');
  }
  return msg('Nie udało się wysłać formularza. Spróbuj ponownie za chwilę – wpisane dane zostały zachowane.');
}

// ------------------------------------------------------------------------------------------- passwords

const STRENGTH_WORDS = (): Record<PasswordStrength, string> => ({
  0: msg('bardzo słabe'),
  1: msg('słabe'),
  2: msg('średnie'),
  3: msg('silne'),
  4: msg('bardzo silne'),
});

/** The strength of a password in words ("silne"): the meter is never the only signal. */
export function strengthWord(strength: PasswordStrength): string {
  return STRENGTH_WORDS()[strength];
}

/** Whether a count takes Polish's "few" form (2–4, 22–24 …: "22 znaki", not "22 znaków"). */
function fewForm(count: number): boolean {
  return new Intl.PluralRules(intlLocale(currentLocale())).select(count) === 'few';
}

/** The text of one policy rule, as a requirement ("At least 12 characters"). */
export function passwordRuleText(rule: PasswordRule, policy: PasswordPolicy): string {
  switch (rule) {
    case 'too_short':
      return fewForm(policy.minLength) ? msg(str`Co najmniej ${policy.minLength} znaki`) : msg(str`Co najmniej ${policy.minLength} znaków`);
    case 'too_long':
      return fewForm(policy.maxLength) ? msg(str`Najwyżej ${policy.maxLength} znaki`) : msg(str`Najwyżej ${policy.maxLength} znaków`);
    case 'needs_upper':
      return msg('Wielka litera (A–Z)');
    case 'needs_lower':
      return msg('Mała litera (a–z)');
    case 'needs_digit':
      return msg('Cyfra (0–9)');
    case 'needs_special':
      return msg('Znak specjalny, np. ! ? - #');
  }
}

/** The rules a policy asks for, in the order of the checklist (the upper length limit only when it is broken). */
export function policyRules(policy: PasswordPolicy): PasswordRule[] {
  const rules: PasswordRule[] = ['too_short'];
  if (policy.requireUpper) rules.push('needs_upper');
  if (policy.requireLower) rules.push('needs_lower');
  if (policy.requireDigit) rules.push('needs_digit');
  if (policy.requireSpecial) rules.push('needs_special');
  return rules;
}

export interface PasswordHelpOptions {
  id: string;
  policy: PasswordPolicy;
  value: string;
  unmet: readonly PasswordRule[];
  strength: PasswordStrength;
}

/**
 * The policy as a checklist that updates as the customer types (each rule says in words whether it is met),
 * and the strength in words beside a meter. The input names it in `aria-describedby`.
 */
export function renderPasswordHelp(o: PasswordHelpOptions): TemplateResult {
  const rules = policyRules(o.policy);
  if (o.unmet.includes('too_long')) rules.push('too_long');
  return html`<div class="password-help" part="password-help">
    <div id=${o.id}>
      <p>${msg('Hasło musi mieć:')}</p>
      <ul class="checklist" part="checklist">
        ${rules.map((rule) => {
          const met = o.value !== '' && !o.unmet.includes(rule);
          return html`<li class=${met ? 'met' : 'unmet'} data-rule=${rule}>
            <span class="checklist__mark" aria-hidden="true">${met ? '✓' : '○'}</span>
            <span>${passwordRuleText(rule, o.policy)}<span class="visually-hidden"> – ${met ? msg('spełnione') : msg('jeszcze nie')}</span></span>
          </li>`;
        })}
      </ul>
    </div>
    ${o.value
      ? html`<div class="strength" part="strength">
          <meter id="${o.id}-meter" min="0" max="4" low="2" high="3" optimum="4" .value=${o.strength} aria-label=${msg('Siła hasła')}></meter>
          <span aria-live="polite">${msg(str`Siła hasła: ${strengthWord(o.strength)}`)}</span>
        </div>`
      : nothing}
  </div>`;
}

/** The show/hide button for password fields: a toggle that says what it will do. */
export function renderRevealButton(shown: boolean, controls: string, onToggle: () => void): TemplateResult {
  return html`<button
    type="button"
    class="button button--secondary"
    part="reveal"
    aria-pressed=${shown ? 'true' : 'false'}
    aria-controls=${controls}
    @click=${onToggle}
  >
    ${msg('Pokaż hasło')}
  </button>`;
}

// ------------------------------------------------------------------------------- validation messages

/** Why a PESEL was refused, in words the customer can act on. */
export function peselError(reason: PeselReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj numer PESEL.');
    case 'format':
      return msg('PESEL ma 11 cyfr.');
    case 'checksum':
      return msg('Numer PESEL jest niepoprawny. Sprawdź, czy nie ma literówki.');
    case 'date':
      return msg('Ten PESEL zawiera datę, która nie istnieje. Sprawdź, czy nie ma literówki.');
  }
}

export function nipError(reason: NipReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj numer NIP.');
    case 'format':
      return msg('NIP ma 10 cyfr (może mieć przedrostek PL i kreski).');
    case 'checksum':
      return msg('Numer NIP jest niepoprawny. Sprawdź, czy nie ma literówki.');
  }
}

export function ppeError(reason: PpeReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj numer punktu poboru (PPE) z faktury.');
    case 'format':
      return msg('Numer PPE ma 18 cyfr i zaczyna się od 590. Przepisz go z faktury.');
    case 'prefix':
      return msg('Numer PPE zaczyna się od 590. Przepisz go z faktury.');
    case 'checksum':
      return msg('Numer PPE jest niepoprawny. Sprawdź, czy nie ma literówki.');
  }
}

export function customerNumberError(reason: CustomerNumberReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj numer klienta z faktury.');
    case 'format':
      return msg('Numer klienta składa się z cyfr (może mieć kreski). Przepisz go z faktury.');
    case 'length':
      return msg('Numer klienta ma od 4 do 20 znaków. Przepisz go z faktury.');
  }
}

export function emailError(reason: EmailReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj adres e-mail.');
    case 'format':
      return msg('Podaj adres e-mail w postaci nazwa@domena.pl.');
    case 'too_long':
      return msg('Adres e-mail jest za długi.');
  }
}

export function phoneError(reason: PhoneReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj numer telefonu.');
    case 'format':
      return msg('Podaj numer telefonu komórkowego: 9 cyfr, np. 601 234 567.');
    case 'country':
      return msg('Podaj polski numer telefonu (+48).');
    case 'leading_zero':
      return msg('Numer nie zaczyna się od 0. Wpisz 9 cyfr, np. 601 234 567.');
  }
}

// ------------------------------------------------------------------------------------ new passwords

/** What is wrong with a new password and its repetition, as codes (the widget words them). */
export type NewPasswordProblem = { check: 'password'; unmet: readonly PasswordRule[] } | { check: 'password-empty' };
export type RepeatProblem = 'empty' | 'mismatch';

/** The new password against the policy: undefined when acceptable. */
export function newPasswordProblem(value: string, unmet: readonly PasswordRule[]): NewPasswordProblem | undefined {
  if (value === '') return { check: 'password-empty' };
  return unmet.length ? { check: 'password', unmet } : undefined;
}

/** The repeated password: undefined when it matches. */
export function repeatProblem(password: string, repeat: string): RepeatProblem | undefined {
  if (repeat === '') return 'empty';
  return repeat === password ? undefined : 'mismatch';
}

/** A new password's problem in words. */
export function newPasswordError(problem: NewPasswordProblem, policy: PasswordPolicy): string {
  if (problem.check === 'password-empty') return msg('Wpisz hasło.');
  if (problem.unmet.includes('too_long')) return msg(str`Hasło jest za długie. ${passwordRuleText('too_long', policy)}.`);
  const rules = problem.unmet.map((rule) => {
    const text = passwordRuleText(rule, policy);
    return text.charAt(0).toLocaleLowerCase() + text.slice(1);
  });
  return msg(str`Hasło nie spełnia wymagań: ${rules.join(', ')}.`);
}

export function repeatError(problem: RepeatProblem): string {
  return problem === 'empty' ? msg('Wpisz hasło jeszcze raz.') : msg('Hasła się różnią. Wpisz to samo hasło w obu polach.');
}

/** A server's password field code (`password_too_short` …) in words; undefined for codes it does not know. */
export function serverPasswordError(code: string, policy: PasswordPolicy | undefined): string | undefined {
  const rules: Record<string, PasswordRule> = {
    password_too_short: 'too_short',
    password_too_long: 'too_long',
    password_missing_upper: 'needs_upper',
    password_missing_lower: 'needs_lower',
    password_missing_digit: 'needs_digit',
    password_missing_special: 'needs_special',
  };
  const rule = rules[code];
  if (rule && policy) return newPasswordError({ check: 'password', unmet: [rule] }, policy);
  if (code === 'password_breached') return msg('To hasło pojawiło się w znanym wycieku danych. Wybierz inne.');
  if (code === 'password_contains_identifier') return msg('Hasło nie może zawierać adresu e-mail, numeru PESEL ani NIP.');
  if (code === 'password_same_as_current') return msg('Nowe hasło musi się różnić od obecnego.');
  return undefined;
}

/**
 * One Idempotency-Key per body: sending the same data again (after a timeout or a 5xx) reuses the key, so a
 * request that did reach the server is answered from its record instead of being done twice; changed data
 * gets a new key (the server would refuse a key reused with another body).
 */
export class IdempotencyKeys {
  private current?: { key: string; body: string };

  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.current?.body !== text) this.current = { key: newIdempotencyKey(), body: text };
    return this.current.key;
  }

  /** Forget the key (after success, or when the server said it was reused). */
  reset(): void {
    this.current = undefined;
  }
}

/** The token of an e-mailed link: the element's `token` attribute, else `?token=` in the page's address. */
export function tokenFromPage(attribute: string | undefined, href: string = location.href): { token: string; fromUrl: boolean } | undefined {
  const own = attribute?.trim();
  if (own) return { token: own, fromUrl: false };
  const fromUrl = new URL(href).searchParams.get('token')?.trim();
  return fromUrl ? { token: fromUrl, fromUrl: true } : undefined;
}

/** Removes `?token=` from the address bar once the token is spent or refused (it should not linger in history). */
export function forgetTokenInUrl(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.href);
}

/**
 * The form's own configuration (the portal config) while it is not there yet: loading, failed with a
 * retry, offline, or no API configured. One rendering for every form widget.
 */
export function renderConfigState(
  task: ApiTask<unknown>,
  texts: { failed: string; unavailable: string; loading?: string },
): unknown {
  return task.render({
    pending: () => renderLoading(texts.loading),
    complete: () => nothing,
    error: (_error, retry) => renderError({ message: texts.failed, onRetry: retry }),
    offline: (retry) => renderOffline(retry),
    noApi: () => renderError({ message: texts.unavailable }),
  });
}

