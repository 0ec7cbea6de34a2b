import {
  normalizeNip,
  validateEmail,
  validateNip,
  validatePesel,
  type EmailReason,
  type NipReason,
  type PeselReason,
} from '../../validation/index.js';
import type { components } from '../../api/schema.js';

type LoginIdentifierKind = components['schemas']['LoginIdentifierKind'];

/** Why the identifier of a reminder was refused in the browser (the server's answer is neutral anyway). */
export type ReminderProblem =
  | { check: 'empty' }
  | { check: 'email'; reason: EmailReason }
  | { check: 'pesel'; reason: PeselReason }
  | { check: 'nip'; reason: NipReason }
  /** Neither an e-mail address nor (where allowed) a PESEL or NIP. */
  | { check: 'unknown' };

export type ReminderCheck = { ok: true; identifier: string } | { ok: false; problem: ReminderProblem };

/** PESEL and NIP are accepted when the portal lets customers log in with them (`loginIdentifierKinds`). */
export function allowsPeselNip(kinds: readonly LoginIdentifierKind[]): boolean {
  return kinds.includes('pesel_nip');
}

/**
 * Reads what the customer typed: an e-mail address (it has an `@`), else, when allowed, a PESEL (11 digits)
 * or a NIP (10 digits, `PL` and dashes allowed), each with its checksum. Answers the normalized identifier.
 */
export function checkReminderIdentifier(value: string, peselNip: boolean): ReminderCheck {
  const text = value.trim();
  if (text === '') return { ok: false, problem: { check: 'empty' } };
  if (text.includes('@') || !peselNip) {
    const email = validateEmail(text);
    return email.valid ? { ok: true, identifier: email.value } : { ok: false, problem: { check: 'email', reason: email.reason } };
  }
  const digits = normalizeNip(text);
  if (/^[0-9]{11}$/.test(digits)) {
    const pesel = validatePesel(digits);
    return pesel.valid ? { ok: true, identifier: pesel.value } : { ok: false, problem: { check: 'pesel', reason: pesel.reason } };
  }
  if (/^[0-9]{10}$/.test(digits)) {
    const nip = validateNip(digits);
    return nip.valid ? { ok: true, identifier: nip.value } : { ok: false, problem: { check: 'nip', reason: nip.reason } };
  }
  return { ok: false, problem: { check: 'unknown' } };
}
