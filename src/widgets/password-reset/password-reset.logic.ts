import { validateEmail, type EmailReason } from '../../validation/index.js';
import type { EbokApiError } from '../../api/errors.js';

/**
 * The identifier of a reset request: an e-mail address or a login. Only what is certainly wrong is refused
 * in the browser (nothing typed; something with an `@` that is not an e-mail address): a login can be
 * anything the utility allows, and the answer is the same neutral one for any identifier.
 */
export type IdentifierProblem = { check: 'empty' } | { check: 'email'; reason: EmailReason };

export function checkResetIdentifier(value: string): IdentifierProblem | undefined {
  const text = value.trim();
  if (text === '') return { check: 'empty' };
  if (text.includes('@')) {
    const email = validateEmail(text);
    if (!email.valid) return { check: 'email', reason: email.reason };
  }
  return undefined;
}

/** What a refused reset token means for the customer: ask for a new link (`invalid`) or it was already used (`used`). */
export type TokenOutcome = 'invalid' | 'used';

/** Whether an error of `confirmPasswordReset` is about the token (not the password, not the network). */
export function tokenOutcome(error: EbokApiError): TokenOutcome | undefined {
  if (error.code === 'token_used') return 'used';
  if (error.code === 'token_invalid_or_expired') return 'invalid';
  if (error.code === 'validation_failed' && error.fields.some((f) => f.field === '/token')) return 'invalid';
  return undefined;
}
