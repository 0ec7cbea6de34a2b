import { css, html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { tokens as t } from '../theme/tokens.js';

/**
 * The panel of a request kept by `ResendWhenOnline`: said plainly (`title`: what is not sent yet), with what happens
 * next and a way to try now. Style it with `queuedStyles`. Part: `queued`.
 */
export function queuedPanel(title: string, sendNow: () => void): TemplateResult {
  return html`<div class="queued" part="queued" role="status">
    <p><strong>${title}</strong></p>
    <p>${msg('Zapamiętaliśmy wszystko i wyślemy sami, gdy telefon odzyska zasięg. Nie zamykaj tej strony.')}</p>
    <div class="actions"><button class="button button--secondary" type="button" @click=${sendNow}>${msg('Wyślij teraz')}</button></div>
  </div>`;
}

export const queuedStyles = css`
  .queued {
    display: grid;
    gap: ${t.spaceS};
    padding: ${t.spaceM};
    border: ${t.borderWidth} solid ${t.colorWarning};
    border-radius: ${t.radius};
    background: ${t.colorWarningBg};
  }
  .queued p {
    margin: 0;
  }
`;
