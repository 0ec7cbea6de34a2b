/**
 * The shape every validator in `src/validation` answers with, and the small helpers they share.
 *
 * A result is either `{ valid: true, value }`, where `value` is the normalized input (what a widget
 * sends to the API), or `{ valid: false, reason }`, where `reason` is a stable code that the widget maps
 * to a localized message. No user-facing text lives in these modules.
 */

/** The input was accepted; `value` is its normalized form. */
export interface Valid<Value = string> {
  readonly valid: true;
  readonly value: Value;
}

/** The input was refused; `reason` is a stable code, never text for people. */
export interface Invalid<Reason extends string> {
  readonly valid: false;
  readonly reason: Reason;
}

/** What a validator answers: the normalized value, or why it was refused. */
export type ValidationResult<Reason extends string, Value = string> = Valid<Value> | Invalid<Reason>;

/** Build a refusal. */
export function invalid<Reason extends string>(reason: Reason): Invalid<Reason> {
  return { valid: false, reason };
}

/**
 * The text a validator works on. Widgets may hand over `null` or `undefined` for an untouched field, and
 * plain JavaScript hosts anything at all; whatever is not a string counts as empty, so no validator throws.
 */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Whitespace, including what pasting from a PDF invoice or a web page brings along: the no-break space
 * (`\s` covers it), zero-width spaces and joiners, the word joiner and the soft hyphen.
 * Global: for `replace`, not for `test` (a global regex's `lastIndex` carries over between calls).
 */
export const SPACES = /[\s\u200b-\u200d\u2060\u00ad]/gu;

/** Hyphen-minus and the look-alike dashes word processors substitute (‐ ‑ ‒ – — ― −). Global, as above. */
export const DASHES = /[-\u2010-\u2015\u2212]/gu;

/** Only ASCII digits: `\d` would do too, but this says it. */
export const DIGITS_ONLY = /^[0-9]+$/;

/** The ASCII digits of a string of ASCII digits, as numbers (callers check the string first). */
export function digitsOf(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0) - 48);
}

/** Weighted digit sum: `sum(digits[i] * weights[i])` over the weights given. */
export function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight * (digits[i] ?? 0);
  });
  return sum;
}
