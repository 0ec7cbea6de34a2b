/**
 * fast-check generators of valid identifiers for the validation tests. Each computes its check digits
 * with its own small oracle, written differently from src/validation (Date for calendars, BigInt for
 * mod 97, weights from the left for GS1), so a test does not check the implementation against itself.
 */
import fc from 'fast-check';

/** Runs for the properties that matter most (checksums, date rules); the default of 100 elsewhere. */
export const MANY = { numRuns: 1000 } as const;

export const digit = fc.integer({ min: 0, max: 9 });
export const digitString = (length: number) =>
  fc.array(digit, { minLength: length, maxLength: length }).map((digits) => digits.join(''));

/** `text` with the digit at `index` moved on by `delta` (1–9), so it surely differs. */
export function changeDigit(text: string, index: number, delta: number): string {
  const old = Number(text[index]);
  return text.slice(0, index) + String((old + delta) % 10) + text.slice(index + 1);
}

/** Which digit to change and by how much, for a string of `length` digits. */
export const digitChange = (length: number) =>
  fc.record({ index: fc.integer({ min: 0, max: length - 1 }), delta: fc.integer({ min: 1, max: 9 }) });

/** `text` with a separator from `separators` (or none) after each character. */
export const sprinkled = (text: string, separators: readonly string[]) =>
  fc
    .array(fc.constantFrom('', ...separators), { minLength: text.length, maxLength: text.length })
    .map((seps) => [...text].map((ch, i) => ch + (seps[i] ?? '')).join(''));

// ---------------------------------------------------------------------------------------------- PESEL

export interface PeselCase {
  pesel: string;
  date: { year: number; month: number; day: number };
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function peselMonth(year: number, month: number): number {
  if (year < 1900) return month + 80;
  if (year < 2000) return month;
  if (year < 2100) return month + 20;
  if (year < 2200) return month + 40;
  return month + 60;
}

export function peselCheck(first10: string): number {
  const weights = [1, 3, 7, 9];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * (weights[i % 4] ?? 0);
  return (10 - (sum % 10)) % 10;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A valid PESEL for a random date of birth 1800–2299 and a random serial, with that date. */
export const validPesel: fc.Arbitrary<PeselCase> = fc
  .record({
    year: fc.integer({ min: 1800, max: 2299 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayPick: fc.integer({ min: 0, max: 30 }),
    serial: digitString(4),
  })
  .map(({ year, month, dayPick, serial }) => {
    const day = (dayPick % daysInMonth(year, month)) + 1;
    const first10 = two(year % 100) + two(peselMonth(year, month)) + two(day) + serial;
    return { pesel: first10 + String(peselCheck(first10)), date: { year, month, day } };
  });

// ------------------------------------------------------------------------------------------------ NIP

export function nipCheck(first9: string): number {
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  return weights.reduce((sum, weight, i) => sum + weight * Number(first9[i]), 0) % 11;
}

/** A valid NIP: nine random digits and their check digit (bodies whose remainder is 10 are skipped). */
export const validNip: fc.Arbitrary<string> = digitString(9)
  .filter((body) => nipCheck(body) !== 10)
  .map((body) => body + String(nipCheck(body)));

// ------------------------------------------------------------------------------------------------ PPE

/** GS1 check digit, weights read from the left: the digit just before the check digit weighs 3. */
export function gs1Oracle(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * ((body.length - i) % 2 === 1 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** A valid PPE: 590, 14 random digits and the GS1 check digit. */
export const validPpe: fc.Arbitrary<string> = digitString(14).map((rest) => {
  const body = `590${rest}`;
  return body + String(gs1Oracle(body));
});

// --------------------------------------------------------------------------------------- bank account

/** A valid NRB: 24 random digits (sort code and account) and the two IBAN check digits in front. */
export const validNrb: fc.Arbitrary<string> = digitString(24).map((bban) => {
  const check = 98n - (BigInt(`${bban}252100`) % 97n);
  return String(check).padStart(2, '0') + bban;
});

/** The IBAN check, independently: move `PL` + check digits to the end, letters to numbers, mod 97 = 1. */
export const ibanOk = (nrb: string) => BigInt(`${nrb.slice(2)}2521${nrb.slice(0, 2)}`) % 97n === 1n;

// ------------------------------------------------------------------------------------------ any input

/** Text made of what identifiers and their typos are made of, so random inputs reach the deeper checks. */
export const identifierLike: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...'0123456789', ' ', '-', '+', '(', ')', 'P', 'L', 'p', 'l', '@', '.', 'x', '590', '48', '00'), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

/** Anything a user could paste: arbitrary code points (lone surrogates too), graphemes, identifier-like text. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  identifierLike,
);
