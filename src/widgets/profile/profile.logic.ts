import type { components } from '../../api/schema.js';
import { validateEmail, validatePolishPhone, type EmailReason, type PhoneReason } from '../../validation/index.js';

export type Profile = components['schemas']['Profile'];
export type Address = components['schemas']['Address'];
export type AddressInput = components['schemas']['AddressInput'];
export type Point = components['schemas']['PointOfDelivery'];

/** The sections of `<ebok-profile>`, each saved on its own. */
export type ProfileSection = 'phone' | 'email' | 'address' | 'password';

/** Whether an answer is a profile the widget can show (a malformed one shows an error instead). */
export function isProfile(value: unknown): value is Profile {
  const p = value as Partial<Profile> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.customerNumber === 'string' &&
    typeof p.displayName === 'string' &&
    typeof p.email === 'string' &&
    typeof p.nationalIdMasked === 'string' &&
    typeof p.correspondenceAddress === 'object' &&
    p.correspondenceAddress !== null
  );
}

/** A phone number as the customer reads it: `+48 601 234 567`. */
export function phoneText(phone: string): string {
  const m = /^\+48(\d{3})(\d{3})(\d{3})$/.exec(phone);
  return m ? `+48 ${m[1]} ${m[2]} ${m[3]}` : phone;
}

/** A phone number said in a notice with most digits hidden: `+48 *** *** 678`. */
export function maskedPhone(phone: string): string {
  return `${phone.slice(0, 3)} *** *** ${phone.slice(-3)}`;
}

// ---------- contact ----------
export type PhoneProblem = { check: 'phone'; reason: PhoneReason } | { check: 'same' };

export function phoneProblem(value: string, current: string | null): PhoneProblem | undefined {
  const result = validatePolishPhone(value);
  if (!result.valid) return { check: 'phone', reason: result.reason };
  return result.value === current ? { check: 'same' } : undefined;
}

export function normalizedPhone(value: string): string | undefined {
  const result = validatePolishPhone(value);
  return result.valid ? result.value : undefined;
}

export type CodeProblem = 'empty' | 'format';

/** The SMS code: six digits (spaces typed between them are dropped). */
export function codeProblem(value: string): CodeProblem | undefined {
  const code = value.replace(/\s/g, '');
  if (code === '') return 'empty';
  return /^\d{6}$/.test(code) ? undefined : 'format';
}

export type EmailProblem = { check: 'email'; reason: EmailReason } | { check: 'same' };

export function emailProblem(value: string, current: string): EmailProblem | undefined {
  const result = validateEmail(value);
  if (!result.valid) return { check: 'email', reason: result.reason };
  return result.value.toLowerCase() === current.toLowerCase() ? { check: 'same' } : undefined;
}

// ---------- correspondence address ----------
export interface AddressValues extends Record<string, string> {
  street: string;
  buildingNumber: string;
  apartmentNumber: string;
  postalCode: string;
  city: string;
}

export const ADDRESS_ORDER = ['street', 'buildingNumber', 'apartmentNumber', 'postalCode', 'city'] as const;

export function addressValues(address: Partial<Address> | undefined): AddressValues {
  return {
    street: address?.street ?? '',
    buildingNumber: address?.buildingNumber ?? '',
    apartmentNumber: address?.apartmentNumber ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
  };
}

export type AddressProblem = 'required' | 'postal_code' | 'too_long';

const MAX: Record<keyof AddressValues, number> = { street: 100, buildingNumber: 20, apartmentNumber: 20, postalCode: 6, city: 100 };

/** A Polish postal code, `NN-NNN` (five digits typed without the dash are taken too). */
export function postalCodeOf(value: string): string | undefined {
  const text = value.trim();
  const m = /^(\d{2})-?(\d{3})$/.exec(text);
  return m ? `${m[1]}-${m[2]}` : undefined;
}

export function addressProblem(name: keyof AddressValues, values: AddressValues): AddressProblem | undefined {
  const value = (values[name] ?? '').trim();
  if ((name === 'buildingNumber' || name === 'city' || name === 'postalCode') && value === '') return 'required';
  if (name === 'postalCode') return postalCodeOf(value) ? undefined : 'postal_code';
  return value.length > (MAX[name] ?? 100) ? 'too_long' : undefined;
}

export function addressBody(values: AddressValues): AddressInput | undefined {
  if (ADDRESS_ORDER.some((name) => addressProblem(name, values))) return undefined;
  const optional = (value: string): string | null => value.trim().replace(/\s+/g, ' ') || null;
  return {
    street: optional(values.street),
    buildingNumber: values.buildingNumber.trim(),
    apartmentNumber: optional(values.apartmentNumber),
    postalCode: postalCodeOf(values.postalCode)!,
    city: values.city.trim().replace(/\s+/g, ' '),
    country: 'PL',
  };
}

/** An address on one line: `ul. Długa 15/7, 31-147 Kraków`. */
export function addressLine(address: Partial<Address>): string {
  const house = [address.buildingNumber, address.apartmentNumber].filter(Boolean).join('/');
  const street = [address.street ?? address.city, house].filter(Boolean).join(' ');
  return [street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** The points whose address can fill the form (each address once). */
export function pointAddresses(points: readonly Point[]): Point[] {
  const seen = new Set<string>();
  return points.filter((p) => {
    if (!p.address || typeof p.address.city !== 'string') return false;
    const key = addressLine(p.address);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
