import { css, html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { describedBy, fieldError, hint, label } from './fields.js';
import { currentLocale, intlLocale } from '../i18n/locale.js';
import { tokens as t } from '../theme/tokens.js';
import type { FieldBinding } from './form.js';

/**
 * A field for a longer text (a ticket's message, a reply) with a visible count of the characters left. The count
 * is part of the field's description (read with the field); near the limit it is also said in a polite live
 * region, in steps of ten and then by the character (GOV.UK's character count, which found that announcing every
 * keystroke drowns what the customer types). `maxlength` stops typing at the limit; a paste is cut by the browser.
 *
 * A module of its own: only the widgets with a long text load it. Style it with `textareaStyles`.
 */

/** "Zostało 4 870 znaków", "Został 1 znak", "Zostały 3 znaki". */
export function charactersLeftText(left: number): string {
  const count = new Intl.NumberFormat(intlLocale(currentLocale())).format(left);
  const category = new Intl.PluralRules(intlLocale(currentLocale())).select(left);
  if (left === 1) return msg('Został 1 znak.');
  if (category === 'few') return msg(str`Zostały ${count} znaki.`);
  return msg(str`Zostało ${count} znaków.`);
}

/** From how many characters left the count is also announced. */
const NEAR = 100;

/** What the live region says: nothing far from the limit; near it, in steps of ten, and the last ten one by one. */
function announced(left: number): string {
  if (left > NEAR) return '';
  return charactersLeftText(left > 10 ? Math.ceil(left / 10) * 10 : left);
}

export interface TextareaOptions {
  label: string;
  maxlength: number;
  hint?: unknown;
  required?: boolean;
  rows?: number;
}

export function textareaField(b: FieldBinding<string>, o: TextareaOptions): TemplateResult {
  const required = o.required ?? true;
  const left = Math.max(0, o.maxlength - b.value.length);
  return html`<div class="field" part="field">
    ${label(b.id, o.label, required)} ${hint(b.id, o.hint)}
    <textarea
      ${ref(b.ref)}
      class="input textarea"
      part="input"
      id=${b.id}
      name=${b.id}
      rows=${o.rows ?? 6}
      maxlength=${o.maxlength}
      .value=${live(b.value)}
      ?required=${required}
      aria-invalid=${b.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(b, !!o.hint, [`${b.id}-count`]))}
      @input=${(e: Event) => b.input((e.target as HTMLTextAreaElement).value)}
      @blur=${() => b.blur()}
    ></textarea>
    <p class="field__hint textarea__count ${left <= NEAR ? 'textarea__count--near' : ''}" part="hint" id="${b.id}-count">${charactersLeftText(left)}</p>
    <p class="visually-hidden" aria-live="polite">${announced(left)}</p>
    ${fieldError(b)}
  </div>`;
}

export const textareaStyles = css`
  .textarea {
    min-block-size: calc(${t.lineHeight} * 4em);
    resize: vertical;
    font: inherit;
    line-height: ${t.lineHeight};
  }
  .textarea__count--near {
    font-weight: ${t.fontWeightBold};
  }
`;
