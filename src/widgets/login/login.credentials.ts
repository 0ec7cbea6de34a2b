import { html, type TemplateResult } from 'lit';
import { ref, type Ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { passwordField, submitButton, textField } from '../../kit/fields.js';
import type { FieldBinding, FormView } from '../../kit/form.js';
import type { LoginIdentifierKind } from './login.logic.js';
import type { LoginTarget } from './login.machine.js';

/**
 * The login's first step, identifier and password: what the element draws in its first frame, before its
 * behaviour (login.behaviour.ts: the API client, the flow, the portal configuration) has arrived, and what the
 * behaviour draws once it has, with the same template. So the fields stay the same elements: focus, the caret
 * and what the customer typed survive the change. It needs only Lit and the field kit, never the API kit.
 */

/** The credentials form as the view reads it: the element's draft first, then the flow's `FormController`. */
export interface CredentialsForm extends Pick<FormView, 'busy' | 'submitRef' | 'revealed' | 'capsLock' | 'onKey' | 'toggleReveal'> {
  field(name: 'identifier' | 'password'): FieldBinding<string>;
}

export interface CredentialsModel {
  form: CredentialsForm;
  /** Above the form: the error summary and the notice (or, before the behaviour, its offline state). */
  feedback: unknown;
  /** A notice rejected the credentials: both fields are marked wrong. */
  rejected: boolean;
  /** Attempts are paused (a countdown in the notice says how long). */
  paused: boolean;
  linkRef(target: LoginTarget): Ref<HTMLElement>;
  submit(): void;
}

/** What the view needs from the element: its heading, the portal's identifiers, and where the links lead. */
export interface CredentialsContext {
  heading: (text: string) => TemplateResult;
  kinds: readonly LoginIdentifierKind[] | undefined;
  /** The portal configuration (which says the identifiers, so the hint) is still on its way. */
  configLoading: boolean;
  registration: boolean;
  inlineLinks: boolean;
  hrefs: Record<LoginTarget, string | undefined>;
  onLink: (event: MouseEvent, target: LoginTarget, href: string | undefined) => void;
  /** A form's submit handler (`onSubmit`), for the behaviour's steps, which take it from here. */
  onSubmit: typeof onSubmit;
}

/** Which identifiers the login field accepts, as one key for the label and hint. */
export type IdentifierLabel = 'email' | 'pesel_nip' | 'login' | 'email_pesel_nip' | 'email_login' | 'pesel_nip_login' | 'all' | 'unknown';

export interface IdentifierField {
  label: IdentifierLabel;
  /** Only when a single kind makes the keyboard certain: e-mail → `email`, PESEL/NIP → `numeric`. */
  inputmode: 'email' | 'numeric' | undefined;
}

/**
 * The identifier field for the kinds the portal accepts (`PortalConfig.loginIdentifierKinds`). Without a
 * configuration (not loaded yet, or unavailable) it asks generically and lets the server decide.
 */
export function identifierField(kinds: readonly LoginIdentifierKind[] | undefined): IdentifierField {
  const set = new Set(kinds ?? []);
  const email = set.has('email');
  const peselNip = set.has('pesel_nip');
  const login = set.has('login');
  if (set.size === 0) return { label: 'unknown', inputmode: undefined };
  if (set.size === 1 && email) return { label: 'email', inputmode: 'email' };
  if (set.size === 1 && peselNip) return { label: 'pesel_nip', inputmode: 'numeric' };
  if (set.size === 1) return { label: 'login', inputmode: undefined };
  if (email && peselNip && !login) return { label: 'email_pesel_nip', inputmode: undefined };
  if (email && login && !peselNip) return { label: 'email_login', inputmode: undefined };
  if (peselNip && login && !email) return { label: 'pesel_nip_login', inputmode: undefined };
  return { label: 'all', inputmode: undefined };
}

export const onSubmit = (run: () => void) => (event: SubmitEvent) => {
  event.preventDefault();
  run();
};

/** The label of the identifier field for the kinds the portal accepts; `asError` words it as "fill it in". */
export function identifierLabelText(kinds: readonly LoginIdentifierKind[] | undefined, asError = false): string {
  const labels = {
    email: msg('Adres e-mail'),
    pesel_nip: msg('PESEL lub NIP'),
    email_pesel_nip: msg('E-mail, PESEL lub NIP'),
    email_login: msg('E-mail lub login'),
    pesel_nip_login: msg('PESEL, NIP lub login'),
    all: msg('E-mail, PESEL, NIP lub login'),
    login: msg('Login'),
    unknown: msg('Login'),
  };
  const label = labels[identifierField(kinds).label];
  return asError ? msg(str`Uzupełnij pole „${label}”.`) : label;
}

function identifierHint(kinds: readonly LoginIdentifierKind[] | undefined): string | undefined {
  switch (identifierField(kinds).label) {
    case 'pesel_nip':
      return msg('Osoba prywatna: PESEL (11 cyfr). Firma: NIP (10 cyfr).');
    case 'email_pesel_nip':
    case 'pesel_nip_login':
    case 'all':
      return msg('Osoba prywatna może podać PESEL, firma – NIP.');
    default:
      return undefined;
  }
}

function inputmodeOf(kinds: readonly LoginIdentifierKind[] | undefined): { inputmode?: 'email' | 'numeric' } {
  const mode = identifierField(kinds).inputmode;
  return mode ? { inputmode: mode } : {};
}

export function credentialsView(m: CredentialsModel, v: CredentialsContext): TemplateResult {
  const form = m.form;
  const rejected = m.rejected;
  // Until the configuration says which identifiers count, the hint's room is kept (its usual words, unseen),
  // so the fields do not move down when it arrives.
  const hint =
    identifierHint(v.kinds) ??
    (v.configLoading ? html`<span class="shape" aria-hidden="true" data-shape=${msg('Osoba prywatna może podać PESEL, firma – NIP.')}></span>` : undefined);
  const paused = m.paused;
  const links: { target: LoginTarget; text: string }[] = [
    { target: 'password-reset', text: msg('Nie pamiętam hasła') },
    { target: 'login-reminder', text: msg('Nie pamiętam loginu') },
  ];
  if (v.registration) links.push({ target: 'register', text: msg('Załóż konto') });
  return html`${v.heading(msg('Logowanie'))} ${m.feedback}
    <form part="form" novalidate @submit=${onSubmit(() => m.submit())}>
      ${textField(form.field('identifier'), {
        label: identifierLabelText(v.kinds),
        autocomplete: 'username',
        maxlength: 254,
        ...inputmodeOf(v.kinds),
        ...(hint ? { hint } : {}),
        invalid: rejected,
        describedBy: [rejected && 'notice-text'],
      })}
      ${passwordField(form, form.field('password'), {
        label: msg('Hasło'),
        autocomplete: 'current-password',
        invalid: rejected,
        describedBy: [rejected && 'notice-text'],
        reveal: { controls: 'password', label: msg('Pokaż hasło') },
      })}
      <div class="actions">
        ${submitButton(form, { label: msg('Zaloguj się'), busyLabel: msg('Logujemy…'), disabled: paused, ...(paused ? { describedBy: 'countdown' } : {}) })}
      </div>
    </form>
    <ul class="links" part="links">
      ${links.map(({ target, text }) => {
        const href = v.inlineLinks ? undefined : v.hrefs[target];
        return html`<li>
          ${href
            ? html`<a ${ref(m.linkRef(target))} class="link" part="link" data-target=${target} href=${href} @click=${(e: MouseEvent) => v.onLink(e, target, href)}>${text}</a>`
            : html`<button ${ref(m.linkRef(target))} class="link" part="link" type="button" data-target=${target} @click=${(e: MouseEvent) => v.onLink(e, target, undefined)}>
                ${text}
              </button>`}
        </li>`;
      })}
    </ul>`;
}
