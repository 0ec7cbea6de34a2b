import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { formatDuration, formatLifetime } from '../../i18n/format.js';
import { formFeedback } from '../../kit/form.js';
import { icon } from '../../kit/icons.js';
import type { Notice } from '../../kit/notice.js';
import type { PasswordPolicy } from './login.logic.js';
import type { CredentialsContext, CredentialsModel } from './login.credentials.js';
import type { LoginNotice } from './login.machine.js';
import type { LoginController, PasswordKit } from './login.controller.js';


/** What a view needs from the element besides the controller. */
export interface LoginViewContext extends CredentialsContext {
  policy: PasswordPolicy | undefined;
  onBack: () => void;
}

/** The credentials step as the flow runs it (login.credentials.ts draws it). */
export function credentialsModel(c: LoginController): CredentialsModel {
  return {
    form: c.credentials,
    feedback: formFeedback(c.credentials, notice(c)),
    rejected: c.state.rejected,
    paused: c.pause.running,
    linkRef: (target) => c.linkRef(target),
    submit: () => c.login(),
  };
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

export function signedInView(c: LoginController, v: LoginViewContext, name: string): TemplateResult {
  return html`${v.heading(msg('Zalogowano'))}
    <div ${ref(c.message)} class="done" part="message" tabindex="-1" role="status">${icon('success')}<p>${msg(str`Zalogowano jako ${name}.`)}</p></div>`;
}

/** An inline flow in the login's place; its own "back to login" link brings the form back (one such link). */
export function inlineView(flow: unknown): TemplateResult {
  return html`${flow}`;
}
