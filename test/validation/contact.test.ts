import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { validateEmail, validatePolishPhone } from '../../src/validation/index.js';
import { anyText, digitString, MANY, sprinkled } from './generators.js';

describe('validatePolishPhone (validation/contact)', () => {
  it('turns a Polish number into E.164 +48XXXXXXXXX, however it is written', () => {
    const e164 = { valid: true, value: '+48601234567' };
    const writings = ['601234567', '601 234 567', '601-234-567', '+48 601 234 567', '+48601234567', '0048 601 234 567'];
    writings.push(' +48-601-234-567 ');
    for (const value of writings) {
      expect(validatePolishPhone(value), value).to.deep.equal(e164);
    }
    expect(validatePolishPhone('(32) 123 45 67')).to.deep.equal({ valid: true, value: '+48321234567' });
    expect(validatePolishPhone('+48 (32) 123-45-67')).to.deep.equal({ valid: true, value: '+48321234567' });
  });

  it('refuses a number whose first digit is 0, with or without the prefix ("leading_zero")', () => {
    for (const value of ['012345678', '0 32 123 45 67', '+48 0601 234 567', '0601234567']) {
      expect(validatePolishPhone(value), value).to.deep.equal({ valid: false, reason: 'leading_zero' });
    }
  });

  it('refuses a foreign prefix ("country") and anything but 9 digits after the prefix ("format")', () => {
    for (const value of ['+49 30 1234567', '0049301234567', '+1 202 555 0100']) {
      expect(validatePolishPhone(value), value).to.deep.equal({ valid: false, reason: 'country' });
    }
    const malformed = ['60123456', '6012345678', '601 234 56a', '+48', '+', '48601234567', '+48 601 234 567 8'];
    malformed.push('601.234.567', '++48601234567');
    for (const value of malformed) {
      expect(validatePolishPhone(value), value).to.deep.equal({ valid: false, reason: 'format' });
    }
    for (const value of ['', '  ', null, undefined]) expect(validatePolishPhone(value)).to.deep.equal({ valid: false, reason: 'empty' });
  });

  it('accepts every generated Polish number (first digit 1–9) with any prefix and separators', () => {
    const number = fc.tuple(fc.integer({ min: 1, max: 9 }), digitString(8)).map(([first, rest]) => `${first}${rest}`);
    fc.assert(
      fc.property(
        number.chain((n) => fc.tuple(fc.constant(n), fc.constantFrom('', '+48', '0048', '+48 ', '0048-'), sprinkled(n, [' ', '-']))),
        ([n, prefix, written]) => {
          expect(validatePolishPhone(prefix + written)).to.deep.equal({ valid: true, value: `+48${n}` });
        },
      ),
      MANY,
    );
  });

  it('never throws, refuses only with its reason codes, and accepts its own value again (idempotent)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = validatePolishPhone(text);
        if (!result.valid) expect(['empty', 'format', 'country', 'leading_zero']).to.include(result.reason);
        else {
          expect(result.value).to.match(/^\+48[1-9][0-9]{8}$/);
          expect(validatePolishPhone(result.value)).to.deep.equal(result);
        }
      }),
      MANY,
    );
  });
});

describe('validateEmail (validation/contact)', () => {
  it('accepts ordinary addresses, trimmed, with the domain in lower case', () => {
    expect(validateEmail('jan.kowalski@example.com')).to.deep.equal({ valid: true, value: 'jan.kowalski@example.com' });
    expect(validateEmail('  Jan.Kowalski@Example.COM \n')).to.deep.equal({ valid: true, value: 'Jan.Kowalski@example.com' });
    const ordinary = [
      'a+ebok@poczta.onet.pl',
      "o'connor@example.ie",
      'jan_k-1@sub-domain.example.co.uk',
      'x@xn--d1acufc.xn--p1ai',
      'zażółć@gęślą.pl',
    ];
    for (const value of ordinary) {
      expect(validateEmail(value), value).to.deep.equal({ valid: true, value });
    }
  });

  it('refuses the typos it is there to catch ("format")', () => {
    const typos = [
      'jan.kowalski', // no @
      'jan@',
      '@example.com',
      'jan@@example.com',
      'jan@kowalski@example.com',
      'jan kowalski@example.com', // a space
      'jan@example', // no dot in the domain
      'jan@example,com', // a comma for a dot
      'jan@example.c', // a one-letter top-level domain
      'jan@example.123',
      'jan@.example.com',
      'jan@example.com.',
      'jan@example..com',
      'jan@-example.com',
      'jan@example-.com',
      '.jan@example.com',
      'jan.@example.com',
      'jan..kowalski@example.com',
      '"jan kowalski"@example.com', // quoted local parts: RFC-valid, refused on purpose
      'jan@[192.0.2.1]', // address literals: likewise
      'jan@localhost',
      '<jan@example.com>',
    ];
    for (const value of typos) expect(validateEmail(value), value).to.deep.equal({ valid: false, reason: 'format' });
    for (const value of ['', ' \t ', null, undefined]) expect(validateEmail(value)).to.deep.equal({ valid: false, reason: 'empty' });
  });

  it('refuses more than 64 characters before the @ or more than 254 in all ("too_long")', () => {
    expect(validateEmail(`${'a'.repeat(64)}@example.com`)).to.deep.include({ valid: true });
    expect(validateEmail(`${'a'.repeat(65)}@example.com`)).to.deep.equal({ valid: false, reason: 'too_long' });
    const domain = `${['a'.repeat(60), 'b'.repeat(60), 'c'.repeat(60), 'd'.repeat(48)].join('.')}.pl`; // 234 characters
    expect(validateEmail(`${'j'.repeat(19)}@${domain}`), '254 characters').to.deep.include({ valid: true });
    expect(validateEmail(`${'j'.repeat(20)}@${domain}`), '255 characters').to.deep.equal({ valid: false, reason: 'too_long' });
  });

  it("accepts the addresses fast-check's emailAddress() generates, padded with whitespace", () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.constantFrom('', ' ', '\t', '\n '), (email, pad) => {
        const [local = '', domain = ''] = email.split('@');
        expect(validateEmail(pad + email + pad)).to.deep.equal({ valid: true, value: `${local}@${domain.toLowerCase()}` });
      }),
      MANY,
    );
  });

  it('refuses any address with whitespace inside it', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.nat(), fc.constantFrom(' ', '\t', '\u00a0'), (email, at, space) => {
        const i = 1 + (at % (email.length - 1));
        expect(validateEmail(email.slice(0, i) + space + email.slice(i)).valid).to.equal(false);
      }),
    );
  });

  it('never throws, refuses only with its reason codes, and accepts its own value again (idempotent)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.emailAddress().map((e) => e.toUpperCase())), (text) => {
        const result = validateEmail(text);
        if (!result.valid) expect(['empty', 'format', 'too_long']).to.include(result.reason);
        else expect(validateEmail(result.value)).to.deep.equal(result);
      }),
      MANY,
    );
  });
});
