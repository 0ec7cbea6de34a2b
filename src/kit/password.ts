import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { currentLocale, intlLocale } from '../i18n/locale.js';
import { passwordStrength, validatePassword, type PasswordPolicy, type PasswordRule, type PasswordStrength } from '../validation/index.js';
import { icon } from './icons.js';
import { passwordField } from './fields.js';
import type { FieldBinding, FormView } from './form.js';

/**
 * Passwords, said one way everywhere: the policy as a live checklist with the strength in words, the
 * problems of a new password and of its repetition, and the server's password codes in words. The login's
 * change-password step, the password reset and the registration all use these.
 */

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
            ${icon(met ? 'success' : 'unmet')}
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

/** The error of a new password field, in words; undefined when the policy is met. */
export function checkNewPassword(value: string, policy: PasswordPolicy): string | undefined {
  const problem = newPasswordProblem(value, validatePassword(value, policy));
  return problem ? newPasswordError(problem, policy) : undefined;
}

/** The error of the repetition, in words; undefined when it matches. */
export function checkRepeat(password: string, repeat: string): string | undefined {
  const problem = repeatProblem(password, repeat);
  return problem ? repeatError(problem) : undefined;
}

export interface NewPasswordOptions {
  policy: PasswordPolicy;
  label: string;
  repeatLabel: string;
}

/**
 * A new password and its repetition, with the policy as a checklist that follows the typing and the
 * strength in words: the login's change-password step, the password reset and the registration.
 */
export function newPasswordFields(form: FormView, password: FieldBinding<string>, repeat: FieldBinding<string>, o: NewPasswordOptions): TemplateResult {
  const rulesId = `${password.id}-rules`;
  return html`${passwordField(form, password, {
      label: o.label,
      autocomplete: 'new-password',
      describedBy: [rulesId],
      reveal: { controls: `${password.id} ${repeat.id}`, label: msg('Pokaż hasła') },
    })}
    ${renderPasswordHelp({
      id: rulesId,
      policy: o.policy,
      value: password.value,
      unmet: validatePassword(password.value, o.policy),
      strength: passwordStrength(password.value),
    })}
    ${passwordField(form, repeat, { label: o.repeatLabel, autocomplete: 'new-password', reveal: false })}`;
}
