import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ref } from 'lit/directives/ref.js';
import { describedBy, fieldError, hint } from './fields.js';
import type { FieldBinding } from './form.js';

/**
 * The field kit's checkboxes and radio choices (see fields.ts for the rest and the rules they
 * share). A module of their own, so the widgets without them (the login, the reminders) do not load them.
 */

export interface CheckboxOptions {
  label: unknown;
  hint?: string;
  required?: boolean;
}

/** A checkbox with its label beside it (a 44 px row), and its error under it. */
export function checkboxField(b: FieldBinding<boolean>, o: CheckboxOptions): TemplateResult {
  return html`<div class="field" part="field">
    <div class="check ${b.error ? 'check--invalid' : ''}">
      <input
        ${ref(b.ref)}
        type="checkbox"
        id=${b.id}
        name=${b.id}
        .checked=${live(b.value)}
        ?required=${o.required ?? false}
        aria-invalid=${b.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(b, !!o.hint))}
        @change=${(e: Event) => b.input((e.target as HTMLInputElement).checked)}
      />
      <label for=${b.id}>${o.label}</label>
    </div>
    ${hint(b.id, o.hint)} ${fieldError(b)}
  </div>`;
}

export interface ChoiceOptions<T extends string> {
  legend: string;
  options: readonly { value: T; label: string }[];
}

/** Radio buttons in a fieldset with its legend; arrow keys move between them. */
export function choiceField<T extends string>(b: FieldBinding<T>, o: ChoiceOptions<T>): TemplateResult {
  return html`<fieldset class="choice" part="choice">
    <legend>${o.legend}</legend>
    <div class="choice__options">
      ${o.options.map(
        (option, index) => html`<div class="check">
          <input
            ${index === 0 ? ref(b.ref) : nothing}
            type="radio"
            id="${b.id}-${option.value}"
            name=${b.id}
            .value=${String(option.value)}
            .checked=${live(option.value === b.value)}
            @change=${() => b.input(option.value)}
          />
          <label for="${b.id}-${option.value}">${option.label}</label>
        </div>`,
      )}
    </div>
    ${fieldError(b)}
  </fieldset>`;
}
