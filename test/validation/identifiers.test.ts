import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  gs1CheckDigit,
  normalizeNip,
  peselBirthDate,
  validateBankAccount,
  validateCustomerNumber,
  validateNip,
  validatePesel,
  validatePpe,
} from '../../src/validation/index.js';
import {
  anyText,
  changeDigit,
  digitChange,
  digitString,
  gs1Oracle,
  ibanOk,
  identifierLike,
  MANY,
  nipCheck,
  peselCheck,
  sprinkled,
  validNip,
  validNrb,
  validPesel,
  validPpe,
} from './generators.js';

describe('validatePesel and peselBirthDate (validation/identifiers)', () => {
  it('accepts the DOMAIN.md vectors 44051401359 and 02211307589 and reads their dates of birth', () => {
    expect(validatePesel('44051401359')).to.deep.equal({ valid: true, value: '44051401359' });
    expect(validatePesel('02211307589')).to.deep.equal({ valid: true, value: '02211307589' });
    expect(peselBirthDate('44051401359')).to.deep.equal({ year: 1944, month: 5, day: 14 });
    expect(peselBirthDate('02211307589')).to.deep.equal({ year: 2002, month: 1, day: 13 });
  });

  it('refuses the DOMAIN.md vector 44051401358 for its check digit, and gives it no date', () => {
    expect(validatePesel('44051401358')).to.deep.equal({ valid: false, reason: 'checksum' });
    expect(peselBirthDate('44051401358')).to.equal(undefined);
  });

  it('ignores whitespace around and inside a PESEL, and answers the bare digits', () => {
    expect(validatePesel(' 440514 01359\u00a0')).to.deep.equal({ valid: true, value: '44051401359' });
  });

  it('calls nothing typed "empty", and the wrong length or a non-digit "format"', () => {
    for (const value of ['', '   ', null, undefined]) expect(validatePesel(value)).to.deep.equal({ valid: false, reason: 'empty' });
    for (const value of ['4405140135', '440514013590', '4405140135X', '44-05-14-01359']) {
      expect(validatePesel(value), value).to.deep.equal({ valid: false, reason: 'format' });
    }
  });

  it('refuses a PESEL whose check digit is right but whose date does not exist ("date")', () => {
    const withCheck = (first10: string) => first10 + String(peselCheck(first10));
    expect(validatePesel(withCheck('0002300000')), '30 February').to.deep.equal({ valid: false, reason: 'date' });
    expect(validatePesel(withCheck('0022290000')), '29 February 2000 (a leap year)').to.deep.include({ valid: true });
    expect(validatePesel(withCheck('0002290000')), '29 February 1900').to.deep.equal({ valid: false, reason: 'date' });
    expect(validatePesel(withCheck('0042290000')), '29 February 2100').to.deep.equal({ valid: false, reason: 'date' });
    expect(validatePesel(withCheck('4413010000')), 'month 13').to.deep.equal({ valid: false, reason: 'date' });
    expect(validatePesel(withCheck('4400010000')), 'month 0').to.deep.equal({ valid: false, reason: 'date' });
    expect(validatePesel(withCheck('4405000000')), 'day 0').to.deep.equal({ valid: false, reason: 'date' });
    expect(validatePesel(withCheck('4404310000')), '31 April').to.deep.equal({ valid: false, reason: 'date' });
  });

  it('decodes each century offset: +80 1800s, 0 1900s, +20 2000s, +40 2100s, +60 2200s', () => {
    const withCheck = (first10: string) => first10 + String(peselCheck(first10));
    expect(peselBirthDate(withCheck('9992310000'))).to.deep.equal({ year: 1899, month: 12, day: 31 });
    expect(peselBirthDate(withCheck('0001010000'))).to.deep.equal({ year: 1900, month: 1, day: 1 });
    expect(peselBirthDate(withCheck('9932310000'))).to.deep.equal({ year: 2099, month: 12, day: 31 });
    expect(peselBirthDate(withCheck('0041010000'))).to.deep.equal({ year: 2100, month: 1, day: 1 });
    expect(peselBirthDate(withCheck('9972310000'))).to.deep.equal({ year: 2299, month: 12, day: 31 });
  });

  it('accepts every generated PESEL (any date 1800–2299, any serial) and reads back its date', () => {
    fc.assert(
      fc.property(validPesel, ({ pesel, date }) => {
        expect(validatePesel(pesel)).to.deep.equal({ valid: true, value: pesel });
        expect(peselBirthDate(pesel)).to.deep.equal(date);
      }),
      MANY,
    );
  });

  it('accepts a PESEL with a right check digit exactly when its date exists: every YY and MM, days 0, 1, 28–32 and 99', () => {
    const centuryOf = [1900, 2000, 2100, 2200, 1800];
    const two = (n: number) => String(n).padStart(2, '0');
    let accepted = 0;
    for (let mm = 0; mm < 100; mm++) {
      for (let yy = 0; yy < 100; yy++) {
        const year = centuryOf[Math.floor(mm / 20)]! + yy;
        const month = mm % 20;
        for (const dd of [0, 1, 28, 29, 30, 31, 32, 99]) {
          const first10 = `${two(yy)}${two(mm)}${two(dd)}0000`;
          const pesel = first10 + String(peselCheck(first10));
          const date = new Date(Date.UTC(year, month - 1, dd));
          const exists = month >= 1 && month <= 12 && dd >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === dd;
          const result = validatePesel(pesel);
          if (result.valid !== exists) expect(result, `${pesel}: ${year}-${month}-${dd}`).to.deep.equal({ valid: exists });
          if (!result.valid) expect(result.reason, pesel).to.equal('date');
          if (exists) accepted++;
        }
      }
    }
    expect(accepted, 'the 1st and the last days of every month 1800–2299').to.equal(26621);
  });

  it('refuses a PESEL with a changed digit (for its checksum or its date)', () => {
    fc.assert(
      fc.property(validPesel, digitChange(11), ({ pesel }, { index, delta }) => {
        const result = validatePesel(changeDigit(pesel, index, delta));
        expect(result.valid).to.equal(false);
        if (!result.valid) expect(result.reason).to.be.oneOf(['checksum', 'date']);
        expect(peselBirthDate(changeDigit(pesel, index, delta))).to.equal(undefined);
      }),
      MANY,
    );
  });
});

describe('validateNip and normalizeNip (validation/identifiers)', () => {
  it('accepts the DOMAIN.md vector 8567346215, also written "PL 856-734-62-15"', () => {
    expect(validateNip('8567346215')).to.deep.equal({ valid: true, value: '8567346215' });
    expect(validateNip('PL 856-734-62-15')).to.deep.equal({ valid: true, value: '8567346215' });
    expect(validateNip('pl8567346215')).to.deep.equal({ valid: true, value: '8567346215' });
    expect(validateNip('856\u2013734\u201362\u201315'), 'en dashes from a word processor').to.deep.include({ valid: true });
    expect(normalizeNip('PL 856-734-62-15')).to.equal('8567346215');
  });

  it('refuses a NIP with a wrong check digit, and one whose remainder is 10 whatever its last digit', () => {
    expect(validateNip('8567346214')).to.deep.equal({ valid: false, reason: 'checksum' });
    const bodyWithTen = '000000003'; // 7 × 3 = 21, and 21 mod 11 = 10
    expect(nipCheck(bodyWithTen)).to.equal(10);
    for (let last = 0; last <= 9; last++) {
      expect(validateNip(bodyWithTen + String(last)), `${bodyWithTen}${last}`).to.deep.equal({ valid: false, reason: 'checksum' });
    }
  });

  it('calls nothing typed "empty", and anything but 10 digits "format"', () => {
    for (const value of ['', ' ', '--', null, undefined]) expect(validateNip(value)).to.deep.equal({ valid: false, reason: 'empty' });
    for (const value of ['PL', '856734621', '85673462150', 'DE8567346215', '856734621O', 'PLPL8567346215']) {
      expect(validateNip(value), value).to.deep.equal({ valid: false, reason: 'format' });
    }
  });

  it('accepts every generated NIP, however it is written (PL prefix, spaces, dashes)', () => {
    fc.assert(
      fc.property(
        validNip.chain((nip) => fc.tuple(fc.constant(nip), fc.constantFrom('', 'PL', 'pl', 'PL '), sprinkled(nip, [' ', '-']))),
        ([nip, prefix, written]) => {
          expect(validateNip(prefix + written)).to.deep.equal({ valid: true, value: nip });
        },
      ),
      MANY,
    );
  });

  it('refuses a NIP with a changed digit (checksum)', () => {
    fc.assert(
      fc.property(validNip, digitChange(10), (nip, { index, delta }) => {
        expect(validateNip(changeDigit(nip, index, delta))).to.deep.equal({ valid: false, reason: 'checksum' });
      }),
      MANY,
    );
  });

  it('accepts 10 random digits exactly when the NIP checksum (computed independently) says so', () => {
    fc.assert(
      fc.property(digitString(10), (nip) => {
        const ok = nipCheck(nip.slice(0, 9)) === Number(nip[9]);
        expect(validateNip(nip)).to.deep.equal(ok ? { valid: true, value: nip } : { valid: false, reason: 'checksum' });
      }),
      MANY,
    );
  });

  it('normalizes idempotently: normalizeNip(normalizeNip(x)) is normalizeNip(x)', () => {
    const nipLike = fc
      .array(fc.constantFrom('PL', 'pl', 'P', 'L', ' ', '-', '\u2013', '0', '5', '9', 'x'), { maxLength: 20 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(anyText, nipLike), (text) => {
        expect(normalizeNip(normalizeNip(text))).to.equal(normalizeNip(text));
      }),
    );
  });
});

describe('validatePpe and gs1CheckDigit (validation/identifiers)', () => {
  it('accepts the DOMAIN.md vector 590243800000000012, with spaces too', () => {
    expect(validatePpe('590243800000000012')).to.deep.equal({ valid: true, value: '590243800000000012', kind: 'gsrn' });
    expect(validatePpe(' 590 2438 0000 0000 012 ')).to.deep.equal({ valid: true, value: '590243800000000012', kind: 'gsrn' });
    expect(gs1CheckDigit('59024380000000001')).to.equal(2);
  });

  it('computes the GS1 check digit of any GS1 key, e.g. the EAN-13 4006381333931', () => {
    expect(gs1CheckDigit('400638133393')).to.equal(1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }).chain(digitString), (body) => {
        expect(gs1CheckDigit(body)).to.equal(gs1Oracle(body));
      }),
    );
  });

  it('throws a RangeError when gs1CheckDigit gets anything but digits (a programming error)', () => {
    expect(() => gs1CheckDigit('')).to.throw(RangeError);
    expect(() => gs1CheckDigit('5902438 0000')).to.throw(RangeError);
  });

  it('refuses a PPE with a wrong check digit ("checksum") or without the 590 prefix ("prefix")', () => {
    expect(validatePpe('590243800000000013')).to.deep.equal({ valid: false, reason: 'checksum' });
    expect(validatePpe('400243800000000012')).to.deep.equal({ valid: false, reason: 'prefix' });
  });

  it('calls nothing typed "empty" and anything but 18 digits "format" while legacy codes are off', () => {
    for (const value of ['', '  ', null, undefined]) expect(validatePpe(value)).to.deep.equal({ valid: false, reason: 'empty' });
    for (const value of ['59024380000000001', '5902438000000000120', 'PL0037310016459284', '590-243-800-000-000-012']) {
      expect(validatePpe(value), value).to.deep.equal({ valid: false, reason: 'format' });
    }
  });

  it('accepts a legacy code only with allowLegacy, upper-cased, and still checks anything of 18 digits as a GSRN', () => {
    expect(validatePpe('PL0037310016459284', { allowLegacy: true })).to.deep.equal({
      valid: true,
      value: 'PL0037310016459284',
      kind: 'legacy',
    });
    expect(validatePpe('pl 0037 3100', { allowLegacy: true })).to.deep.equal({ valid: true, value: 'PL00373100', kind: 'legacy' });
    expect(validatePpe('590243800000000013', { allowLegacy: true })).to.deep.equal({ valid: false, reason: 'checksum' });
    expect(validatePpe('400243800000000012', { allowLegacy: true })).to.deep.equal({ valid: false, reason: 'prefix' });
    expect(validatePpe('ABC12', { allowLegacy: true }), 'under 6').to.deep.equal({ valid: false, reason: 'format' });
    expect(validatePpe('A'.repeat(33), { allowLegacy: true }), 'over 32').to.deep.equal({ valid: false, reason: 'format' });
    expect(validatePpe('ABC-123456', { allowLegacy: true }), 'a dash').to.deep.equal({ valid: false, reason: 'format' });
    expect(validatePpe('ABCßDE12', { allowLegacy: true }), 'a non-ASCII letter').to.deep.equal({ valid: false, reason: 'format' });
  });

  it('accepts any alphanumeric legacy code of 6–32 characters (other than 18 digits) with allowLegacy, and none without', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9]{6,32}$/).filter((code) => !/^[0-9]{18}$/.test(code)),
        (code) => {
          expect(validatePpe(code, { allowLegacy: true })).to.deep.equal({ valid: true, value: code.toUpperCase(), kind: 'legacy' });
          expect(validatePpe(code)).to.deep.equal({ valid: false, reason: 'format' });
        },
      ),
    );
  });

  it('accepts every generated PPE (590 + 14 digits + check), with or without spaces', () => {
    fc.assert(
      fc.property(validPpe.chain((ppe) => fc.tuple(fc.constant(ppe), sprinkled(ppe, [' ', '\t']))), ([ppe, written]) => {
        expect(validatePpe(written)).to.deep.equal({ valid: true, value: ppe, kind: 'gsrn' });
        expect(validatePpe(written, { allowLegacy: true })).to.deep.equal({ valid: true, value: ppe, kind: 'gsrn' });
      }),
      MANY,
    );
  });

  it('accepts 590 + 15 random digits exactly when the GS1 check digit (computed independently) says so', () => {
    fc.assert(
      fc.property(digitString(15), (rest) => {
        const code = `590${rest}`;
        const ok = gs1Oracle(code.slice(0, 17)) === Number(code[17]);
        expect(validatePpe(code)).to.deep.equal(ok ? { valid: true, value: code, kind: 'gsrn' } : { valid: false, reason: 'checksum' });
      }),
      MANY,
    );
  });

  it('refuses a PPE with a changed digit, with or without legacy codes (checksum, or prefix in the first three)', () => {
    fc.assert(
      fc.property(validPpe, digitChange(18), fc.boolean(), (ppe, { index, delta }, allowLegacy) => {
        const result = validatePpe(changeDigit(ppe, index, delta), { allowLegacy });
        expect(result).to.deep.equal({ valid: false, reason: index < 3 ? 'prefix' : 'checksum' });
      }),
      MANY,
    );
  });
});

describe('validateCustomerNumber (validation/identifiers)', () => {
  it('accepts digits, optionally grouped by dashes, 4–20 characters, without whitespace', () => {
    expect(validateCustomerNumber('1200345678')).to.deep.equal({ valid: true, value: '1200345678' });
    expect(validateCustomerNumber(' 12-0034-5678 ')).to.deep.equal({ valid: true, value: '12-0034-5678' });
    expect(validateCustomerNumber('1200 345 678')).to.deep.equal({ valid: true, value: '1200345678' });
    expect(validateCustomerNumber('12\u20130034')).to.deep.equal({ valid: true, value: '12-0034' });
    expect(validateCustomerNumber('1234')).to.deep.include({ valid: true });
    expect(validateCustomerNumber('1'.repeat(20))).to.deep.include({ valid: true });
  });

  it('refuses letters and stray dashes ("format") and lengths outside 4–20 ("length")', () => {
    expect(validateCustomerNumber('')).to.deep.equal({ valid: false, reason: 'empty' });
    for (const value of ['ABC1234', '-1234', '1234-', '12--34', '12/34/56']) {
      expect(validateCustomerNumber(value), value).to.deep.equal({ valid: false, reason: 'format' });
    }
    for (const value of ['123', '1-2', '1'.repeat(21), '1234567890-1234567890']) {
      expect(validateCustomerNumber(value), value).to.deep.equal({ valid: false, reason: 'length' });
    }
  });
});

describe('validateBankAccount (validation/identifiers)', () => {
  it('accepts the DOMAIN.md vector PL61109010140000071219812874, as IBAN, NRB, grouped and in lower case', () => {
    const expected = { valid: true, value: 'PL61109010140000071219812874', nrb: '61109010140000071219812874' };
    expect(validateBankAccount('PL61109010140000071219812874')).to.deep.equal(expected);
    expect(validateBankAccount('61 1090 1014 0000 0712 1981 2874')).to.deep.equal(expected);
    expect(validateBankAccount('pl61 1090 1014 0000 0712 1981 2874')).to.deep.equal(expected);
  });

  it('refuses a wrong check ("checksum"), another country ("country") and a wrong shape ("format")', () => {
    expect(validateBankAccount('PL62109010140000071219812874')).to.deep.equal({ valid: false, reason: 'checksum' });
    expect(validateBankAccount('DE89370400440532013000')).to.deep.equal({ valid: false, reason: 'country' });
    expect(validateBankAccount('PL6110901014000007121981287')).to.deep.equal({ valid: false, reason: 'format' });
    expect(validateBankAccount('6110901014000007121981287X')).to.deep.equal({ valid: false, reason: 'format' });
    expect(validateBankAccount('61-1090-1014-0000-0712-1981-2874')).to.deep.equal({ valid: false, reason: 'format' });
    expect(validateBankAccount(' ')).to.deep.equal({ valid: false, reason: 'empty' });
  });

  it('accepts every generated account (24 random digits + computed mod-97 check digits), NRB or IBAN, grouped or not', () => {
    fc.assert(
      fc.property(
        validNrb.chain((nrb) => fc.tuple(fc.constant(nrb), fc.constantFrom('', 'PL', 'pl', 'PL '), sprinkled(nrb, [' ']))),
        ([nrb, prefix, written]) => {
          expect(ibanOk(nrb), 'the generator').to.equal(true);
          expect(validateBankAccount(prefix + written)).to.deep.equal({ valid: true, value: `PL${nrb}`, nrb });
        },
      ),
      MANY,
    );
  });

  it('accepts 26 random digits exactly when mod 97 (BigInt, independently) is 1', () => {
    fc.assert(
      fc.property(digitString(26), (nrb) => {
        const result = validateBankAccount(nrb);
        expect(result).to.deep.equal(ibanOk(nrb) ? { valid: true, value: `PL${nrb}`, nrb } : { valid: false, reason: 'checksum' });
      }),
      MANY,
    );
  });

  it('refuses an account with a changed digit (checksum)', () => {
    fc.assert(
      fc.property(validNrb, digitChange(26), fc.boolean(), (nrb, { index, delta }, asIban) => {
        const changed = changeDigit(nrb, index, delta);
        expect(validateBankAccount(asIban ? `PL${changed}` : changed)).to.deep.equal({ valid: false, reason: 'checksum' });
      }),
      MANY,
    );
  });
});

describe('every identifier validator, on any input (validation/identifiers)', () => {
  const validators = {
    pesel: { run: (text: string) => validatePesel(text), reasons: ['empty', 'format', 'checksum', 'date'] },
    nip: { run: (text: string) => validateNip(text), reasons: ['empty', 'format', 'checksum'] },
    ppe: { run: (text: string) => validatePpe(text), reasons: ['empty', 'format', 'prefix', 'checksum'] },
    legacyPpe: {
      run: (text: string) => validatePpe(text, { allowLegacy: true }),
      reasons: ['empty', 'format', 'prefix', 'checksum'],
    },
    customerNumber: { run: (text: string) => validateCustomerNumber(text), reasons: ['empty', 'format', 'length'] },
    bankAccount: { run: (text: string) => validateBankAccount(text), reasons: ['empty', 'format', 'country', 'checksum'] },
  };

  for (const [name, { run, reasons }] of Object.entries(validators)) {
    it(`${name}: never throws, and refuses only with its documented reason codes`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const result = run(text);
          if (!result.valid) expect(reasons).to.include(result.reason);
        }),
      );
    });

    it(`${name}: normalizing is idempotent (the accepted value is accepted again as itself)`, () => {
      fc.assert(
        fc.property(fc.oneof(anyText, identifierLike), (text) => {
          const first = run(text);
          if (first.valid) expect(run(first.value)).to.deep.equal(first);
        }),
      );
    });
  }

  it('treats non-strings from plain JavaScript hosts as empty instead of throwing', () => {
    const junk = [42, {}, [], true] as unknown as string[];
    for (const value of junk) {
      expect(validatePesel(value)).to.deep.equal({ valid: false, reason: 'empty' });
      expect(validateNip(value)).to.deep.equal({ valid: false, reason: 'empty' });
      expect(validatePpe(value)).to.deep.equal({ valid: false, reason: 'empty' });
      expect(validateBankAccount(value)).to.deep.equal({ valid: false, reason: 'empty' });
      expect(normalizeNip(value)).to.equal('');
    }
  });
});
