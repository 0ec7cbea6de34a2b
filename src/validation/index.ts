/**
 * Validation as pure functions: identifiers (PESEL, NIP, PPE, customer number, bank account), contact
 * data (Polish phone, e-mail) and passwords. Each validator answers `{ valid: true, value }` with the
 * normalized value, or `{ valid: false, reason }` with a stable code the widgets map to localized text.
 */
export type { Valid, Invalid, ValidationResult } from './result.js';
export {
  validatePesel,
  peselBirthDate,
  validateNip,
  normalizeNip,
  validatePpe,
  gs1CheckDigit,
  validateCustomerNumber,
  validateBankAccount,
  type PeselReason,
  type PeselResult,
  type PeselBirthDate,
  type NipReason,
  type NipResult,
  type PpeReason,
  type PpeResult,
  type PpeOptions,
  type CustomerNumberReason,
  type CustomerNumberResult,
  type BankAccountReason,
  type BankAccountResult,
} from './identifiers.js';
export {
  validatePolishPhone,
  validateEmail,
  type PhoneReason,
  type PhoneResult,
  type EmailReason,
  type EmailResult,
} from './contact.js';
export {
  validatePassword,
  passwordStrength,
  type PasswordPolicy,
  type PasswordRule,
  type PasswordStrength,
} from './password.js';
