import type { components } from '../../api/schema.js';
import {
  validateCustomerNumber,
  validateEmail,
  validateNip,
  validatePassword,
  validatePesel,
  validatePolishPhone,
  validatePpe,
  type CustomerNumberReason,
  type EmailReason,
  type NipReason,
  type PeselReason,
  type PhoneReason,
  type PpeReason,
} from '../../validation/index.js';
import { newPasswordProblem, repeatProblem, type NewPasswordProblem, type RepeatProblem } from '../../kit/password.js';

export type PortalConfig = components['schemas']['PortalConfig'];
export type RegisterRequest = components['schemas']['RegisterRequest'];

/**
 * Person or business: chosen with a radio button, not guessed from the length of the number. Customers know
 * which they are, the label then names the one number to type (PESEL or NIP), and a mistyped digit is reported
 * as a wrong PESEL instead of being taken for a NIP of another length.
 */
export type CustomerKind = 'person' | 'business';
/** How the contract is proven: the customer number or the point-of-delivery code (PPE), both from an invoice. */
export type ProofKind = 'customerNumber' | 'pointCode';

export interface RegisterValues {
  kind: CustomerKind;
  idNumber: string;
  proofKind: ProofKind;
  proof: string;
  email: string;
  phone: string;
  password: string;
  passwordRepeat: string;
  terms: boolean;
  eInvoice: boolean;
}

export const EMPTY_VALUES: RegisterValues = {
  kind: 'person',
  idNumber: '',
  proofKind: 'customerNumber',
  proof: '',
  email: '',
  phone: '',
  password: '',
  passwordRepeat: '',
  terms: false,
  eInvoice: false,
};

/** The fields that can be wrong, in the order of the form (the first one gets focus). */
export const FIELDS = ['idNumber', 'proof', 'email', 'phone', 'password', 'passwordRepeat', 'terms'] as const;
export type RegisterField = (typeof FIELDS)[number];

/** Why a field was refused, as codes; the element puts them in words. */
export type FieldProblem =
  | { check: 'pesel'; reason: PeselReason }
  | { check: 'nip'; reason: NipReason }
  | { check: 'pointCode'; reason: PpeReason }
  | { check: 'customerNumber'; reason: CustomerNumberReason }
  | { check: 'email'; reason: EmailReason }
  | { check: 'phone'; reason: PhoneReason }
  | NewPasswordProblem
  | { check: 'repeat'; reason: RepeatProblem }
  | { check: 'terms' };

/** Checks one field as the browser can (checksums, formats, policy); undefined when it is fine. */
export function checkField(field: RegisterField, values: RegisterValues, config: PortalConfig): FieldProblem | undefined {
  switch (field) {
    case 'idNumber': {
      if (values.kind === 'person') {
        const result = validatePesel(values.idNumber);
        return result.valid ? undefined : { check: 'pesel', reason: result.reason };
      }
      const result = validateNip(values.idNumber);
      return result.valid ? undefined : { check: 'nip', reason: result.reason };
    }
    case 'proof': {
      if (values.proofKind === 'pointCode') {
        const result = validatePpe(values.proof, { allowLegacy: config.allowLegacyPointCodes });
        return result.valid ? undefined : { check: 'pointCode', reason: result.reason };
      }
      const result = validateCustomerNumber(values.proof);
      return result.valid ? undefined : { check: 'customerNumber', reason: result.reason };
    }
    case 'email': {
      const result = validateEmail(values.email);
      return result.valid ? undefined : { check: 'email', reason: result.reason };
    }
    case 'phone': {
      if (values.phone.trim() === '') return undefined; // optional
      const result = validatePolishPhone(values.phone);
      return result.valid ? undefined : { check: 'phone', reason: result.reason };
    }
    case 'password':
      return newPasswordProblem(values.password, validatePassword(values.password, config.passwordPolicy));
    case 'passwordRepeat': {
      const reason = repeatProblem(values.password, values.passwordRepeat);
      return reason ? { check: 'repeat', reason } : undefined;
    }
    case 'terms':
      return values.terms ? undefined : { check: 'terms' };
  }
}

/** Every problem of the form, in the order of the fields. */
export function checkAll(values: RegisterValues, config: PortalConfig): Partial<Record<RegisterField, FieldProblem>> {
  const problems: Partial<Record<RegisterField, FieldProblem>> = {};
  for (const field of FIELDS) {
    const problem = checkField(field, values, config);
    if (problem) problems[field] = problem;
  }
  return problems;
}

/**
 * The request body, with every value normalized as the contract wants it (PESEL/NIP/PPE without spaces, the
 * phone as +48…, the e-mail trimmed), or undefined when a field is wrong.
 */
/** `marketing`: the ids of the marketing consents ticked (each of `config.marketingConsents` separately). */
export function registerBody(values: RegisterValues, config: PortalConfig, marketing: readonly string[] = []): RegisterRequest | undefined {
  if (Object.keys(checkAll(values, config)).length > 0) return undefined;
  const id = values.kind === 'person' ? validatePesel(values.idNumber) : validateNip(values.idNumber);
  const proof = values.proofKind === 'pointCode' ? validatePpe(values.proof, { allowLegacy: config.allowLegacyPointCodes }) : validateCustomerNumber(values.proof);
  const email = validateEmail(values.email);
  const phone = values.phone.trim() === '' ? undefined : validatePolishPhone(values.phone);
  if (!id.valid || !proof.valid || !email.valid || (phone && !phone.valid)) return undefined;
  return {
    ...(values.kind === 'person' ? { pesel: id.value } : { nip: id.value }),
    ...(values.proofKind === 'pointCode' ? { pointCode: proof.value } : { customerNumber: proof.value }),
    email: email.value,
    ...(phone?.valid ? { phone: phone.value } : {}),
    password: values.password,
    consents: { terms: values.terms, marketing: config.marketingConsents.map((c) => c.id).filter((id) => marketing.includes(id)), eInvoice: values.eInvoice || config.eInvoiceRequired },
  };
}

/** The field of the form a server error points at (`/pesel`, `/consents/terms` …); undefined when none. */
export function fieldOfPointer(pointer: string): RegisterField | undefined {
  const map: Record<string, RegisterField> = {
    '/pesel': 'idNumber',
    '/nip': 'idNumber',
    '/customerNumber': 'proof',
    '/pointCode': 'proof',
    '/email': 'email',
    '/phone': 'phone',
    '/password': 'password',
    '/consents': 'terms',
    '/consents/terms': 'terms',
  };
  return map[pointer];
}
