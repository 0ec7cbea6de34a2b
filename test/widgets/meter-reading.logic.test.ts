import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  checkReadDate,
  checkValue,
  consumptionUnits,
  fieldOfServerError,
  fromUnits,
  historyRows,
  isImplausible,
  isRollOver,
  missingRegisters,
  parseReading,
  readingPayload,
  reminderOf,
  sourceOf,
  toUnits,
  windowView,
  type ContextRegister,
  type Reading,
  type ReadingContext,
} from '../../src/widgets/meter-reading/meter-reading.logic.js';
import { addDays, warsawDate, warsawInstant, warsawIso } from '../../src/i18n/calendar.js';

const MANY = { numRuns: 500 } as const;

/** A register as the context gives it; instants relative to now, so the tests hold on any day. */
function register(patch: Partial<ContextRegister> = {}): ContextRegister {
  return {
    registerId: 'reg_day',
    meterSerialNumber: '93812744',
    zone: 'day',
    obisCode: '1.8.1',
    unit: 'kWh',
    direction: 'consumption',
    digits: 5,
    decimals: 1,
    lastReading: { value: '12800.0', readAt: warsawIso(new Date(Date.now() - 30 * 86_400_000)), kind: 'settlement' },
    allowedRange: { min: '12850.0', max: '13100.0' },
    maxValue: '99999.9',
    ...patch,
  };
}

/** Dials of 1–8 digits and 0–3 decimals, and a value that fits them. */
const dials = fc.record({ digits: fc.integer({ min: 1, max: 8 }), decimals: fc.integer({ min: 0, max: 3 }) });
const fitting = dials.chain((d) =>
  fc.record({
    d: fc.constant(d),
    whole: fc.bigInt({ min: 0n, max: 10n ** BigInt(d.digits) - 1n }),
    fraction: fc.bigInt({ min: 0n, max: 10n ** BigInt(d.decimals) - 1n }),
    zeros: fc.integer({ min: 0, max: 3 }),
    separator: fc.constantFrom(',', '.'),
  }),
);

describe('meter reading rules (meter-reading.logic)', () => {
  describe('reading what the customer typed on the dials', () => {
    const cases: [string, string, string][] = [
      ['12873', '12873', 'whole kWh'],
      ['12873,4', '12873.4', 'a Polish decimal comma'],
      ['12873.4', '12873.4', 'a decimal dot'],
      ['00123', '123', 'leading zeros as on the dials'],
      ['00123,0', '123.0', 'leading zeros with a decimal'],
      ['12 873,4', '12873.4', 'a space between thousands'],
      ['12\u00a0873', '12873', 'a no-break space pasted from a document'],
      ['0', '0', 'a new meter at zero'],
      [',5', '0.5', 'a comma without the zero before it'],
      ['7,', '7', 'a trailing comma'],
    ];
    for (const [typed, value, why] of cases) {
      it(`takes "${typed}" as ${value} (${why})`, () => {
        const parsed = parseReading(typed, { digits: 5, decimals: 1 });
        expect(parsed).to.include({ ok: true, value });
      });
    }

    const refused: [string, string, string][] = [
      ['', 'empty', 'nothing typed'],
      ['   ', 'empty', 'only spaces'],
      ['12,34', 'decimals', 'two decimals on a dial with one'],
      ['123456', 'digits', 'six digits on a five-digit dial'],
      ['-5', 'format', 'a minus sign'],
      ['1e4', 'format', 'an exponent'],
      ['12,3,4', 'format', 'two commas'],
      ['abc', 'format', 'letters'],
      [',', 'format', 'a comma alone'],
    ];
    for (const [typed, reason, why] of refused) {
      it(`refuses "${typed}" as ${reason} (${why})`, () => {
        expect(parseReading(typed, { digits: 5, decimals: 1 })).to.deep.equal({ ok: false, reason });
      });
    }

    it('refuses any decimals on a register without them (water counted in whole m³ on some meters)', () => {
      expect(parseReading('12,5', { digits: 5, decimals: 0 })).to.deep.equal({ ok: false, reason: 'decimals' });
    });

    it('reads every value that fits the dials, with comma or dot and leading zeros, exactly (property)', () => {
      fc.assert(
        fc.property(fitting, ({ d, whole, fraction, zeros, separator }) => {
          const frac = d.decimals ? fraction.toString().padStart(d.decimals, '0') : '';
          const typed = '0'.repeat(zeros) + whole.toString() + (frac ? separator + frac : '');
          const parsed = parseReading(typed, d);
          if (!parsed.ok) return false;
          // The same number of steps as typed, and a contract Decimal without leading zeros.
          return parsed.units === whole * 10n ** BigInt(d.decimals) + fraction && /^(0|[1-9]\d*)(\.\d+)?$/.test(parsed.value);
        }),
        MANY,
      );
    });

    it('gives the same value for a comma and a dot (property)', () => {
      fc.assert(
        fc.property(fitting, ({ d, whole, fraction }) => {
          const frac = fraction.toString().padStart(d.decimals, '0');
          const comma = parseReading(`${whole},${frac}`, d);
          const dot = parseReading(`${whole}.${frac}`, d);
          return JSON.stringify(comma, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) === JSON.stringify(dot, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
        }),
      );
    });

    it('never accepts more decimals than the register has, nor more digits (property)', () => {
      fc.assert(
        fc.property(dials, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 9 }), (d, extra, lead) => {
          const tooManyDecimals = parseReading(`1,${'5'.repeat(d.decimals + extra)}`, d);
          const tooManyDigits = parseReading(String(lead) + '0'.repeat(d.digits - 1 + extra), d);
          return !tooManyDecimals.ok && tooManyDecimals.reason === 'decimals' && !tooManyDigits.ok && tooManyDigits.reason === 'digits';
        }),
      );
    });

    it('turns steps back into the same decimal (property)', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }), (units, decimals) => toUnits(fromUnits(units, decimals), decimals) === units),
        MANY,
      );
    });
  });

  describe('roll-over past the largest value of the dials', () => {
    it('counts 99990 → 15 on a five-digit meter as 25 used', () => {
      const r = register({ decimals: 0, maxValue: '99999', lastReading: { value: '99990', readAt: new Date().toISOString(), kind: 'settlement' } });
      expect(consumptionUnits(r, 15n)).to.equal(25n);
      expect(checkValue('15', r)).to.equal(undefined);
    });

    it('refuses 12000 after 12800 as lower than the last reading (not near the end of the dials)', () => {
      expect(checkValue('12000', register())).to.deep.equal({ kind: 'lower', last: '12800.0' });
    });

    it('is a roll-over only from the last tenth of the dials to the first tenth, and then uses less than a whole turn (property)', () => {
      fc.assert(
        fc.property(dials, fc.bigInt({ min: 0n, max: 10n ** 11n }), fc.bigInt({ min: 0n, max: 10n ** 11n }), (d, a, b) => {
          const maxUnits = 10n ** BigInt(d.digits + d.decimals) - 1n;
          const last = a % (maxUnits + 1n);
          const value = b % (maxUnits + 1n);
          const r = { decimals: d.decimals, maxValue: fromUnits(maxUnits, d.decimals), lastReading: { value: fromUnits(last, d.decimals) } };
          const used = consumptionUnits(r, value);
          if (value >= last) return used === value - last;
          if (isRollOver(last, value, maxUnits)) {
            // Wrapping: what was used plus the last reading, modulo a turn of the dials, is the new value.
            return used !== undefined && used !== null && used > 0n && used <= maxUnits && (last + used) % (maxUnits + 1n) === value && last * 10n > maxUnits * 9n && value * 10n < maxUnits;
          }
          return used === undefined;
        }),
        MANY,
      );
    });

    it('knows nothing was used before on a new meter (no last reading)', () => {
      expect(consumptionUnits(register({ lastReading: null }), 5n)).to.equal(null);
      expect(checkValue('5', register({ lastReading: null, allowedRange: null }))).to.equal(undefined);
    });
  });

  describe('checks before sending', () => {
    it('says a value above the largest the dials show is too large', () => {
      expect(checkValue('99999,9', register())).to.equal(undefined);
      expect(checkValue('99999,9', register({ lastReading: null }))).to.equal(undefined);
      expect(checkValue('9999,9', register({ digits: 4, maxValue: '9000.0', lastReading: null }))).to.deep.equal({ kind: 'too_large', max: '9000.0' });
    });

    it('warns (without refusing) about a value outside the plausible range', () => {
      const r = register();
      expect(isImplausible(r, '12900')).to.equal(false);
      expect(isImplausible(r, '19000')).to.equal(true);
      expect(isImplausible(r, '12801')).to.equal(true);
      expect(checkValue('19000', r)).to.equal(undefined);
    });

    it('never warns about a roll-over, nor when the server cannot tell the range', () => {
      const r = register({ decimals: 0, maxValue: '99999', lastReading: { value: '99990', readAt: new Date().toISOString(), kind: 'settlement' }, allowedRange: { min: '99995', max: '100200' } });
      expect(isImplausible(r, '15')).to.equal(false);
      expect(isImplausible(register({ allowedRange: null }), '50000')).to.equal(false);
    });

    it('asks for every register once one is typed, and for the first when none is (all or none)', () => {
      const day = register();
      const night = register({ registerId: 'reg_night', zone: 'night' });
      expect(missingRegisters([day, night], { reg_day: '12900' })).to.deep.equal(['reg_night']);
      expect(missingRegisters([day, night], {})).to.deep.equal(['reg_day']);
      expect(missingRegisters([day, night], { reg_day: '1', reg_night: '2' })).to.deep.equal([]);
    });

    it('refuses a reading date in the future or before the last reading, in Polish days', () => {
      const now = new Date();
      const today = warsawDate(now);
      const r = register({ lastReading: { value: '1', readAt: warsawIso(warsawInstant(addDays(today, -10), 12 * 3600)), kind: 'settlement' } });
      expect(checkReadDate(today, [r], now)).to.equal(undefined);
      expect(checkReadDate(addDays(today, 1), [r], now)).to.equal('future');
      expect(checkReadDate(addDays(today, -11), [r], now)).to.equal('before_last');
      expect(checkReadDate(addDays(today, -10), [r], now)).to.equal(undefined);
      expect(checkReadDate('', [r], now)).to.equal('empty');
      expect(checkReadDate('14.03.2025', [r], now)).to.equal('format');
    });
  });

  describe('what is sent and where the server\'s answers land', () => {
    const context: ReadingContext = {
      pointId: 'pt_1',
      window: { open: true, opensAt: null, closesAt: null, nextOpensAt: null, nextClosesAt: null },
      registers: [register(), register({ registerId: 'reg_night', zone: 'night' })],
      photoAllowed: true,
      maxPhotoBytes: 1000,
    };

    it('sends one value per register as exact decimals, with the confirmation when given', () => {
      expect(readingPayload(context, { reg_day: '012 900,5', reg_night: '6021' }, { confirmImplausible: true })).to.deep.equal({
        values: [
          { registerId: 'reg_day', value: '12900.5' },
          { registerId: 'reg_night', value: '6021' },
        ],
        confirmImplausible: true,
      });
      expect(readingPayload(context, { reg_day: '12900' }, { confirmImplausible: false })).to.equal(undefined);
    });

    it('puts a server error on the register it names, or on the value sent at that index', () => {
      const sent = readingPayload(context, { reg_day: '1', reg_night: '2' }, { confirmImplausible: false });
      expect(fieldOfServerError({ field: '/values/1/value', registerId: 'reg_day' }, sent)).to.equal('value-reg_day');
      expect(fieldOfServerError({ field: '/values/1/value' }, sent)).to.equal('value-reg_night');
      expect(fieldOfServerError({ field: '/readAt' }, sent)).to.equal('readAt');
      expect(fieldOfServerError({ field: '/photo' }, sent)).to.equal('photo');
      expect(fieldOfServerError({ field: '/payload' }, sent)).to.equal(undefined);
    });
  });

  describe('the reading window', () => {
    const now = new Date();
    const today = warsawDate(now);
    const at = (date: string, seconds = 0) => warsawIso(warsawInstant(date, seconds));

    it('is open until the end of its last day, and says when that is today', () => {
      const open = { open: true, opensAt: at(addDays(today, -2)), closesAt: at(today, 86399), nextOpensAt: at(addDays(today, 28)), nextClosesAt: at(addDays(today, 33), 86399) };
      expect(windowView(open, now)).to.deep.include({ state: 'open', lastDay: true, daysLeft: 0 });
      expect(reminderOf(open, now)).to.equal('open');
    });

    it('is closed with the next opening a number of days ahead; the reminder says "soon" a week before', () => {
      const closed = (days: number) => ({ open: false, opensAt: null, closesAt: null, nextOpensAt: at(addDays(today, days)), nextClosesAt: at(addDays(today, days + 5), 86399) });
      expect(windowView(closed(12), now)).to.deep.include({ state: 'closed', daysUntil: 12 });
      expect(reminderOf(closed(12), now)).to.equal(undefined);
      expect(reminderOf(closed(3), now)).to.equal('soon');
      expect(windowView({ open: false, opensAt: null, closesAt: null, nextOpensAt: null, nextClosesAt: null }, now)).to.deep.include({ state: 'closed', daysUntil: null });
    });
  });

  describe('the history', () => {
    const reading = (id: string, value: string, kind: Reading['kind'], status: Reading['status'] = 'accepted'): Reading => ({
      id,
      pointId: 'pt_1',
      readAt: new Date().toISOString(),
      kind,
      status,
      values: [{ registerId: 'reg_day', zone: 'day', unit: 'kWh', value }],
    });

    it('shows what was used between readings, skipping rejected ones, across a roll-over', () => {
      const rows = historyRows([reading('r4', '10.0', 'settlement'), reading('r3', '99990.0', 'operator'), reading('r2', '5.0', 'control', 'rejected'), reading('r1', '99900.0', 'estimated')], [register()]);
      expect(rows.map((r) => r.values[0]!.used)).to.deep.equal(['20.0', '90.0', undefined, undefined]);
    });

    it('names who read the meter', () => {
      expect([sourceOf('settlement'), sourceOf('control'), sourceOf('operator'), sourceOf('estimated')]).to.deep.equal(['customer', 'customer', 'operator', 'estimate']);
    });
  });
});
