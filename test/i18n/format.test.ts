import { expect } from '@open-wc/testing';
import { formatQuantity } from '../../src/i18n/units.js';
import {
  formatMoney,
  formatNumber,
  formatDate,
  formatDateTime,
  formatTime,
  formatMonth,
  formatDuration,
  parseApiDate,
  PLACEHOLDER,
} from '../../src/i18n/format.js';

// Polish separates thousands and the currency with a no-break space, so "12 345,67 zł" never breaks across lines.
const sp = '\u00a0';

describe('formatting (i18n/format)', () => {
  describe('money in PLN', () => {
    it('formats an API decimal string in Polish with comma decimals and "zł"', () => {
      expect(formatMoney('1234.5', { locale: 'pl' })).to.equal(`1234,50${sp}zł`);
      expect(formatMoney('12345.67', { locale: 'pl' })).to.equal(`12${sp}345,67${sp}zł`);
    });

    it('formats the same amount in English with the PLN code first', () => {
      expect(formatMoney('12345.67', { locale: 'en' })).to.equal(`PLN${sp}12,345.67`);
    });

    it('keeps every grosz of large amounts (no floating-point rounding)', () => {
      expect(formatMoney('90071992547409.93', { locale: 'en' })).to.equal(`PLN${sp}90,071,992,547,409.93`);
    });

    it('shows a credit with a minus sign, or without sign when asked', () => {
      expect(formatMoney('-45.10', { locale: 'pl' })).to.equal(`-45,10${sp}zł`);
      expect(formatMoney('-45.10', { locale: 'pl', signDisplay: 'never' })).to.equal(`45,10${sp}zł`);
    });

    it('shows a placeholder, never NaN or an exception, for a malformed amount', () => {
      const malformed: unknown[] = ['12,5', 'abc', '', null, undefined, {}, Number.NaN, Infinity, '1e3'];
      malformed.forEach((bad, index) => {
        expect(formatMoney(bad, { locale: 'pl' }), `malformed value #${index}`).to.equal(PLACEHOLDER);
      });
    });

    it('falls back to PLN for a currency code that is not ISO 4217 shaped', () => {
      expect(formatMoney('1.00', { locale: 'pl', currency: 'złoty' })).to.equal(`1,00${sp}zł`);
    });
  });

  describe('numbers and units', () => {
    it('groups thousands by locale and writes the unit after a no-break space', () => {
      expect(formatQuantity('12345.5', 'kWh', { locale: 'pl' })).to.equal(`12${sp}345,5${sp}kWh`);
      expect(formatQuantity('12345.5', 'kWh', { locale: 'en' })).to.equal(`12,345.5${sp}kWh`);
    });

    it('writes cubic metres as m³ and gigajoules as GJ', () => {
      expect(formatQuantity(3.25, 'm3', { locale: 'pl' })).to.equal(`3,25${sp}m³`);
      expect(formatQuantity('7', 'GJ', { locale: 'en' })).to.equal(`7${sp}GJ`);
    });

    it('honours the fraction digits a meter register has', () => {
      expect(formatNumber('5.1', { locale: 'pl', minimumFractionDigits: 3 })).to.equal('5,100');
    });

    it('shows a placeholder for a malformed reading', () => {
      expect(formatQuantity('n/a', 'kWh', { locale: 'pl' })).to.equal(PLACEHOLDER);
    });
  });

  describe('dates and times in Polish time (Europe/Warsaw)', () => {
    it('reads an instant in Warsaw: 23:30 UTC on 28 March is already the 29th there', () => {
      expect(formatDate('2026-03-28T23:30:00Z', { locale: 'pl' })).to.equal('29.03.2026');
      expect(formatDate('2026-03-28T23:30:00Z', { locale: 'en' })).to.equal('29/03/2026');
    });

    it('keeps a calendar date (a due date) on its day in any time zone', () => {
      expect(formatDate('2026-03-15', { locale: 'pl' })).to.equal('15.03.2026');
      expect(formatDate('2026-03-15', { locale: 'pl', style: 'long' })).to.equal('15 marca 2026');
      expect(formatDate('2026-03-15', { locale: 'en', style: 'long' })).to.equal('15 March 2026');
    });

    it('shows date and time in 24-hour Polish time, summer time included', () => {
      expect(formatDateTime('2026-07-01T12:05:00Z', { locale: 'pl' })).to.equal('01.07.2026, 14:05');
      expect(formatDateTime('2026-01-15T12:05:00Z', { locale: 'en' })).to.equal('15/01/2026, 13:05');
      expect(formatTime('2026-07-01T22:00:00+00:00', { locale: 'pl' })).to.equal('00:00');
    });

    it('names months for charts and periods', () => {
      expect(formatMonth('2026-03', { locale: 'pl' })).to.equal('marzec 2026');
      expect(formatMonth('2026-03', { locale: 'en' })).to.equal('March 2026');
    });

    it('refuses impossible or zone-less dates instead of guessing', () => {
      expect(parseApiDate('2026-02-30')).to.equal(undefined);
      expect(parseApiDate('2026-03-15T10:00:00')).to.equal(undefined);
      expect(formatDate('yesterday', { locale: 'pl' })).to.equal(PLACEHOLDER);
      expect(formatDateTime(42, { locale: 'pl' })).to.equal(PLACEHOLDER);
    });
  });

  describe('durations for countdowns', () => {
    it('says minutes and seconds in the customer language', () => {
      expect(formatDuration(125, { locale: 'pl' })).to.match(/^2 min\.? 5 s/);
      expect(formatDuration(125, { locale: 'en' })).to.match(/^2 mins? 5 secs?/);
    });

    it('never counts below zero', () => {
      expect(formatDuration(-3, { locale: 'en' })).to.match(/^0 sec/);
    });
  });
});
