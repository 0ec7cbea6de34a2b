import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ref } from 'lit/directives/ref.js';
import { describedBy, fieldError, hint, label } from './fields.js';
import type { FieldBinding } from './form.js';

/**
 * The field kit's checkboxes, radio choices and file inputs (see fields.ts for the rest and the rules they
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

export interface FileFieldOptions {
  label: string;
  /** MIME types and extensions the server accepts (`image/jpeg,image/png,application/pdf`). */
  accept: string;
  multiple?: boolean;
  hint?: unknown;
  required?: boolean;
}

/** Files to attach; the chosen names are listed in words (a file input says little on its own). */
export function fileField(b: FieldBinding<readonly File[]>, o: FileFieldOptions): TemplateResult {
  const required = o.required ?? false;
  return html`<div class="field" part="field">
    ${label(b.id, o.label, required)} ${hint(b.id, o.hint)}
    <input
      ${ref(b.ref)}
      class="input input--file"
      part="input"
      id=${b.id}
      name=${b.id}
      type="file"
      accept=${o.accept}
      ?multiple=${o.multiple ?? false}
      ?required=${required}
      aria-invalid=${b.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(b, !!o.hint, [b.value.length ? `${b.id}-files` : undefined]))}
      @change=${(e: Event) => b.input([...((e.target as HTMLInputElement).files ?? [])])}
    />
    ${b.value.length
      ? html`<ul class="files" id="${b.id}-files" part="files">
          ${b.value.map((file) => html`<li>${file.name}</li>`)}
        </ul>`
      : nothing}
    ${fieldError(b)}
  </div>`;
}
