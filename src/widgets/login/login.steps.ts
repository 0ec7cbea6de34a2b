import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { formatDate, formatDuration, formatTime, PLACEHOLDER } from '../../i18n/format.js';
import { localized } from '../../i18n/locale.js';
import { codeField, passwordField, submitButton } from '../../kit/fields.js';
import { formFeedback } from '../../kit/form.js';
import { renderLoading } from '../../core/status.js';
import { notice, type LoginViewContext } from './login.views.js';
import type { LoginController } from './login.controller.js';

export { createStepForms } from './login.forms.js';

/**
 * The steps after a first answer of the server: the one-time code (two-step login), new terms to accept (seeds
 * 002, 004) and the forced change of a one-time password. Most logins never see them, so they load on their own (login.controller.ts `loadSteps`),
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
  return html`${v.heading(msg('Wpisz kod z wiadomości'))} ${formFeedback(c.forms!.code, notice(c))}
    <p class="intro" id="mfa-intro">${where} ${validUntil !== PLACEHOLDER ? msg(str`Kod jest ważny do ${validUntil}.`) : nothing}</p>
    <form part="form" novalidate @submit=${v.onSubmit(() => c.verify())}>
      ${codeField(c.forms!.code.field('code'), { label: msg('Kod jednorazowy'), describedBy: ['mfa-intro'] })}
      <div class="actions">
        ${submitButton(c.forms!.code, { label: msg('Potwierdź kod'), busyLabel: msg('Sprawdzamy kod…'), disabled: paused, ...(paused ? { describedBy: 'countdown' } : {}) })}
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
  const form = c.forms!.change;
  const kit = c.passwords;
  if (!kit) return html`${v.heading(msg('Ustaw nowe hasło'))} ${renderLoading()}`;
  return html`${v.heading(msg('Ustaw nowe hasło'))} ${formFeedback(form, notice(c))}
    <p class="intro" id="change-intro">${msg('To było hasło jednorazowe. Aby kontynuować, ustaw własne hasło.')}</p>
    <form part="form" novalidate @submit=${v.onSubmit(() => void form.submit())}>
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

/** A link the page may follow: a path of the site, or http(s); anything else (a `javascript:` URL) is no link. */
function documentHref(url: string): string | undefined {
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** New terms: what changed, the document, "I accept" and "Not now" (no session exists until they are accepted). */
export function termsView(c: LoginController, v: LoginViewContext): TemplateResult {
  const { terms } = c.state.terms!;
  const href = documentHref(terms.url);
  const published = formatDate(terms.publishedAt);
  return html`${v.heading(msg('Zmienił się regulamin eBOK'))} ${formFeedback(c.forms!.terms, notice(c))}
    <p class="intro" id="terms-intro">
      ${published !== PLACEHOLDER ? msg(str`Od ${published} obowiązuje nowa wersja regulaminu (${terms.version}).`) : msg(str`Obowiązuje nowa wersja regulaminu (${terms.version}).`)}
      ${msg('Aby dalej korzystać z eBOK, przeczytaj ją i zaakceptuj.')}
    </p>
    ${terms.summary ? html`<div class="summary-box" part="terms-summary"><p class="summary-box__title">${msg('Co się zmienia')}</p><p>${localized(terms.summary)}</p></div>` : nothing}
    ${href ? html`<p><a class="link" part="terms-link" href=${href} target="_blank" rel="noopener">${msg('Przeczytaj regulamin (otworzy się w nowej karcie)')}</a></p>` : nothing}
    <form part="form" novalidate @submit=${v.onSubmit(() => c.acceptTerms())}>
      <div class="actions">${submitButton(c.forms!.terms, { label: msg('Akceptuję regulamin'), busyLabel: msg('Zapisujemy…'), describedBy: 'terms-intro' })}</div>
    </form>
    <ul class="links" part="links">
      <li><button ${ref(c.back)} class="link" part="back" type="button" @click=${() => c.dispatch({ type: 'decline-terms' })}>${msg('Nie teraz')}</button></li>
    </ul>`;
}
