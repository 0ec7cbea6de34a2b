/**
 * Contact data: a Polish phone number (for SMS and the second factor) and an e-mail address (the login).
 * Pure functions that never throw; each answers a {@link ValidationResult} with the normalized value or a
 * stable reason code.
 */
import { asText, DASHES, DIGITS_ONLY, invalid, SPACES, type ValidationResult } from './result.js';

// ---------------------------------------------------------------------------------------------- phone

/**
 * Why a phone number was refused: nothing typed; `format` (characters other than digits, separators and a
 * leading `+`, or not 9 digits after the prefix); `country` (a prefix other than +48 / 0048: only Polish
 * numbers are taken); `leading_zero` (the number after the prefix starts with 0, e.g. an old trunk
 * prefix `0 32 …`; no Polish number does).
 */
export type PhoneReason = 'empty' | 'format' | 'country' | 'leading_zero';
export type PhoneResult = ValidationResult<PhoneReason>;

/** Parentheses around an area code, `(32) 123 45 67`, are separators too. */
const PARENTHESES = /[()]/g;

/**
 * Checks a Polish phone number: 9 digits, optionally after `+48` or `0048`, with spaces, dashes and
 * parentheses anywhere; the first of the 9 digits is not 0. The value is in E.164 form, `+48XXXXXXXXX`,
 * as the API's `Phone` expects. Nine digits without a prefix are always taken as Polish.
 */
export function validatePolishPhone(value: string | null | undefined): PhoneResult {
  const text = asText(value).replace(SPACES, '').replace(DASHES, '').replace(PARENTHESES, '');
  if (text === '') return invalid('empty');
  let national = text;
  const international = text.startsWith('+') ? text.slice(1) : text.startsWith('00') ? text.slice(2) : undefined;
  if (international !== undefined) {
    if (!DIGITS_ONLY.test(international)) return invalid('format');
    if (!international.startsWith('48')) return invalid('country');
    national = international.slice(2);
  }
  if (!DIGITS_ONLY.test(national)) return invalid('format');
  if (national.startsWith('0')) return invalid('leading_zero');
  if (national.length !== 9) return invalid('format');
  return { valid: true, value: `+48${national}` };
}

// ---------------------------------------------------------------------------------------------- e-mail

/**
 * Why an e-mail address was refused: nothing typed; `format` (see {@link validateEmail});
 * `too_long` (more than 254 characters, or more than 64 before the `@`).
 */
export type EmailReason = 'empty' | 'format' | 'too_long';
export type EmailResult = ValidationResult<EmailReason>;

/**
 * The characters of an unquoted local part: RFC 5322 `atext` and dots, plus letters, marks and digits of
 * any script (RFC 6531 internationalized addresses, e.g. `zażółć@…`).
 */
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
/** A domain label: letters, marks, digits and inner hyphens, at most 63 characters. */
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
/** A top-level domain: two or more letters (no TLD is numeric or one letter), or an A-label `xn--…`. */
const TOP_LEVEL_DOMAIN = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/u;

const codePoints = (text: string): number => [...text].length;

/**
 * A practical e-mail check, not RFC 5322: the server decides whether an address is acceptable (and
 * whether it must match the contract); the browser only catches typos and pasted junk, such as a
 * missing or doubled `@`, a space, a comma for a dot, or a missing top-level domain.
 *
 * Accepted: trimmed text with exactly one `@`; a local part of `atext` characters (any script's letters
 * too) with no leading, trailing or doubled dot, at most 64 characters; a domain of dot-separated labels
 * (letters and digits of any script, inner hyphens) with at least one dot and a top-level domain of two
 * or more letters; at most 254 characters in all.
 *
 * Refused although RFC 5321/5322 allow them: quoted local parts (`"jan kowalski"@…`), comments,
 * address literals (`jan@[192.0.2.1]`) and dotless domains (`jan@localhost`). No customer of a utility
 * has such a login, and accepting them would let real typos through.
 *
 * The value is trimmed and its domain lower-cased (domains are case-insensitive; the local part is left
 * as typed, because strictly it is not).
 */
export function validateEmail(value: string | null | undefined): EmailResult {
  const text = asText(value).trim();
  if (text === '') return invalid('empty');
  const parts = text.split('@');
  if (parts.length !== 2) return invalid('format');
  const [local = '', rawDomain = ''] = parts;
  const domain = rawDomain.toLowerCase();
  const email = `${local}@${domain}`;
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return invalid('format');
  }
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL_DOMAIN.test(tld)) {
    return invalid('format');
  }
  if (codePoints(local) > 64 || codePoints(email) > 254) return invalid('too_long');
  return { valid: true, value: email };
}
