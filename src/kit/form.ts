import { html, nothing, type ReactiveController } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { createRef, type Ref } from 'lit/directives/ref.js';
import { EbokApiError, type FieldError } from '../api/errors.js';
import { FocusController } from '../controllers/focus.js';
import { ActionController, type ActionOptions, type ApiHost } from './action.js';
import { NoticeController } from './notice.js';
import { currentLocale, intlLocale } from '../i18n/locale.js';

/** What a form holds: text, a checkbox, or chosen files. */
export type FieldValue = string | boolean | readonly File[];
export type FormValues = Record<string, FieldValue>;
type Name<V> = keyof V & string;

export interface SummaryEntry {
  id: string;
  message: string;
}

/** Everything a field template needs from the form, for one field. */
export interface FieldBinding<T extends FieldValue = FieldValue> {
  /** The control's id (and name): the field's name in the form. */
  id: string;
  value: T;
  error: string | undefined;
  /** The control, for focus by reference. */
  ref: Ref<HTMLElement>;
  input(value: T): void;
  blur(): void;
}

/** What the field kit's templates read and call on a form, whatever its values. */
export interface FormView {
  readonly busy: boolean;
  readonly summary: SummaryEntry[];
  readonly attempt: number;
  readonly notice: NoticeController;
  readonly submitRef: Ref<HTMLElement>;
  revealed: boolean;
  capsLock: string | undefined;
  readonly onKey: (event: KeyboardEvent) => void;
  toggleReveal(): void;
  focusField(name: string): void;
}

export interface FormOptions<V extends FormValues, B, R> extends ActionOptions<B, R> {
  initial: V;
  /** The fields in the order of the page: the summary lists errors in it and focus goes to the first. */
  order: readonly Name<V>[];
  /** A field's error for these values (rules may read the portal config), or undefined. */
  check: (name: Name<V>, values: V) => string | undefined;
  /** Fields to check again when another one changes (the repetition of a password). */
  affects?: Partial<Record<Name<V>, readonly Name<V>[]>>;
  /** The body to send, or undefined when the values cannot make one (then the errors show). */
  body: (values: V) => B | undefined;
  /** The field a server field error belongs to, from its JSON pointer; default `/name` → `name`. */
  fieldOf?: (pointer: string) => Name<V> | undefined;
  /** A server field error in the widget's words where it knows the code; else the server's own text. */
  serverText?: (error: FieldError) => string | undefined;
  /** The notice to show failures in (a widget with several forms shares one); default: the form's own. */
  notice?: NoticeController;
  /** Keep a failure's notice while the customer types (default: typing clears it, as the cause may be gone). */
  keepNotice?: boolean;
  /** The customer changed a field. */
  onInput?: (name: Name<V>) => void;
}

/**
 * One form of a widget: its values, when its errors show, and its submit.
 *
 * When errors show (Lion's rule): a field is checked when the customer leaves it, unless it is still empty
 * (tabbing through a form shows nothing); a field shown wrong is checked again on every keystroke, so the
 * error goes as soon as it is fixed; on submit every field is checked, the summary announces how many are
 * wrong (`role="alert"`, announced again on every submit) and focus goes to the first.
 *
 * Submit goes through an `ActionController`: one request at a time, one idempotency key per body, a 401 on
 * personal data resends after the next login. Server field errors land on their fields by JSON pointer;
 * other failures show as a notice, with everything typed kept, and focus on the submit button.
 */
export class FormController<V extends FormValues, B = unknown, R = unknown> implements ReactiveController, FormView {
  values: V;
  errors: Partial<Record<Name<V>, string>> = {};
  /** Counts submits with errors: the summary is a new node each time, so it is announced again. */
  attempt = 0;
  /** The password fields show their text (one toggle for a password and its repetition). */
  revealed = false;
  /** The field whose Caps Lock warning shows. */
  capsLock: string | undefined;
  readonly action: ActionController<B, R>;
  readonly notice: NoticeController;
  readonly focus: FocusController;
  readonly submitRef: Ref<HTMLElement> = createRef();
  private summaryShown = false;
  private readonly refs = new Map<string, Ref<HTMLElement>>();

  constructor(
    private readonly host: ApiHost,
    private readonly options: FormOptions<V, B, R>,
  ) {
    host.addController(this);
    this.values = { ...options.initial };
    this.notice = options.notice ?? new NoticeController(host);
    this.focus = new FocusController(host);
    this.action = new ActionController<B, R>(host, {
      ...options,
      failed: async (error, body) => (await options.failed?.(error, body)) || this.serverFieldErrors(error),
      described: (failure, error) => {
        this.notice.showFailure(failure);
        this.focus.next(this.submitRef);
        options.described?.(failure, error);
      },
    });
  }

  hostConnected(): void {
    window.addEventListener('lit-localize-status', this.onLocale);
  }

  hostDisconnected(): void {
    window.removeEventListener('lit-localize-status', this.onLocale);
  }

  /** The language changed: the errors shown are said again in it. */
  private readonly onLocale = (event: Event): void => {
    if ((event as CustomEvent<{ status?: string }>).detail?.status === 'ready') this.recheckShown();
  };

  /**
   * Words the errors shown anew (after the language or the portal configuration changed, e.g. the login's label
   * "PESEL or e-mail" instead of the generic one); a field the browser's checks find right keeps the server's error.
   */
  recheckShown(): void {
    const errors = { ...this.errors };
    for (const name of Object.keys(errors) as Name<V>[]) {
      const error = this.options.check(name, this.values);
      if (error) errors[name] = error;
    }
    this.errors = errors;
    this.host.requestUpdate();
  }

  get busy(): boolean {
    return this.action.busy;
  }

  /** The errors to list in the summary: only after a submit, in page order, while they last. */
  get summary(): SummaryEntry[] {
    if (!this.summaryShown) return [];
    return this.options.order.filter((name) => this.errors[name]).map((name) => ({ id: name, message: this.errors[name]! }));
  }

  field<T extends FieldValue = string>(name: Name<V>): FieldBinding<T> {
    return {
      id: name,
      value: this.values[name] as unknown as T,
      error: this.errors[name],
      ref: this.refOf(name),
      input: (value) => this.set(name, value as unknown as V[Name<V>]),
      blur: () => this.leave(name),
    };
  }

  /** The customer changed a field: a field shown wrong is checked again at once, and so are those it affects. */
  set(name: Name<V>, value: V[Name<V>]): void {
    this.values = { ...this.values, [name]: value };
    if (!this.options.keepNotice && (this.notice.current?.tone === 'error' || this.notice.current?.tone === 'warning')) this.notice.clear();
    this.options.onInput?.(name);
    if (this.errors[name] !== undefined || typeof value === 'boolean') this.recheck(name, value !== '' || this.errors[name] !== undefined);
    for (const other of this.options.affects?.[name] ?? []) {
      if (this.errors[other] !== undefined || !isEmpty(this.values[other])) this.recheck(other, true);
    }
    this.host.requestUpdate();
  }

  /** Leaving a field checks it, unless nothing was typed yet. */
  leave(name: Name<V>): void {
    if (this.action.busy) return;
    if (isEmpty(this.values[name]) && this.errors[name] === undefined) return;
    this.recheck(name, true);
    this.host.requestUpdate();
  }

  /** Checks every field; true when none is wrong. */
  validate(): boolean {
    const errors: Partial<Record<Name<V>, string>> = {};
    for (const name of this.options.order) {
      const error = this.options.check(name, this.values);
      if (error) errors[name] = error;
    }
    this.errors = errors;
    this.host.requestUpdate();
    return Object.keys(errors).length === 0;
  }

  /** Marks fields wrong (e.g. from the server) and shows them as after a submit. */
  setErrors(errors: Partial<Record<Name<V>, string>>): void {
    this.errors = errors;
    this.showErrors();
  }

  /** After a refused submit: the summary is announced with the count, and focus goes to the first wrong field. */
  showErrors(): void {
    this.summaryShown = true;
    this.attempt++;
    const first = this.options.order.find((name) => this.errors[name]);
    if (first) this.focus.next(this.refOf(first));
    this.host.requestUpdate();
  }

  /** Focuses a field (the summary's links). */
  focusField(name: string): void {
    this.refs.get(name)?.value?.focus();
  }

  /** Checks and sends; a second submit while one is under way does nothing. */
  async submit(): Promise<void> {
    if (this.action.busy) return;
    this.notice.clear();
    const body = this.validate() ? this.options.body(this.values) : undefined;
    if (body === undefined) {
      this.showErrors();
      return;
    }
    this.summaryShown = false;
    await this.action.run(body);
  }

  /** Sets values as the widget decides (not typed by the customer): no checks, no errors cleared. */
  assign(patch: Partial<V>): void {
    this.values = { ...this.values, ...patch };
    this.host.requestUpdate();
  }

  /** Starts again: new values (default: the initial ones), no errors, no failure. */
  reset(values: Partial<V> = {}): void {
    this.values = { ...this.options.initial, ...values };
    this.errors = {};
    this.summaryShown = false;
    this.action.cancel();
    this.notice.clear();
    this.host.requestUpdate();
  }

  /** The Caps Lock warning follows the key state while typing in a password field. */
  readonly onKey = (event: KeyboardEvent): void => {
    if (typeof event.getModifierState !== 'function') return;
    const field = (event.target as HTMLElement).id;
    const on = event.getModifierState('CapsLock');
    if ((on ? field : undefined) !== this.capsLock) {
      this.capsLock = on ? field : undefined;
      this.host.requestUpdate();
    }
  };

  /** Shows or hides the passwords. */
  toggleReveal(): void {
    this.revealed = !this.revealed;
    this.host.requestUpdate();
  }

  private recheck(name: Name<V>, show: boolean): void {
    const error = show ? this.options.check(name, this.values) : undefined;
    const errors = { ...this.errors };
    if (error) errors[name] = error;
    else delete errors[name];
    this.errors = errors;
  }

  private refOf(name: string): Ref<HTMLElement> {
    let ref = this.refs.get(name);
    if (!ref) this.refs.set(name, (ref = createRef()));
    return ref;
  }

  /** A 422 with field errors: each lands on its field (by JSON pointer); the rest shows as a notice. */
  private serverFieldErrors(error: unknown): boolean {
    if (!(error instanceof EbokApiError) || error.status !== 422 || error.fields.length === 0) return false;
    const errors: Partial<Record<Name<V>, string>> = {};
    const elsewhere: string[] = [];
    for (const fieldError of error.fields) {
      const name = this.options.fieldOf ? this.options.fieldOf(fieldError.field) : this.byPointer(fieldError.field);
      const text = this.options.serverText?.(fieldError) ?? fieldError.message;
      if (name) errors[name] ??= text;
      else elsewhere.push(text);
    }
    if (elsewhere.length) this.notice.show({ tone: 'error', text: elsewhere.join(' ') });
    this.setErrors(errors);
    return true;
  }

  private byPointer(pointer: string): Name<V> | undefined {
    const name = pointer.replace(/^\//, '');
    return this.options.order.find((field) => field === name);
  }
}

function isEmpty(value: FieldValue | undefined): boolean {
  if (typeof value === 'string') return value === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

// What a form says after a submit, above its fields. Here, not in the field kit (./fields.ts): a widget draws
// the field kit in its first frame (the login does), when nothing has been sent yet.

/** "The form has 3 errors", with the plural forms Polish needs (1 błąd, 2–4 błędy, 5+ błędów). */
export function errorCountText(count: number): string {
  const category = new Intl.PluralRules(intlLocale(currentLocale())).select(count);
  if (count === 1) return msg('Formularz ma 1 błąd. Popraw zaznaczone pole.');
  if (category === 'few') return msg(str`Formularz ma ${count} błędy. Popraw zaznaczone pola.`);
  return msg(str`Formularz ma ${count} błędów. Popraw zaznaczone pola.`);
}

/**
 * The errors of a submit, announced (`role="alert"`) with their count; a new node on every submit, so the
 * same errors are announced again. Each entry moves focus to its field.
 */
export function errorSummary(entries: readonly SummaryEntry[], attempt: number, focusField: (id: string) => void): unknown {
  if (entries.length === 0) return nothing;
  return keyed(
    attempt,
    html`<div class="summary" part="error-summary" role="alert">
      <p>${errorCountText(entries.length)}</p>
      <ul>
        ${entries.map((entry) => html`<li><button type="button" class="link-button" @click=${() => focusField(entry.id)}>${entry.message}</button></li>`)}
      </ul>
    </div>`,
  );
}

/** The form's summary and its notice (failures that are not about one field), in that order. */
export function formFeedback(form: FormView, extra?: unknown): unknown {
  return html`${errorSummary(form.summary, form.attempt, (id) => form.focusField(id))} ${form.notice.render(extra)}`;
}
