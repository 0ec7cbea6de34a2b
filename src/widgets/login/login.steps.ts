import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { formatDuration, formatTime, PLACEHOLDER } from '../../i18n/format.js';
import { codeField, formFeedback, passwordField, submitButton } from '../../kit/fields.js';
import { renderLoading } from '../../core/status.js';
import { notice, onSubmit, type LoginViewContext } from './login.views.js';
import type { LoginController } from './login.controller.js';

/**
 * The steps after a first answer of the server: the one-time code (two-step login) and the forced change of a
 * one-time password. Most logins never see them, so they load on their own (login.controller.ts `loadSteps`),
 * from the moment the credentials are sent, in parallel with the login request.
 */

export function codeView(c: LoginController, v: LoginViewContext): TemplateResult {
  const challenge = c.state.challenge!;
  const where =
    challenge.channel === 'sms'
      ? msg(str`Wysłaliśmy SMS z kodem na numer ${challenge.maskedDestination}.`)
      : msg(str`Wysłaliśmy kod e-mailem na adres ${challenge.maskedDestination}.`);
  const validUntil = formatTime(challenge.expiresAt);
  const paused = c.pause.running;
  const cooling = c.cooldown.running;
  const sending = c.busy === 'resend-code';
  return html`${v.heading(msg('Wpisz kod z wiadomości'))} ${formFeedback(c.code, notice(c))}
    <p class="intro" id="mfa-intro">${where} ${validUntil !== PLACEHOLDER ? msg(str`Kod jest ważny do ${validUntil}.`) : nothing}</p>
    <form part="form" novalidate @submit=${onSubmit(() => c.verify())}>
      ${codeField(c.code.field('code'), { label: msg('Kod jednorazowy'), describedBy: ['mfa-intro'] })}
      <div class="actions">
        ${submitButton(c.code, { label: msg('Potwierdź kod'), busyLabel: msg('Sprawdzamy kod…'), disabled: paused, ...(paused ? { describedBy: 'countdown' } : {}) })}
      </div>
    </form>
    <ul class="links" part="links">
      <li>
        <button
          class="link"
          part="link"
          type="button"
          aria-disabled=${cooling || sending ? 'true' : 'false'}
          aria-describedby=${cooling ? 'resend-countdown' : nothing}
          @click=${() => c.requestCode()}
        >
          ${sending ? msg('Wysyłamy nowy kod…') : msg('Wyślij kod ponownie')}
        </button>
        ${cooling
          ? html`<p class="field__hint" id="resend-countdown" part="countdown">${msg(str`Nowy kod możesz zamówić za ${formatDuration(c.cooldown.remaining)}`)}</p>`
          : nothing}
      </li>
      <li><button ${ref(c.back)} class="link" part="back" type="button" @click=${v.onBack}>${msg('Wróć do logowania')}</button></li>
    </ul>`;
}

export function changePasswordView(c: LoginController, v: LoginViewContext): TemplateResult {
  const form = c.change;
  const kit = c.passwords;
  if (!kit) return html`${v.heading(msg('Ustaw nowe hasło'))} ${renderLoading()}`;
  return html`${v.heading(msg('Ustaw nowe hasło'))} ${formFeedback(form, notice(c))}
    <p class="intro" id="change-intro">${msg('To było hasło jednorazowe. Aby kontynuować, ustaw własne hasło.')}</p>
    <form part="form" novalidate @submit=${onSubmit(() => void form.submit())}>
      ${v.policy
        ? kit.newPasswordFields(form, form.field('newPassword'), form.field('passwordRepeat'), { policy: v.policy, label: msg('Nowe hasło'), repeatLabel: msg('Powtórz nowe hasło') })
        : html`${passwordField(form, form.field('newPassword'), { label: msg('Nowe hasło'), autocomplete: 'new-password', describedBy: ['change-intro'], reveal: { controls: 'newPassword passwordRepeat', label: msg('Pokaż hasła') } })}
          ${passwordField(form, form.field('passwordRepeat'), { label: msg('Powtórz nowe hasło'), autocomplete: 'new-password', reveal: false })}`}
      <div class="actions">${submitButton(form, { label: msg('Zapisz hasło i zaloguj się'), busyLabel: msg('Zapisujemy…') })}</div>
    </form>
    <ul class="links" part="links">
      <li><button ${ref(c.back)} class="link" part="back" type="button" @click=${v.onBack}>${msg('Wróć do logowania')}</button></li>
    </ul>`;
}
