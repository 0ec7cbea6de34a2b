import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { formatDuration, formatLifetime } from '../../i18n/format.js';
import { formFeedback, passwordField, submitButton, textField } from '../../kit/fields.js';
import { icon } from '../../kit/icons.js';
import type { Notice } from '../../kit/notice.js';
import { identifierField, type LoginIdentifierKind, type PasswordPolicy } from './login.logic.js';
import type { LoginNotice, LoginTarget } from './login.machine.js';
import type { LoginController, PasswordKit } from './login.controller.js';

/** What a view needs from the element besides the controller. */
export interface LoginViewContext {
  heading: (text: string) => TemplateResult;
  kinds: readonly LoginIdentifierKind[] | undefined;
  /** The portal configuration (which says the identifiers, so the hint) is still on its way. */
  configLoading: boolean;
  policy: PasswordPolicy | undefined;
  registration: boolean;
  inlineLinks: boolean;
  hrefs: Record<LoginTarget, string | undefined>;
  onLink: (event: MouseEvent, target: LoginTarget, href: string | undefined) => void;
  onBack: () => void;
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

export const codeErrorText = () => msg('Ten kod jest nieprawidłowy. Sprawdź wiadomość i wpisz kod jeszcze raz.');

/** Why the server refused the new password, from its field codes. */
export function policyErrorText(codes: readonly string[], policy: PasswordPolicy | undefined, kit: PasswordKit | undefined): string {
  for (const code of codes) {
    const text = kit?.serverPasswordError(code, policy);
    if (text) return text;
  }
  return msg('Hasło nie spełnia wymagań. Sprawdź listę pod polem.');
}

/** Each notice of the flow in words. */
export function noticeWords(notice: LoginNotice): Notice {
  switch (notice.kind) {
    case 'invalid-credentials':
      return { tone: 'error', text: msg('Nieprawidłowy login lub hasło.'), detail: msg('Sprawdź, czy nie jest włączony Caps Lock. Jeśli nie pamiętasz hasła, możesz ustawić nowe.') };
    case 'locked': {
      // Said alike for every login (the account may not exist): why the right password may not work, and the way out.
      const left = notice.wait ? formatLifetime(notice.wait) : msg('kilkanaście minut');
      return {
        tone: 'warning',
        text: msg(str`Po kilku nieudanych próbach logowania konto może być zablokowane jeszcze przez ${left}.`),
        detail: msg('Jeśli takie konto istnieje, wysłaliśmy na jego adres e-mail wiadomość, jak je odblokować. Nowe hasło odblokuje je od razu.'),
        action: 'password-reset',
      };
    }
    case 'throttled': {
      // Say how long when the server said: fifteen minutes is not "a moment".
      const wait = notice.wait && notice.wait >= 60 ? formatLifetime(notice.wait) : msg('chwilę');
      return notice.during === 'verify'
        ? { tone: 'error', text: msg(str`Zbyt wiele prób wpisania kodu. Sprawdzanie kodów jest wstrzymane na ${wait}.`) }
        : {
            tone: 'error',
            text: msg(str`Zbyt wiele prób logowania. Ze względów bezpieczeństwa logowanie jest wstrzymane na ${wait}.`),
            // The same way out as the lock notice: a new password (the countdown below says how long otherwise).
            action: 'password-reset',
          };
    }
    case 'ready-again':
      return { tone: 'info', text: msg('Możesz już spróbować ponownie.') };
    case 'not-activated':
      return {
        tone: 'warning',
        text: msg('To konto nie jest jeszcze aktywne.'),
        detail: msg('Aktywuj je linkiem z wiadomości, którą wysłaliśmy po rejestracji. Nie masz jej albo link wygasł? Wyślemy nowy.'),
        action: 'resend-activation',
      };
    case 'activation-sent':
      return { tone: 'success', text: msg('Jeśli konto czeka na aktywację, wysłaliśmy nowy link aktywacyjny na przypisany do niego adres e-mail. Sprawdź też folder ze spamem.') };
    case 'activation-failed':
      return {
        tone: 'error',
        text:
          notice.wait !== undefined
            ? msg(str`Zbyt wiele próśb o link. Spróbuj ponownie za ${formatDuration(notice.wait)}`)
            : msg('Nie udało się wysłać linku aktywacyjnego. Spróbuj ponownie za chwilę.'),
        action: 'resend-activation',
      };
    case 'code-sent':
      return { tone: 'success', text: msg('Wysłaliśmy nowy kod. Poprzedni kod już nie działa.') };
    case 'resend-later':
      return { tone: 'warning', text: msg('Nowy kod można zamówić dopiero za chwilę.') };
    case 'code-expired':
      return { tone: 'warning', text: msg('Kod wygasł albo wpisano go zbyt wiele razy. Zaloguj się ponownie – wyślemy nowy kod.') };
    case 'change-expired':
      return { tone: 'warning', text: msg('Czas na ustawienie hasła minął. Zaloguj się ponownie hasłem jednorazowym albo poproś o nowe („Nie pamiętam hasła”).') };
    case 'password-changed':
      return { tone: 'success', text: msg('Hasło zostało zmienione. Zaloguj się nowym hasłem.') };
    case 'terms-declined':
      return { tone: 'warning', text: msg('Aby korzystać z eBOK, trzeba zaakceptować nowy regulamin.'), detail: msg('Zaloguj się ponownie, kiedy zechcesz go zaakceptować.') };
    case 'terms-expired':
      return { tone: 'warning', text: msg('Czas na akceptację regulaminu minął. Zaloguj się ponownie.') };
    case 'terms-changed':
      return { tone: 'warning', text: msg('Regulamin zmienił się w międzyczasie. Zaloguj się ponownie, aby przeczytać aktualną wersję.') };
    case 'session-lost':
      return {
        tone: 'warning',
        text: msg('Logowanie się nie utrzymało.'),
        detail: msg('Spróbuj zalogować się ponownie. Jeśli to się powtórzy, skontaktuj się z Biurem Obsługi Klienta.'),
      };
    case 'failure':
      return { tone: notice.failure.tone, text: notice.failure.message, detail: notice.failure.detail, ...(notice.failure.retryable ? { action: 'retry' } : {}) };
  }
}

/** What the notice holds under its text: the pause's countdown and the notice's button (part named as its action). */
export function notice(c: LoginController): unknown {
  const action = c.notice.current?.action;
  const busy = c.busy;
  const buttons: Record<string, [label: string, run: () => void, disabled: boolean]> = {
    retry: [msg('Spróbuj ponownie'), () => c.retry(), !!busy],
    'resend-activation': [busy === 'resend-activation' ? msg('Wysyłamy…') : msg('Wyślij link aktywacyjny ponownie'), () => c.requestActivation(), busy === 'resend-activation'],
    // The same way as the "forgot password" link below the form (a page or the flow in place).
    'password-reset': [msg('Ustaw nowe hasło'), () => c.linkRef('password-reset').value?.click(), false],
  };
  const button = action ? buttons[action] : undefined;
  return html`${c.pause.running
    ? html`<p class="countdown" id="countdown" part="countdown">${msg(str`Spróbuj ponownie za ${formatDuration(c.pause.remaining)}`)}</p>`
    : nothing}
  ${button
    ? html`<div class="actions">
        <button class="button button--secondary" part=${action!} type="button" ?disabled=${button[2]} @click=${button[1]}>${button[0]}</button>
      </div>`
    : nothing}`;
}

function inputmodeOf(kinds: readonly LoginIdentifierKind[] | undefined): { inputmode?: 'email' | 'numeric' } {
  const mode = identifierField(kinds).inputmode;
  return mode ? { inputmode: mode } : {};
}

export function credentialsView(c: LoginController, v: LoginViewContext): TemplateResult {
  const form = c.credentials;
  const rejected = c.state.rejected;
  // Until the configuration says which identifiers count, the hint's room is kept (its usual words, unseen),
  // so the fields do not move down when it arrives.
  const hint =
    identifierHint(v.kinds) ??
    (v.configLoading ? html`<span class="shape" aria-hidden="true" data-shape=${msg('Osoba prywatna może podać PESEL, firma – NIP.')}></span>` : undefined);
  const paused = c.pause.running;
  const links: { target: LoginTarget; text: string }[] = [
    { target: 'password-reset', text: msg('Nie pamiętam hasła') },
    { target: 'login-reminder', text: msg('Nie pamiętam loginu') },
  ];
  if (v.registration) links.push({ target: 'register', text: msg('Załóż konto') });
  return html`${v.heading(msg('Logowanie'))} ${formFeedback(form, notice(c))}
    <form part="form" novalidate @submit=${onSubmit(() => c.login())}>
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
            ? html`<a ${ref(c.linkRef(target))} class="link" part="link" data-target=${target} href=${href} @click=${(e: MouseEvent) => v.onLink(e, target, href)}>${text}</a>`
            : html`<button ${ref(c.linkRef(target))} class="link" part="link" type="button" data-target=${target} @click=${(e: MouseEvent) => v.onLink(e, target, undefined)}>
                ${text}
              </button>`}
        </li>`;
      })}
    </ul>`;
}

export function signedInView(c: LoginController, v: LoginViewContext, name: string): TemplateResult {
  return html`${v.heading(msg('Zalogowano'))}
    <div ${ref(c.message)} class="done" part="message" tabindex="-1" role="status">${icon('success')}<p>${msg(str`Zalogowano jako ${name}.`)}</p></div>`;
}

/** An inline flow in the login's place; its own "back to login" link brings the form back (one such link). */
export function inlineView(flow: unknown): TemplateResult {
  return html`${flow}`;
}
