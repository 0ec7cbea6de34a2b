import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ref } from 'lit/directives/ref.js';
import { msg } from '@lit/localize';
import { drawIcon, errorShape } from '../core/icon.js';
import type { FieldBinding, FormView } from './form.js';

/**
 * The field kit: labelled controls as templates that render inside the widget's own shadow root (an
 * `aria-describedby` cannot cross shadow roots), bound to a `FormController`. One set of part names
 * (`field`, `input`, `hint`, `field-error`, `reveal`, `caps-lock`, `choice`, `error-summary`) and one order
 * of descriptions: a control is described by its error first (read first), then its hint, then the rest.
 *
 * It needs nothing of the API kit, so a widget can draw a form in its first frame (the login does).
 */

/** The password toggle's shapes: shown or hidden text (only this kit draws them). */
const eye = svg`<path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="2"/>`;
const eyeOff = svg`<path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" fill="none" stroke="currentColor" stroke-width="2"/><path d="M4 4l16 16" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`;

/** The ids a control is described by: its error, its hint, then `extra` (a checklist, a Caps Lock warning). */
export function describedBy(binding: { id: string; error: string | undefined }, hasHint: boolean, extra: readonly (string | false | undefined)[] = []): string | undefined {
  const ids = [binding.error ? `${binding.id}-error` : '', hasHint ? `${binding.id}-hint` : '', ...extra].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function fieldError(binding: { id: string; error: string | undefined }) {
  return binding.error
    ? html`<p class="field__error" part="field-error" id="${binding.id}-error">
        ${drawIcon(errorShape)}<span><span class="visually-hidden">${msg('Błąd:')} </span>${binding.error}</span>
      </p>`
    : nothing;
}

export function hint(id: string, text: unknown) {
  return text ? html`<p class="field__hint" part="hint" id="${id}-hint">${text}</p>` : nothing;
}

export function label(id: string, text: unknown, required: boolean) {
  return html`<label class="field__label" for=${id}
    >${text}${required ? nothing : html` <span class="field__optional">${msg('(opcjonalnie)')}</span>`}</label
  >`;
}

interface InputOptions {
  type: 'text' | 'email' | 'tel' | 'password';
  autocomplete: AutoFill;
  name?: string;
  className?: string;
  inputmode?: string;
  maxlength?: number;
  pattern?: string;
  required: boolean;
  invalid?: boolean;
  describedBy: string | undefined;
  /** Key handler (the Caps Lock warning of a password field). */
  onKey?: (event: KeyboardEvent) => void;
  onBlur?: () => void;
}

/** The one `<input>` of the text-like fields: bound value, autocomplete, validity and descriptions. */
function input(b: FieldBinding<string>, o: InputOptions): TemplateResult {
  return html`<input
    ${ref(b.ref)}
    class=${o.className ?? 'input'}
    part="input"
    id=${b.id}
    name=${o.name ?? b.id}
    type=${o.type}
    .value=${live(b.value)}
    .autocomplete=${o.autocomplete}
    inputmode=${ifDefined(o.inputmode)}
    maxlength=${ifDefined(o.maxlength)}
    pattern=${ifDefined(o.pattern)}
    spellcheck="false"
    autocapitalize="off"
    ?required=${o.required}
    aria-invalid=${b.error || o.invalid ? 'true' : 'false'}
    aria-describedby=${ifDefined(o.describedBy)}
    @input=${(e: Event) => b.input((e.target as HTMLInputElement).value)}
    @keydown=${o.onKey}
    @keyup=${o.onKey}
    @blur=${() => (o.onBlur ? o.onBlur() : b.blur())}
  />`;
}

export interface TextFieldOptions {
  label: string;
  type?: 'text' | 'email' | 'tel';
  /** An autocomplete token (`email`, `tel`, `username`, `off` …): personal fields always have one. */
  autocomplete: AutoFill;
  inputmode?: 'text' | 'numeric' | 'email' | 'tel' | 'decimal';
  hint?: unknown;
  /** Required fields say nothing extra; optional ones say "(optional)". Default: required. */
  required?: boolean;
  maxlength?: number;
  /** More ids describing the input (say, a notice that rejected it). */
  describedBy?: readonly (string | false | undefined)[];
  /** Marks the input wrong without an error of its own (the credentials a notice rejected). */
  invalid?: boolean;
  /** Rendered beside the input. */
  after?: unknown;
}

/** A labelled text input with its hint and its error. */
export function textField(b: FieldBinding<string>, o: TextFieldOptions): TemplateResult {
  const required = o.required ?? true;
  return html`<div class="field" part="field">
    ${label(b.id, o.label, required)} ${hint(b.id, o.hint)}
    <div class="field__control">
      ${input(b, { ...o, type: o.type ?? 'text', required, describedBy: describedBy(b, !!o.hint, o.describedBy) })} ${o.after ?? nothing}
    </div>
    ${fieldError(b)}
  </div>`;
}

export interface PasswordFieldOptions {
  label: string;
  autocomplete: 'current-password' | 'new-password';
  hint?: unknown;
  describedBy?: readonly (string | false | undefined)[];
  invalid?: boolean;
  /** The show/hide toggle and the ids it controls (`false`: no toggle here, e.g. the repetition). */
  reveal?: { controls: string; label: string } | false;
}

/** A password input: show/hide toggle (a pressed button that says what it does) and a Caps Lock warning. */
export function passwordField(form: Pick<FormView, 'revealed' | 'capsLock' | 'onKey' | 'toggleReveal'>, b: FieldBinding<string>, o: PasswordFieldOptions): TemplateResult {
  const capsId = `${b.id}-caps`;
  const reveal = o.reveal;
  return html`<div class="field" part="field">
    ${label(b.id, o.label, true)} ${hint(b.id, o.hint)}
    <div class="field__control">
      ${input(b, {
        type: form.revealed ? 'text' : 'password',
        autocomplete: o.autocomplete,
        required: true,
        ...(o.invalid ? { invalid: true } : {}),
        describedBy: describedBy(b, !!o.hint, [...(o.describedBy ?? []), capsId]),
        onKey: form.onKey,
        onBlur: () => {
          form.capsLock = undefined;
          b.blur();
        },
      })}
      ${reveal
        ? html`<button
            class="reveal"
            part="reveal"
            type="button"
            aria-pressed=${form.revealed ? 'true' : 'false'}
            aria-controls=${reveal.controls}
            @click=${() => form.toggleReveal()}
          >
            ${drawIcon(form.revealed ? eyeOff : eye)}<span class="reveal__text">${reveal.label}</span>
          </button>`
        : nothing}
    </div>
    <p class="caps" part="caps-lock" id=${capsId} role="status">${form.capsLock === b.id ? msg('Uwaga: włączony jest Caps Lock.') : ''}</p>
    ${fieldError(b)}
  </div>`;
}

export interface CodeFieldOptions {
  label: string;
  hint?: unknown;
  describedBy?: readonly (string | false | undefined)[];
}

/** A one-time code: digits, the keypad on phones, and the code from the SMS offered by the keyboard. */
export function codeField(b: FieldBinding<string>, o: CodeFieldOptions): TemplateResult {
  return html`<div class="field" part="field">
    ${label(b.id, o.label, true)} ${hint(b.id, o.hint)}
    ${input(b, {
      type: 'text',
      name: 'one-time-code',
      className: 'input input--code',
      autocomplete: 'one-time-code',
      inputmode: 'numeric',
      pattern: '[0-9]*',
      maxlength: 12,
      required: true,
      describedBy: describedBy(b, !!o.hint, o.describedBy),
    })}
    ${fieldError(b)}
  </div>`;
}

export interface SubmitOptions {
  label: string;
  /** The label while sending ("Wysyłanie…"). */
  busyLabel?: string;
  /** Describes the button (a countdown while attempts are paused). */
  describedBy?: string;
  /** Attempts are paused: the button cannot send. */
  disabled?: boolean;
}

/**
 * The submit button. While sending it says so and stays focusable (`aria-disabled`, so a screen reader
 * user does not lose their place); the form controller ignores a second submit.
 */
export function submitButton(form: Pick<FormView, 'busy' | 'submitRef'>, o: SubmitOptions): TemplateResult {
  return html`<button
    ${ref(form.submitRef)}
    class="button"
    part="submit"
    type="submit"
    ?disabled=${o.disabled ?? false}
    aria-disabled=${form.busy ? 'true' : 'false'}
    aria-describedby=${ifDefined(o.describedBy)}
  >
    ${form.busy ? (o.busyLabel ?? msg('Wysyłanie…')) : o.label}
  </button>`;
}
