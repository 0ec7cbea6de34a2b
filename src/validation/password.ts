/**
 * Passwords: the utility's policy (from the portal configuration) and a strength estimate for a meter.
 * Pure functions; no user-facing text.
 */
import type { components } from '../api/schema.js';
import { asText } from './result.js';

/** The contract's password policy (`PortalConfig.passwordPolicy`). */
export type PasswordPolicy = components['schemas']['PasswordPolicy'];

/**
 * A rule of the policy that a password does not meet. They match the server's field error codes
 * `password_too_short`, `password_too_long`, `password_missing_upper` … without the prefix.
 */
export type PasswordRule = 'too_short' | 'too_long' | 'needs_upper' | 'needs_lower' | 'needs_digit' | 'needs_special';

/** An upper-case letter of any script: `A`, `Ą`, `Ł`, `Ż` … */
const UPPER = /\p{Lu}/u;
/** A lower-case letter of any script: `a`, `ą`, `ł`, `ż` … */
const LOWER = /\p{Ll}/u;
/** An ASCII digit, as the server counts them. */
const DIGIT = /[0-9]/;
/** Anything that is neither a letter nor an ASCII digit: punctuation, symbols, spaces, emoji. */
const SPECIAL = /[^\p{L}0-9]/u;

/**
 * The rules of `policy` that `value` does not meet, in a fixed order (length first, then the character
 * classes); an empty list means the password is acceptable. Lengths count Unicode code points, so `ł`
 * and `😀` are one character each. The character classes are those the reference server uses: letters of
 * any script (`Ą` is upper case, `ą` lower case), ASCII digits, and as special anything else, a space
 * included. The password is not trimmed or normalized: it is checked as it will be sent.
 */
export function validatePassword(value: string | null | undefined, policy: PasswordPolicy): PasswordRule[] {
  const text = asText(value);
  const length = [...text].length;
  const unmet: PasswordRule[] = [];
  if (length < policy.minLength) unmet.push('too_short');
  if (length > policy.maxLength) unmet.push('too_long');
  if (policy.requireUpper && !UPPER.test(text)) unmet.push('needs_upper');
  if (policy.requireLower && !LOWER.test(text)) unmet.push('needs_lower');
  if (policy.requireDigit && !DIGIT.test(text)) unmet.push('needs_digit');
  if (policy.requireSpecial && !SPECIAL.test(text)) unmet.push('needs_special');
  return unmet;
}

// ------------------------------------------------------------------------------------------- strength

/** How strong a password looks: 0 very weak, 1 weak, 2 fair, 3 strong, 4 very strong. */
export type PasswordStrength = 0 | 1 | 2 | 3 | 4;

/**
 * Words and keyboard runs that people put in passwords, in lower case: English and Polish favourites and
 * the QWERTY/QWERTZ/AZERTY rows. Counting runs (`1234`, `abcd`) and repeats are found by rule, not listed.
 */
const COMMON_PARTS = [
  'password',
  'passw0rd',
  'haslo',
  'hasło',
  'has1o',
  'qwerty',
  'qwertz',
  'azerty',
  'asdf',
  'zxcv',
  'qazwsx',
  'zaq12wsx',
  'zaq1',
  '1qaz',
  'admin',
  'polska',
  'kochanie',
  'misiek',
  'alamakota',
  'letmein',
  'welcome',
  'iloveyou',
].map((word) => [...word]);

/** Sizes of the character classes, as an attacker who knows which classes are used would guess. */
const POOL = { lower: 26, upper: 26, digit: 10, other: 33 } as const;

/** Minimum bits of (estimated) entropy for strengths 1, 2, 3 and 4. */
const THRESHOLDS = [28, 36, 60, 80] as const;

/** Below this many characters no password is more than "weak": no policy in the contract allows fewer. */
const SHORT = 8;

/**
 * A simple, explainable strength estimate for a meter beside the password field. It is a hint, not a
 * rule: the policy is {@link validatePassword}, and the server also refuses known breached passwords.
 *
 * 1. Characters are code points (NFC), compared case-insensitively.
 * 2. Predictable characters do not count: a repeat of the previous character (`aaa`), the continuation
 *    of a counting run (`123`, `cba`, the third character on), and everything after the first character
 *    of a common word or keyboard run (`hasło`, `password`, `qwerty`, `zaq12wsx` …).
 * 3. The characters that count are multiplied by log2 of the pool of the classes used (lower 26, upper 26,
 *    digits 10, anything else 33): an entropy estimate in bits.
 * 4. Bits map to a score: under 28 → 0, under 36 → 1, under 60 → 2, under 80 → 3, else 4; a password
 *    shorter than 8 characters scores at most 1, and the empty password 0.
 *
 * For example `hasło123` 0, `Kot2024!` 2, `mkwprtzsdl` 2, `słoneczny-poranek-nad-odrą` 4.
 */
export function passwordStrength(value: string | null | undefined): PasswordStrength {
  const chars = [...asText(value).normalize('NFC')];
  if (chars.length === 0) return 0;
  const lower = chars.map((ch) => ch.toLowerCase());
  const codes = lower.map((ch) => ch.codePointAt(0) ?? 0);

  const predictable = lower.map((ch, i) => {
    if (i >= 1 && ch === lower[i - 1]) return true;
    if (i < 2) return false;
    const step = (codes[i] ?? 0) - (codes[i - 1] ?? 0);
    return (step === 1 || step === -1) && step === (codes[i - 1] ?? 0) - (codes[i - 2] ?? 0);
  });
  for (const word of COMMON_PARTS) {
    for (let start = 0; start + word.length <= lower.length; start++) {
      if (word.every((ch, k) => lower[start + k] === ch)) {
        for (let k = 1; k < word.length; k++) predictable[start + k] = true;
      }
    }
  }
  const counted = predictable.filter((isPredictable) => !isPredictable).length;

  let pool = 0;
  if (chars.some((ch) => LOWER.test(ch))) pool += POOL.lower;
  if (chars.some((ch) => UPPER.test(ch))) pool += POOL.upper;
  if (chars.some((ch) => DIGIT.test(ch))) pool += POOL.digit;
  if (chars.some((ch) => !LOWER.test(ch) && !UPPER.test(ch) && !DIGIT.test(ch))) pool += POOL.other;
  const bits = counted * Math.log2(pool);

  const score = THRESHOLDS.filter((threshold) => bits >= threshold).length as PasswordStrength;
  return chars.length < SHORT ? (Math.min(score, 1) as PasswordStrength) : score;
}
