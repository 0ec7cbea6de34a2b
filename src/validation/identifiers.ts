/**
 * Polish identifiers a customer types into registration, login and "my data" forms: PESEL, NIP,
 * point-of-delivery code (PPE, a GS1 GSRN), customer number and bank account (NRB / IBAN).
 *
 * The rules are those of the project's domain notes ("Identifiers"). The browser checks them to catch
 * typos early; the server checks them again and decides. Every validator is a pure function that never
 * throws: it answers a {@link ValidationResult} whose `value` is the normalized identifier (send that to
 * the API, not the raw input: the contract's patterns allow no spaces) or whose `reason` is a stable code.
 */
import {
  asText,
  DASHES,
  digitsOf,
  DIGITS_ONLY,
  invalid,
  SPACES,
  weightedSum,
  type Invalid,
  type ValidationResult,
} from './result.js';

// ---------------------------------------------------------------------------------------------- PESEL

/** Why a PESEL was refused: nothing typed, not 11 digits, wrong check digit, or a date that does not exist. */
export type PeselReason = 'empty' | 'format' | 'checksum' | 'date';
export type PeselResult = ValidationResult<PeselReason>;

/** A date of birth encoded in a PESEL (month 1–12, day 1–31). */
export interface PeselBirthDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

/**
 * The century a PESEL month encodes, by `Math.floor(month / 20)`: months 1–12 are the 1900s, +20 the
 * 2000s, +40 the 2100s, +60 the 2200s and +80 the 1800s.
 */
const PESEL_CENTURIES = [1900, 2000, 2100, 2200, 1800] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the Gregorian calendar (month 1–12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The date encoded in the first six digits of 11 digits, or `undefined` when it does not exist. */
function decodePeselDate(digits: readonly number[]): PeselBirthDate | undefined {
  const [y1 = 0, y2 = 0, m1 = 0, m2 = 0, d1 = 0, d2 = 0] = digits;
  const encodedMonth = m1 * 10 + m2;
  const century = PESEL_CENTURIES[Math.floor(encodedMonth / 20)];
  if (century === undefined) return undefined;
  const year = century + y1 * 10 + y2;
  const month = encodedMonth % 20;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * Checks a PESEL: 11 digits (surrounding and inner whitespace is ignored), check digit
 * `(10 - sum mod 10) mod 10` with weights 1,3,7,9,1,3,7,9,1,3, and a date of birth that exists.
 * The check digit is tested before the date, so a mistyped digit is reported as `checksum`.
 * A birth date in the future is not refused: that needs today's date, and these functions are pure.
 */
export function validatePesel(value: string | null | undefined): PeselResult {
  const text = asText(value).replace(SPACES, '');
  if (text === '') return invalid('empty');
  if (text.length !== 11 || !DIGITS_ONLY.test(text)) return invalid('format');
  const digits = digitsOf(text);
  const check = (10 - (weightedSum(digits, PESEL_WEIGHTS) % 10)) % 10;
  if (check !== digits[10]) return invalid('checksum');
  if (decodePeselDate(digits) === undefined) return invalid('date');
  return { valid: true, value: text };
}

/**
 * The date of birth in a PESEL, or `undefined` unless {@link validatePesel} accepts it: a date read from
 * a mistyped number would be a wrong date, so none is given.
 */
export function peselBirthDate(value: string | null | undefined): PeselBirthDate | undefined {
  const result = validatePesel(value);
  return result.valid ? decodePeselDate(digitsOf(result.value)) : undefined;
}

// ------------------------------------------------------------------------------------------------ NIP

/** Why a NIP was refused: nothing typed, not 10 digits, or wrong check digit (including a remainder of 10). */
export type NipReason = 'empty' | 'format' | 'checksum';
export type NipResult = ValidationResult<NipReason>;

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

/**
 * A NIP as typed, reduced to what the checks read: whitespace and dashes removed, and a leading `PL`
 * (any case) removed when a digit follows it. It does not check anything. For `PL 856-734-62-15` it
 * answers `8567346215`. It is idempotent, `normalizeNip(normalizeNip(x)) === normalizeNip(x)`: that is
 * why only a `PL` before a digit goes (`PLPL1…` stays as it is instead of losing one `PL` per call).
 */
export function normalizeNip(value: string | null | undefined): string {
  return asText(value).replace(SPACES, '').replace(DASHES, '').replace(/^pl(?=[0-9])/i, '');
}

/**
 * Checks a NIP: 10 digits after {@link normalizeNip}, weights 6,5,7,2,3,4,5,6,7 on the first nine,
 * `sum mod 11` equal to the last digit; a remainder of 10 is never valid.
 *
 * A NIP of ten zeros passes this checksum; real NIPs begin with a tax office code (never 0), but the
 * rule is left to the server, as the domain notes do not state it.
 */
export function validateNip(value: string | null | undefined): NipResult {
  const text = normalizeNip(value);
  if (text === '') return invalid('empty');
  if (text.length !== 10 || !DIGITS_ONLY.test(text)) return invalid('format');
  const digits = digitsOf(text);
  const remainder = weightedSum(digits, NIP_WEIGHTS) % 11;
  if (remainder === 10 || remainder !== digits[9]) return invalid('checksum');
  return { valid: true, value: text };
}

// ------------------------------------------------------------------------------------------------ PPE

/**
 * Why a point-of-delivery code was refused: nothing typed; `format` (neither an 18-digit GSRN nor, when
 * legacy codes are allowed, a legacy code); `prefix` (18 digits that do not start with 590, the GS1
 * prefix of Poland); `checksum` (wrong GS1 check digit).
 */
export type PpeReason = 'empty' | 'format' | 'prefix' | 'checksum';

/** An accepted point-of-delivery code: `gsrn` (18 digits, 590…) or `legacy` (an older format). */
export type PpeResult =
  | { readonly valid: true; readonly value: string; readonly kind: 'gsrn' | 'legacy' }
  | Invalid<PpeReason>;

export interface PpeOptions {
  /** Accept older, non-GS1 codes (the portal configuration's `allowLegacyPointCodes`). Default `false`. */
  readonly allowLegacy?: boolean;
}

/** An older point code: 6–32 ASCII letters and digits (after whitespace is removed). */
const LEGACY_POINT_CODE = /^[A-Za-z0-9]{6,32}$/;

/**
 * The GS1 mod-10 check digit of `body` (the digits without the check digit): weights 3,1,3,1… from the
 * right, check = `(10 - sum mod 10) mod 10`. For a PPE (GSRN) the body is the first 17 digits; the same
 * algorithm serves every GS1 key (GTIN, SSCC …), so any length is accepted.
 *
 * @throws RangeError when `body` is empty or holds anything but ASCII digits (a programming error:
 *   validate user input with {@link validatePpe}, which never throws).
 */
export function gs1CheckDigit(body: string): number {
  if (!DIGITS_ONLY.test(body)) throw new RangeError('gs1CheckDigit: the body must be one or more digits');
  const digits = digitsOf(body);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const fromRight = digits.length - 1 - i;
    sum += (digits[i] ?? 0) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Checks a point-of-delivery code (PPE). Whitespace is removed. An 18-digit code must be a GSRN: it starts
 * with 590 and its last digit is the {@link gs1CheckDigit} of the first 17. This holds even when legacy
 * codes are allowed (as on the reference server): 18 digits are taken for a GSRN, so a typo in one is
 * still caught. With `allowLegacy`, any other code of 6–32 ASCII letters and digits is accepted as
 * `legacy` (letters upper-cased); without it, only GSRNs are.
 */
export function validatePpe(value: string | null | undefined, options: PpeOptions = {}): PpeResult {
  const { allowLegacy = false } = options;
  const text = asText(value).replace(SPACES, '');
  if (text === '') return invalid('empty');
  if (text.length === 18 && DIGITS_ONLY.test(text)) {
    if (!text.startsWith('590')) return invalid('prefix');
    if (gs1CheckDigit(text.slice(0, 17)) !== Number(text[17])) return invalid('checksum');
    return { valid: true, value: text, kind: 'gsrn' };
  }
  if (allowLegacy && LEGACY_POINT_CODE.test(text)) return { valid: true, value: text.toUpperCase(), kind: 'legacy' };
  return invalid('format');
}

// ------------------------------------------------------------------------------------ customer number

/** Why a customer number was refused: nothing typed, characters other than digits and dashes, or length. */
export type CustomerNumberReason = 'empty' | 'format' | 'length';
export type CustomerNumberResult = ValidationResult<CustomerNumberReason>;

/** Groups of digits joined by single dashes: `1200345678`, `12-0034-5678`. */
const CUSTOMER_NUMBER = /^[0-9]+(?:-[0-9]+)*$/;

/**
 * Checks a customer number, leniently because every utility numbers its customers differently: digits,
 * optionally in groups joined by single dashes, 4–20 characters counting the dashes. Whitespace is removed
 * and look-alike dashes become `-`; the dashes are kept, as a utility's system may expect them.
 */
export function validateCustomerNumber(value: string | null | undefined): CustomerNumberResult {
  const text = asText(value).replace(SPACES, '').replace(DASHES, '-');
  if (text === '') return invalid('empty');
  if (!CUSTOMER_NUMBER.test(text)) return invalid('format');
  if (text.length < 4 || text.length > 20) return invalid('length');
  return { valid: true, value: text };
}

// ------------------------------------------------------------------------------------------ bank account

/**
 * Why a bank account was refused: nothing typed; `format` (not 26 digits, with or without `PL`);
 * `country` (an IBAN of another country); `checksum` (ISO 7064 mod 97 is not 1).
 */
export type BankAccountReason = 'empty' | 'format' | 'country' | 'checksum';

/** An accepted Polish account: `value` is the electronic IBAN (`PL` + 26 digits), `nrb` the 26 digits. */
export type BankAccountResult =
  | { readonly valid: true; readonly value: string; readonly nrb: string }
  | Invalid<BankAccountReason>;

/** `PL` as ISO 13616 turns letters into digits (A = 10 … Z = 35): P = 25, L = 21. */
const PL_AS_DIGITS = '2521';

/** The remainder mod 97 of a long string of digits, one digit at a time (no BigInt needed). */
function mod97(digits: string): number {
  let remainder = 0;
  for (const ch of digits) remainder = (remainder * 10 + ch.charCodeAt(0) - 48) % 97;
  return remainder;
}

/**
 * Checks a Polish bank account: an NRB of 26 digits or an IBAN `PL` + 26 digits (whitespace removed,
 * `pl` accepted); the IBAN check (ISO 7064 mod 97-10) must give 1. The eight-digit bank sort code inside
 * the NRB has its own check digit, which is not tested here (the IBAN check already catches any single
 * mistyped digit).
 */
export function validateBankAccount(value: string | null | undefined): BankAccountResult {
  const text = asText(value).replace(SPACES, '').toUpperCase();
  if (text === '') return invalid('empty');
  let nrb = text;
  if (/^[A-Z]{2}/.test(text)) {
    if (!text.startsWith('PL')) return invalid('country');
    nrb = text.slice(2);
  }
  if (nrb.length !== 26 || !DIGITS_ONLY.test(nrb)) return invalid('format');
  if (mod97(nrb.slice(2) + PL_AS_DIGITS + nrb.slice(0, 2)) !== 1) return invalid('checksum');
  return { valid: true, value: `PL${nrb}`, nrb };
}
