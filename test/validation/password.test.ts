import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { passwordStrength, validatePassword, type PasswordPolicy, type PasswordRule } from '../../src/validation/index.js';
import { anyText, MANY } from './generators.js';

const STRICT: PasswordPolicy = {
  minLength: 8,
  maxLength: 64,
  requireUpper: true,
  requireLower: true,
  requireDigit: true,
  requireSpecial: true,
};
const LENGTH_ONLY: PasswordPolicy = { ...STRICT, requireUpper: false, requireLower: false, requireDigit: false, requireSpecial: false };

/** Characters of each class, Polish letters among them. */
const CLASS_CHARS = {
  upper: [...'ABCXYZĄĆĘŁŃÓŚŹŻ'],
  lower: [...'abcxyząćęłńóśźż'],
  digit: [...'0123456789'],
  special: [...'!@#$%^&*()-_=+[]{};:,.<>/?~ ', '😀', '€'],
} as const;
type CharClass = keyof typeof CLASS_CHARS;

const RULE_OF: Record<CharClass, PasswordRule> = {
  upper: 'needs_upper',
  lower: 'needs_lower',
  digit: 'needs_digit',
  special: 'needs_special',
};

const policy: fc.Arbitrary<PasswordPolicy> = fc.record({
  minLength: fc.integer({ min: 8, max: 24 }),
  maxLength: fc.integer({ min: 64, max: 256 }),
  requireUpper: fc.boolean(),
  requireLower: fc.boolean(),
  requireDigit: fc.boolean(),
  requireSpecial: fc.boolean(),
});

const required = (p: PasswordPolicy): CharClass[] =>
  (['upper', 'lower', 'digit', 'special'] as const).filter(
    (c) => ({ upper: p.requireUpper, lower: p.requireLower, digit: p.requireDigit, special: p.requireSpecial })[c],
  );

/** A policy and a password that meets it: one character of each required class, filled up to the minimum and beyond. */
const policyAndPassword = policy.chain((p) =>
  fc
    .tuple(
      fc.tuple(...required(p).map((c) => fc.constantFrom(...CLASS_CHARS[c]))),
      fc.array(fc.constantFrom(...CLASS_CHARS.lower, ...CLASS_CHARS.upper, ...CLASS_CHARS.digit, ...CLASS_CHARS.special), {
        minLength: p.minLength,
        maxLength: p.minLength + 20,
      }),
    )
    .chain(([must, filler]) => fc.shuffledSubarray([...must, ...filler], { minLength: must.length + filler.length }))
    .map((chars) => ({ policy: p, password: chars.join('') })),
);

describe('validatePassword (validation/password)', () => {
  it('accepts a password meeting every rule, Polish letters included', () => {
    expect(validatePassword('Zażółć1!', STRICT)).to.deep.equal([]);
    expect(validatePassword('ŁódźKaliska 2024', STRICT), 'a space is a special character').to.deep.equal([]);
  });

  it('lists every unmet rule in a fixed order', () => {
    expect(validatePassword('', STRICT)).to.deep.equal(['too_short', 'needs_upper', 'needs_lower', 'needs_digit', 'needs_special']);
    expect(validatePassword(undefined, STRICT)).to.deep.equal(['too_short', 'needs_upper', 'needs_lower', 'needs_digit', 'needs_special']);
    expect(validatePassword('zażółćgęślą', STRICT)).to.deep.equal(['needs_upper', 'needs_digit', 'needs_special']);
  });

  it('counts Polish letters as letters of their case: Ą is upper case, ą lower case, neither special', () => {
    expect(validatePassword('ĄĘŁŃÓŚŹŻ1!', STRICT)).to.deep.equal(['needs_lower']);
    expect(validatePassword('ąęłńóśźż1!', STRICT)).to.deep.equal(['needs_upper']);
    expect(validatePassword('Ąęłńóśźż12', STRICT)).to.deep.equal(['needs_special']);
  });

  it('counts code points, not UTF-16 units: 64 emoji fit a maximum of 64, 65 do not', () => {
    expect(validatePassword('😀'.repeat(64), LENGTH_ONLY)).to.deep.equal([]);
    expect(validatePassword('😀'.repeat(65), LENGTH_ONLY)).to.deep.equal(['too_long']);
    expect(validatePassword('łłłłłłł', LENGTH_ONLY), '7 letters').to.deep.equal(['too_short']);
    expect(validatePassword('😀😀😀😀', { ...LENGTH_ONLY, minLength: 4 }), '4 emoji are 8 UTF-16 units').to.deep.equal([]);
  });

  it('accepts passwords generated to meet a random policy', () => {
    fc.assert(
      fc.property(policyAndPassword, ({ policy: p, password }) => {
        expect(validatePassword(password, p)).to.deep.equal([]);
      }),
      MANY,
    );
  });

  it('refuses, with exactly that rule, a password whose required class was taken out', () => {
    fc.assert(
      fc.property(policyAndPassword, fc.nat(), ({ policy: p, password }, pick) => {
        const classes = required(p);
        fc.pre(classes.length > 0);
        const removed = classes[pick % classes.length]!;
        const members = new Set<string>(CLASS_CHARS[removed]);
        const pad = removed === 'lower' ? 'X' : 'x';
        let rest = [...password].filter((ch) => !members.has(ch)).join('');
        while ([...rest].length < p.minLength) rest += pad;
        expect(validatePassword(rest, p)).to.deep.equal([RULE_OF[removed]]);
      }),
      MANY,
    );
  });

  it('refuses a password one code point short of the minimum or over the maximum', () => {
    fc.assert(
      fc.property(policy, fc.constantFrom('a', 'ł', '😀'), (p, ch) => {
        const lengths = { ...LENGTH_ONLY, minLength: p.minLength, maxLength: p.maxLength };
        expect(validatePassword(ch.repeat(p.minLength - 1), lengths)).to.deep.equal(['too_short']);
        expect(validatePassword(ch.repeat(p.minLength), lengths)).to.deep.equal([]);
        expect(validatePassword(ch.repeat(p.maxLength), lengths)).to.deep.equal([]);
        expect(validatePassword(ch.repeat(p.maxLength + 1), lengths)).to.deep.equal(['too_long']);
      }),
    );
  });

  it('never throws on any input, and lists only known rules', () => {
    const rules: PasswordRule[] = ['too_short', 'too_long', 'needs_upper', 'needs_lower', 'needs_digit', 'needs_special'];
    fc.assert(
      fc.property(anyText, policy, (text, p) => {
        for (const rule of validatePassword(text, p)) expect(rules).to.include(rule);
      }),
    );
  });
});

describe('passwordStrength (validation/password)', () => {
  it('scores the examples its documentation gives', () => {
    expect(passwordStrength('hasło123')).to.equal(0);
    expect(passwordStrength('Kot2024!')).to.equal(2);
    expect(passwordStrength('mkwprtzsdl')).to.equal(2);
    expect(passwordStrength('słoneczny-poranek-nad-odrą')).to.equal(4);
  });

  it('scores the empty password and common passwords 0', () => {
    const weak = ['', null, undefined, 'password', 'Password1!', 'Hasło123', 'haslo1234', 'qwerty123', 'zaq12wsx'];
    weak.push('Qwerty123456!', '1234567890', 'aaaaaaaaaaaaaaaa', 'abcdefghijklmnop');
    for (const value of weak) {
      expect(passwordStrength(value), String(value)).to.equal(0);
    }
  });

  it('scores long random-looking passwords and pass phrases 3 or more', () => {
    expect(passwordStrength('Zx9#kT2!mQ7$')).to.equal(3);
    expect(passwordStrength('correct horse battery staple')).to.equal(4);
    expect(passwordStrength('Wiosną-w-Gliwicach-pada-7-razy')).to.equal(4);
  });

  it('answers an integer from 0 to 4 for any input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect([0, 1, 2, 3, 4]).to.include(passwordStrength(text));
      }),
      MANY,
    );
  });

  it('never scores a password shorter than 8 characters above 1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 7 }), (text) => {
        fc.pre([...text.normalize('NFC')].length < 8);
        expect(passwordStrength(text)).to.be.at.most(1);
      }),
    );
  });

  it('scores one character repeated any number of times 0', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.integer({ min: 1, max: 200 }), (ch, times) => {
        expect(passwordStrength(ch.repeat(times))).to.equal(0);
      }),
    );
  });

  it('scores a common word with a counting suffix 0, in any letter case', () => {
    const word = fc.mixedCase(fc.constantFrom('password', 'haslo', 'hasło', 'qwerty', 'polska', 'kochanie', 'admin'));
    const suffix = fc.integer({ min: 0, max: 9 }).map((n) => '1234567890'.slice(0, n));
    fc.assert(
      fc.property(word, suffix, fc.constantFrom('', '!', '.'), (w, s, mark) => {
        expect(passwordStrength(w + s + mark)).to.equal(0);
      }),
    );
  });
});
