import { msg } from '@lit/localize';
import type { FieldError } from '../../api/errors.js';
import { customerNumberError, emailError, nipError, peselError, phoneError, ppeError } from '../../kit/messages.js';
import { newPasswordError, repeatError, serverPasswordError } from '../../kit/password.js';
import type { FieldProblem, PortalConfig } from './register.logic.js';

/** Why a field of the registration was refused, in words the customer can act on. */
export function problemText(problem: FieldProblem, config: PortalConfig): string {
  switch (problem.check) {
    case 'pesel':
      return peselError(problem.reason);
    case 'nip':
      return nipError(problem.reason);
    case 'pointCode':
      return ppeError(problem.reason);
    case 'customerNumber':
      return customerNumberError(problem.reason);
    case 'email':
      return emailError(problem.reason);
    case 'phone':
      return phoneError(problem.reason);
    case 'password':
    case 'password-empty':
      return newPasswordError(problem, config.passwordPolicy);
    case 'repeat':
      return repeatError(problem.reason);
    case 'terms':
      return termsText();
  }
}

const termsText = () => msg('Aby założyć konto, zaakceptuj regulamin.');

/** A server field error in the registration's words where it knows the code; undefined for the server's own text. */
export function serverFieldText(error: FieldError, config: PortalConfig): string | undefined {
  const { field, code } = error;
  const password = serverPasswordError(code, config.passwordPolicy);
  if (password) return password;
  const oneOfId = () => msg('Podaj PESEL (osoba prywatna) albo NIP (firma).');
  const oneOfProof = () => msg('Podaj numer klienta albo numer PPE z faktury.');
  const byField: Record<string, Partial<Record<string, () => string>>> = {
    '/pesel': { invalid_checksum: () => peselError('checksum'), invalid_format: () => peselError('format'), required: () => peselError('empty'), exactly_one_required: oneOfId },
    '/nip': { invalid_checksum: () => nipError('checksum'), invalid_format: () => nipError('format'), required: () => nipError('empty'), exactly_one_required: oneOfId },
    '/pointCode': { invalid_checksum: () => ppeError('checksum'), invalid_format: () => ppeError('format'), required: () => ppeError('empty'), exactly_one_required: oneOfProof },
    '/customerNumber': { invalid_format: () => customerNumberError('format'), required: () => customerNumberError('empty'), exactly_one_required: oneOfProof },
    '/email': { invalid_format: () => emailError('format'), required: () => emailError('empty'), too_long: () => emailError('too_long') },
    '/phone': { invalid_format: () => phoneError('format'), phone_required: () => phoneError('empty') },
    '/password': { required: () => msg('Wpisz hasło.') },
    '/consents/terms': { must_be_true: termsText, required: termsText },
    '/consents': { required: termsText },
  };
  return byField[field]?.[code]?.() ?? (error.message ? undefined : msg('Sprawdź to pole.'));
}
