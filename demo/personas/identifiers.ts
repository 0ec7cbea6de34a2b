/**
 * Identifiers of the demo world made with src/validation, the project's one implementation of their rules: a
 * check digit is never computed here, it is the digit the validator accepts (or, for GS1, its own
 * `gs1CheckDigit`). A fixed identifier is checked the same way, so a typo in the demo data fails at load.
 */
import { gs1CheckDigit, peselBirthDate, validateBankAccount, validateNip, validatePesel, validatePpe } from '../../src/validation/index.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The first of `candidates` that `accepts`, or a RangeError naming what was asked. */
function firstAccepted(candidates: readonly string[], accepts: (candidate: string) => boolean, what: string): string {
  const found = candidates.find(accepts);
  if (found === undefined) throw new RangeError(`No valid ${what}`);
  return found;
}

const DIGITS = Array.from({ length: 10 }, (_, d) => String(d));

/**
 * A PESEL for a date of birth and a four-digit serial (its last digit is odd for men, even for women). The
 * month encodes the century; the encoding that `peselBirthDate` reads back as `year` is taken.
 */
export function makePesel(year: number, month: number, day: number, serial: number): string {
  const candidates = [0, 20, 40, 60, 80].flatMap((offset) =>
    DIGITS.map((check) => `${pad(year % 100, 2)}${pad(month + offset, 2)}${pad(day, 2)}${pad(serial, 4)}${check}`),
  );
  return firstAccepted(candidates, (c) => validatePesel(c).valid && peselBirthDate(c)?.year === year, `PESEL for ${year}-${month}-${day}/${serial}`);
}

/** A GSRN point-of-delivery code (PPE / PPG): Poland's GS1 prefix 5902438, a 10-digit serial, the GS1 check digit. */
export function makeGsrn(serial: number): string {
  const body = `5902438${pad(serial, 10)}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** An NRB (26 digits) for a bank's eight-digit sort code and a 16-digit account number: the check digits the IBAN check accepts. */
export function makeNrb(sortCode: string, account: string): string {
  const candidates = Array.from({ length: 100 }, (_, n) => `${pad(n, 2)}${sortCode}${account}`);
  return firstAccepted(candidates, (c) => validateBankAccount(c).valid, `NRB for ${sortCode} ${account}`);
}

/** `value` when `validate` accepts it, else a RangeError: fixed identifiers of the demo are checked too. */
export function checked(value: string, validate: (value: string) => { valid: boolean }, what: string): string {
  if (!validate(value).valid) throw new RangeError(`The demo ${what} ${value} is not valid`);
  return value;
}

export const checkedPesel = (value: string): string => checked(value, validatePesel, 'PESEL');
export const checkedNip = (value: string): string => checked(value, validateNip, 'NIP');
export const checkedPpe = (value: string): string => checked(value, validatePpe, 'PPE');
