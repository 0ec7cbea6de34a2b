import { validateEmail, type EmailReason } from '../../validation/index.js';

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
