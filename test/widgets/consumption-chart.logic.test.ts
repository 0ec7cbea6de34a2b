import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { csvFileName, csvOf, inCubicMetres, periodsOf, summaryOf, tableOf, yearBefore, type Consumption } from '../../src/widgets/consumption-chart/consumption-chart.logic.js';

/** A G12 point's year with day and night, and the year before (all months), `months` of this year known. */
function g12(year: number, months = 12, estimatedFrom = 13): Consumption {
  const points = (y: number, base: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({ period: `${y}-${String(i + 1).padStart(2, '0')}`, value: base + i * 10, estimated: y === year && i + 1 >= estimatedFrom }));
  return {
    unit: 'kWh',
    granularity: 'month',
    year,
    pointIds: ['pt_e_0001'],
    series: [
      { year, zone: 'day', direction: 'consumption', points: points(year, 100, months) },
      { year, zone: 'night', direction: 'consumption', points: points(year, 50, months) },
      { year: year - 1, zone: 'day', direction: 'consumption', points: points(year - 1, 120, 12) },
      { year: year - 1, zone: 'night', direction: 'consumption', points: points(year - 1, 60, 12) },
      { year, zone: 'all', direction: 'feed_in', points: points(year, 5, months) },
    ],
    totals: [],
  };
}

const headers = { period: 'Miesiąc', zones: ['Strefa dzienna', 'Strefa nocna'], total: 'Razem', previous: 'Rok wcześniej', estimated: 'Szacunek' };

describe('consumption chart rules (consumption-chart.logic)', () => {
  describe('the year as rows', () => {
    it('gives every month a row with each zone, the total and the same month a year before; feed-in stays out', () => {
      const table = tableOf(g12(2026));
      expect(table.zones).to.deep.equal(['day', 'night']);
      expect(table.rows).to.have.length(12);
      expect(table.rows[0]).to.deep.equal({ period: '2026-01', values: [100, 50], total: 150, estimated: false, previous: 180, previousEstimated: false });
    });

    it('leaves the months not read yet empty, and marks estimated ones', () => {
      const table = tableOf(g12(2026, 11, 11));
      expect(table.rows[11]!.total).to.equal(undefined);
      expect(table.rows[10]!.estimated).to.equal(true);
      expect(table.rows[9]!.estimated).to.equal(false);
    });

    it('knows every day of a leap year, and compares 29 February with 28 February', () => {
      expect(periodsOf(2028, 'day')).to.have.length(366);
      expect(periodsOf(2027, 'day')).to.have.length(365);
      expect(yearBefore('2028-02-29')).to.equal('2027-02-28');
      expect(yearBefore('2026-07')).to.equal('2025-07');
    });

    it('sums zones without binary noise (property)', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 4 }), (thousandths) => {
          const consumption: Consumption = {
            unit: 'm3',
            granularity: 'month',
            year: 2026,
            pointIds: [],
            series: thousandths.map((t, i) => ({ year: 2026, zone: `z${i}`, direction: 'consumption' as const, points: [{ period: '2026-01', value: t / 1000, estimated: false }] })),
            totals: [],
          };
          const total = tableOf(consumption).rows[0]!.total!;
          expect(Math.round(total * 1000)).to.equal(thousandths.reduce((a, b) => a + b, 0));
          expect(String(total)).not.to.match(/\.\d{4,}/);
        }),
      );
    });
  });

  it('shows gas in m³ as the meter counts, from the kWh of the bill and the conversion factor', () => {
    const table = inCubicMetres(tableOf(g12(2026)), 11.2);
    expect(table.unit).to.equal('m3');
    expect(table.rows[0]!.total).to.equal(Math.round((150 / 11.2) * 1000) / 1000);
    expect(table.rows[0]!.previous).to.equal(Math.round((180 / 11.2) * 1000) / 1000);
  });

  describe('the summary', () => {
    it('states the total, the change in percent and the highest month', () => {
      const summary = summaryOf(tableOf(g12(2026)));
      expect(summary.total).to.equal(12 * 150 + 2 * 10 * 66);
      expect(summary.highest).to.equal('2026-12');
      expect(summary.changePercent).to.equal(Math.round(((3120 - 3480) / 3480) * 100));
      expect(summary.known).to.equal(12);
    });

    it('compares a partial year with the same months of the year before, not with the whole year', () => {
      const summary = summaryOf(tableOf(g12(2026, 3)));
      expect(summary.known).to.equal(3);
      // 150+170+190 against 180+200+220
      expect(summary.previous).to.equal(600);
      expect(summary.changePercent).to.equal(Math.round(((510 - 600) / 600) * 100));
    });

    it('says nothing of a change without the year before', () => {
      const consumption = g12(2026);
      consumption.series = consumption.series.filter((s) => s.year === 2026);
      expect(summaryOf(tableOf(consumption)).changePercent).to.equal(undefined);
    });
  });

  describe('the CSV', () => {
    it('opens in a Polish spreadsheet: BOM, semicolons, decimal commas, CRLF, Polish letters', () => {
      const consumption = g12(2026);
      consumption.series[0]!.points[0]!.value = 100.5;
      const csv = csvOf(tableOf(consumption), { locale: 'pl', headers, yes: 'tak', no: 'nie' });
      expect(csv.startsWith('\ufeffMiesiąc;Strefa dzienna;Strefa nocna;Razem;Rok wcześniej;Szacunek\r\n')).to.equal(true);
      expect(csv).to.contain('\r\n2026-01;100,5;50;150,5;180;nie\r\n');
      expect(csv.split('\r\n')).to.have.length(14);
    });

    it('uses commas and dots in English, and quotes a field that holds the separator', () => {
      const csv = csvOf(tableOf(g12(2026)), { locale: 'en', headers: { ...headers, total: 'Total, all zones' }, yes: 'yes', no: 'no' });
      expect(csv).to.contain('"Total, all zones"');
      expect(csv).to.contain('\r\n2026-01,100,50,150,180,no\r\n');
    });

    it('names the file after the point and the year, in letters every system takes', () => {
      expect(csvFileName('Mieszkanie – Zwycięstwa 12/4', 2026)).to.equal('zuzycie-mieszkanie-zwyciestwa-12-4-2026.csv');
      expect(csvFileName('Łódź, ul. Żółta', 2025)).to.equal('zuzycie-lodz-ul-zolta-2025.csv');
    });
  });
});
