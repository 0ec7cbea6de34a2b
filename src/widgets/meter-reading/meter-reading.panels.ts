import { html, nothing, type TemplateResult } from 'lit';
import { ref, type Ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { resultText } from './meter-reading.views.js';
import type { ReadingResult } from './meter-reading.logic.js';

/**
 * The panels of `<ebok-meter-reading>` that appear after "send": the question about an unusual value, the upload's
 * progress, the reading waiting for a connection, and the answer. Pure templates; the element holds the state.
 */

/** "Is this unusual value right?": send it confirmed, or go back to correct it. */
export function confirmPanel(registerNames: readonly string[], focus: Ref<HTMLElement>, confirm: () => void, correct: () => void): TemplateResult {
  return html`<div class="confirm" part="confirm" role="alert">
    <p tabindex="-1" ${ref(focus)}>
      <strong>${msg(str`Ten odczyt bardzo różni się od zwykłego zużycia (${registerNames.join(', ')}).`)}</strong>
      ${msg('Sprawdź cyfry na liczniku. Jeśli są dobre, wyślij odczyt: sprawdzi go pracownik.')}
    </p>
    <div class="actions">
      <button class="button" type="button" part="confirm-send" @click=${confirm}>${msg('Tak, odczyt jest dobry – wyślij')}</button>
      <button class="button button--secondary" type="button" @click=${correct}>${msg('Poprawię odczyt')}</button>
    </div>
  </div>`;
}

/** How much of the photo has gone (0–1), while it goes; a progress bar a screen reader can ask, not announced. */
export function uploadPanel(uploaded: number | undefined): unknown {
  if (uploaded === undefined) return nothing;
  const percent = Math.round(uploaded * 100);
  return html`<div class="upload" part="upload-progress">
    <label for="upload">${msg('Wysyłamy odczyt ze zdjęciem')}</label>
    <progress id="upload" max="100" .value=${percent}></progress>
    <span aria-hidden="true">${percent}%</span>
  </div>`;
}

/** The server's answer, announced; "pay" when a settlement reading leaves an amount to pay and the host gave a page. */
export function resultPanel(result: ReadingResult, focus: Ref<HTMLElement>, pay: { href: string; onClick: (event: MouseEvent) => void } | undefined): TemplateResult {
  const { title, lines } = resultText(result);
  const toPay = result.kind === 'settlement' && result.estimatedAmount && !result.estimatedAmount.amount.startsWith('-');
  return html`<div class="result" part="result" role="status">
    <p class="result__title" tabindex="-1" ${ref(focus)}>${title}</p>
    ${lines.map((line) => html`<p>${line}</p>`)}
    ${toPay && pay
      ? html`<div class="actions">
          <a class="button" part="pay" href=${pay.href} @click=${pay.onClick}>${msg('Przejdź do płatności')}</a>
        </div>`
      : nothing}
  </div>`;
}
