/**
 * One harness for widget tests (Material's harnesses, Lion's test helpers): reading a widget as a customer
 * or an assistive technology would (its words, where focus is, what is announced) and acting on it (typing,
 * submitting). Everything goes through ids, roles and `part` names, the widget's public surface.
 */
import { sendKeys } from '@web/test-runner-commands';
import { shadow, until } from './dom.js';

/** The text a customer sees in the widget, whitespace folded. */
export function words(el: Element): string {
  return el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The focused element inside the widget's shadow root. */
export function active(el: Element): HTMLElement | null {
  return (el.shadowRoot?.activeElement as HTMLElement | null) ?? null;
}

/** A control of the widget by its id (fails naming what the widget shows instead). */
export function control<T extends HTMLElement = HTMLInputElement>(el: Element, id: string): T {
  const found = el.shadowRoot?.querySelector<T>(`#${id}`);
  if (!found) throw new Error(`<${el.localName}> has no #${id} now: "${words(el).slice(0, 200)}"`);
  return found;
}

/** The error text under a field, or undefined when it shows none. */
export function fieldError(el: Element, id: string): string | undefined {
  return el.shadowRoot?.querySelector(`#${id}-error`)?.textContent?.replace(/\s+/g, ' ').trim();
}

/** Puts `value` into a field as pasting would (one input event), then leaves it unless `leave` is false. */
export async function fill(el: Element & { updateComplete: Promise<unknown> }, id: string, value: string, leave = true): Promise<void> {
  const input = control(el, id);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (leave) input.blur();
  await el.updateComplete;
}

/** Types `text` into a field with the real keyboard (key by key). */
export async function typeKeys(el: Element, id: string, text: string): Promise<void> {
  const input = control(el, id);
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

/** Clicks the widget's submit button. */
export function submit(el: Element): void {
  shadow<HTMLButtonElement>(el, '[part="submit"]').click();
}

/** The notice above a form (a failure, a warning, a confirmation), or null. */
export function notice(el: Element): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>('[part~="notice"]') ?? null;
}

/** Waits until the widget shows a notice and answers its text. */
export async function noticeText(el: Element, what = 'a notice'): Promise<string> {
  await until(() => !!notice(el), what);
  return notice(el)!.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** What the widget's live regions (`role="alert"`, `role="status"`, `aria-live`) say now. */
export function announcements(el: Element): string[] {
  const regions = el.shadowRoot?.querySelectorAll('[role="alert"], [role="status"], [aria-live]') ?? [];
  return [...regions].map((region) => region.textContent?.replace(/\s+/g, ' ').trim() ?? '').filter(Boolean);
}

/** Waits until the widget shows a form, or a state instead of it (loading finished). */
export async function formReady(el: Element): Promise<void> {
  await until(() => !!el.shadowRoot?.querySelector('form') || !!el.shadowRoot?.querySelector('[part~="status"]:not([role="status"])'), 'form ready');
}
