import { expect } from '@open-wc/testing';
import { useFakeTimers, type SinonFakeTimers } from 'sinon';
import { addDays, daysBetween, isOverdue, warsawDate, warsawInstant, warsawIso, warsawOffsetMinutes } from '../../src/i18n/calendar.js';
import { formatDate, formatDateTime, formatMonth, formatTime } from '../../src/i18n/format.js';
import { balanceFromDocuments, makeDocuments, money, type DocumentSummary } from '../../stories/mocks/data.js';

/** Instants at the edges of Polish time, written in UTC so that the test says what the machine sees. */
const SPRING = { before: '2027-03-28T00:59:59Z', after: '2027-03-28T01:00:00Z' }; // 02:00 CET → 03:00 CEST
const AUTUMN = { before: '2026-10-25T00:59:59Z', after: '2026-10-25T01:00:00Z' }; // 03:00 CEST → 02:00 CET
const NEW_YEAR = { before: '2026-12-31T22:59:59Z', after: '2026-12-31T23:00:00Z' }; // Warsaw midnight, UTC still 2026

const HOUR = 3_600_000;

describe('the Polish calendar (src/i18n/calendar.ts)', () => {
  describe('the Polish day of an instant', () => {
    it('is already the new year in Warsaw while UTC is still in the old one', () => {
      expect(warsawDate(new Date(NEW_YEAR.before))).to.equal('2026-12-31');
      expect(warsawDate(new Date(NEW_YEAR.after))).to.equal('2027-01-01');
      expect(new Date(NEW_YEAR.after).getUTCFullYear(), 'UTC is still in 2026').to.equal(2026);
    });

    it('follows the spring and autumn clock changes', () => {
      expect(warsawOffsetMinutes(new Date(SPRING.before))).to.equal(60);
      expect(warsawOffsetMinutes(new Date(SPRING.after))).to.equal(120);
      expect(warsawOffsetMinutes(new Date(AUTUMN.before))).to.equal(120);
      expect(warsawOffsetMinutes(new Date(AUTUMN.after))).to.equal(60);
      expect(warsawIso(new Date(SPRING.before))).to.equal('2027-03-28T01:59:59+01:00');
      expect(warsawIso(new Date(SPRING.after))).to.equal('2027-03-28T03:00:00+02:00');
      expect(warsawIso(new Date(AUTUMN.before))).to.equal('2026-10-25T02:59:59+02:00');
      expect(warsawIso(new Date(AUTUMN.after))).to.equal('2026-10-25T02:00:00+01:00');
      expect(warsawIso(new Date(NEW_YEAR.after))).to.equal('2027-01-01T00:00:00+01:00');
    });
  });

  describe('wall-clock times of a Polish day', () => {
    it('starts and ends the days of the clock changes at Polish midnight: 23 hours in March, 25 in October', () => {
      expect(warsawInstant('2027-03-28').toISOString()).to.equal('2027-03-27T23:00:00.000Z');
      expect(warsawInstant('2027-03-29').getTime() - warsawInstant('2027-03-28').getTime()).to.equal(23 * HOUR);
      expect(warsawInstant('2026-10-25').toISOString()).to.equal('2026-10-24T22:00:00.000Z');
      expect(warsawInstant('2026-10-26').getTime() - warsawInstant('2026-10-25').getTime()).to.equal(25 * HOUR);
      expect(warsawIso(warsawInstant('2027-03-28', 86_399)), 'the last second of the short day').to.equal('2027-03-28T23:59:59+02:00');
      expect(warsawIso(warsawInstant('2026-10-25', 86_399)), 'the last second of the long day').to.equal('2026-10-25T23:59:59+01:00');
      expect(warsawInstant('2027-01-01').toISOString()).to.equal(new Date(NEW_YEAR.after).toISOString());
    });

    it('moves a time the spring change skips an hour later, and takes the winter time of the repeated autumn hour', () => {
      expect(warsawIso(warsawInstant('2027-03-28', 2.5 * 3600))).to.equal('2027-03-28T03:30:00+02:00');
      expect(warsawIso(warsawInstant('2026-10-25', 2.5 * 3600))).to.equal('2026-10-25T02:30:00+01:00');
    });

    it('counts calendar days, not 24-hour spans, across the clock changes and the year', () => {
      expect(addDays('2027-03-27', 1)).to.equal('2027-03-28');
      expect(addDays('2026-10-24', 2)).to.equal('2026-10-26');
      expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
      expect(addDays('2027-01-01', -1)).to.equal('2026-12-31');
      expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
      expect(daysBetween('2027-03-27', '2027-03-29')).to.equal(2);
      expect(daysBetween('2026-10-26', '2026-10-24')).to.equal(-2);
      expect(daysBetween('2026-12-31', '2027-01-01')).to.equal(1);
    });
  });

  describe('the due/overdue rule on a pinned clock', () => {
    let clock: SinonFakeTimers;
    afterEach(() => clock?.restore());
    const at = (instant: string) => {
      clock?.restore();
      clock = useFakeTimers({ now: Date.parse(instant), toFake: ['Date'] });
      return new Date();
    };

    it('makes a document due on 31 December overdue at Polish midnight, while UTC still says 31 December', () => {
      expect(isOverdue('2026-12-31', at(NEW_YEAR.before))).to.equal(false);
      const now = at(NEW_YEAR.after);
      expect(now.toISOString().slice(0, 10), 'the UTC date').to.equal('2026-12-31');
      expect(isOverdue('2026-12-31', now)).to.equal(true);
      expect(isOverdue('2027-01-01', now)).to.equal(false);
    });

    it('makes a document overdue at Polish midnight also on the days before the clock changes', () => {
      // 28 March 2027 starts at 23:00 UTC the evening before (still winter time)
      expect(isOverdue('2027-03-27', at('2027-03-27T22:59:59Z'))).to.equal(false);
      expect(isOverdue('2027-03-27', at('2027-03-27T23:00:00Z'))).to.equal(true);
      // 25 October 2026 starts at 22:00 UTC the evening before (still summer time)
      expect(isOverdue('2026-10-24', at('2026-10-24T21:59:59Z'))).to.equal(false);
      expect(isOverdue('2026-10-24', at('2026-10-24T22:00:00Z'))).to.equal(true);
      // the day of the change itself lasts 23 or 25 hours and the rule follows it
      expect(isOverdue('2027-03-28', at('2027-03-28T21:59:59Z'))).to.equal(false);
      expect(isOverdue('2027-03-28', at('2027-03-28T22:00:00Z'))).to.equal(true);
      expect(isOverdue('2026-10-25', at('2026-10-25T22:59:59Z'))).to.equal(false);
      expect(isOverdue('2026-10-25', at('2026-10-25T23:00:00Z'))).to.equal(true);
    });

    it('is the rule of the mock API: the balance turns overdue at Polish midnight of the new year', () => {
      // Due on the last day of the year as the pinned clock sees it: the clock is faked, the real day never counts.
      const evening = at(NEW_YEAR.before);
      const lastDay = warsawDate(evening);
      const invoice = { ...makeDocuments(1, evening)[0]!, dueDate: lastDay, remaining: money(12_000), gross: money(12_000) } satisfies DocumentSummary;
      const before = balanceFromDocuments([invoice], evening);
      expect(before.overdueCount).to.equal(0);
      expect(before.nextPayment?.dueDate).to.equal(lastDay);
      const midnight = balanceFromDocuments([invoice], at(NEW_YEAR.after));
      expect(midnight.overdueCount).to.equal(1);
      expect(midnight.overdue.amount).to.equal('120.00');
      expect(midnight.oldestDueDate).to.equal(lastDay);
      expect(midnight.nextPayment).to.equal(null);
    });

    it('gives the mock documents their statuses from the pinned day, whatever day it is', () => {
      for (const instant of [SPRING.after, AUTUMN.after, NEW_YEAR.after]) {
        const now = at(instant);
        const today = warsawDate(now);
        for (const doc of makeDocuments(40, now)) {
          const open = Number(doc.remaining.amount) > 0;
          expect(doc.status === 'overdue', `${doc.number} at ${instant}`).to.equal(open && doc.dueDate < today);
        }
      }
    });
  });

  describe('formatting at the edges', () => {
    it('shows the hour the customer saw on the clock around the spring change', () => {
      expect(formatDateTime(SPRING.before, { locale: 'pl' })).to.equal('28.03.2027, 01:59');
      expect(formatDateTime(SPRING.after, { locale: 'pl' })).to.equal('28.03.2027, 03:00');
      expect(formatTime('2027-03-28T00:30:00Z', { locale: 'en' })).to.equal('01:30');
      expect(formatTime('2027-03-28T01:30:00Z', { locale: 'en' })).to.equal('03:30');
    });

    it('shows the repeated autumn hour twice, as the clock did', () => {
      expect(formatTime('2026-10-25T00:30:00Z', { locale: 'pl' })).to.equal('02:30');
      expect(formatTime('2026-10-25T01:30:00Z', { locale: 'pl' })).to.equal('02:30');
      expect(formatDateTime(AUTUMN.after, { locale: 'pl' })).to.equal('25.10.2026, 02:00');
    });

    it('puts an instant of the Warsaw new year in the new year, and a calendar date on its own day', () => {
      expect(formatDate(NEW_YEAR.after, { locale: 'pl' })).to.equal('01.01.2027');
      expect(formatDate(NEW_YEAR.before, { locale: 'pl' })).to.equal('31.12.2026');
      expect(formatDate('2026-12-31', { locale: 'pl', style: 'long' })).to.equal('31 grudnia 2026');
      expect(formatDateTime(NEW_YEAR.after, { locale: 'en' })).to.equal('01/01/2027, 00:00');
      expect(formatMonth(NEW_YEAR.after, { locale: 'pl' })).to.equal('styczeń 2027');
      expect(formatMonth('2026-12', { locale: 'pl' })).to.equal('grudzień 2026');
    });
  });
});
