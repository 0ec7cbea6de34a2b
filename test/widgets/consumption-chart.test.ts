import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { stub } from 'sinon';
import '../../src/widgets/consumption-chart/ebok-consumption-chart.js';
import '../../src/widgets/provider/ebok-provider.js';
import type { EbokConsumptionChart } from '../../src/widgets/consumption-chart/consumption-chart.js';
import { configure } from '../../src/api/registry.js';
import { warsawClock } from '../../src/i18n/calendar.js';
import { fileSaver } from '../../src/kit/download.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { persona, pointsOf, type Schemas } from '../../demo/personas/index.js';
import { contrast, shadow, until } from '../helpers/dom.js';
import { active, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';
const thisYear = () => warsawClock(new Date()).year;

/** A G12 year (day and night) with the year before; `months` of it known, the last of them estimated. */
function g12(year: number, months = 12): Schemas['Consumption'] {
  const points = (y: number, base: number, count: number, estimatedLast: boolean) =>
    Array.from({ length: count }, (_, i) => ({ period: `${y}-${String(i + 1).padStart(2, '0')}`, value: base + i * 10, estimated: estimatedLast && i === count - 1 }));
  return {
    unit: 'kWh',
    granularity: 'month',
    year,
    pointIds: ['pt_e_0001'],
    series: [
      { year, zone: 'day', direction: 'consumption', points: points(year, 1000, months, true) },
      { year, zone: 'night', direction: 'consumption', points: points(year, 500, months, true) },
      { year: year - 1, zone: 'day', direction: 'consumption', points: points(year - 1, 1200, 12, false) },
      { year: year - 1, zone: 'night', direction: 'consumption', points: points(year - 1, 600, 12, false) },
    ],
    totals: [],
  };
}

describe('<ebok-consumption-chart>', () => {
  let api: FakeApi;
  const energia = persona('energia');

  function serve(consumption: (url: URL) => Response = (url) => json(200, g12(Number(url.searchParams.get('year') ?? thisYear()), 11)), points = pointsOf(energia)) {
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/points', json(200, { items: points, nextCursor: null }))
      .on('GET', '/consumption', (request) => consumption(new URL(request.url)));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  }

  async function chart(template = html`<ebok-consumption-chart point-id="pt_e_0001"></ebok-consumption-chart>`) {
    const el = await fixture<EbokConsumptionChart>(template);
    await until(() => !!el.shadowRoot?.querySelector('[part="summary"], [part~="status"]:not(.status--loading)'), 'chart settled', 5000);
    return el;
  }
  const drawn = (el: EbokConsumptionChart) => until(() => !el.shadowRoot!.querySelector('.chart__placeholder'), 'the chart drawn', 10000);

  beforeEach(() => resetPage());
  afterEach(() => resetPage());

  it('says the year in words before the chart: total, change against the same months before, highest month', async () => {
    serve();
    const el = await chart();
    const summary = shadow(el, '[part="summary"]').textContent;
    expect(summary).to.contain(`Zużycie w ${thisYear()} (11 z 12 miesięcy)`);
    expect(summary).to.match(/To o \d+% mniej niż w tym samym okresie/);
    expect(summary).to.contain('Najwięcej: listopad');
    expect(summary).to.contain('szacunek');
    const query = new URL(api.calls('GET', '/consumption')[0]!.url).searchParams;
    expect(query.get('pointId')).to.equal('pt_e_0001');
    expect(query.get('compare')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('draws the chart with Chart.js on a canvas once on screen, day and night stacked and the year before as a line', async () => {
    serve();
    const el = await chart();
    await drawn(el);
    const canvas = shadow<HTMLCanvasElement>(el, 'canvas');
    expect(canvas.width).to.be.greaterThan(0);
    const { Chart } = await import('chart.js');
    const instance = Chart.getChart(canvas)!;
    expect(instance.data.datasets.map((d) => d.label)).to.deep.equal(['Strefa dzienna', 'Strefa nocna', `Rok ${thisYear() - 1}`]);
    expect(instance.data.labels).to.have.length(12);
  });

  for (const theme of ['energy', 'gas', 'water'] as const) {
    it(`draws every zone and the year before at 3:1 or more against the page in the ${theme} preset (WCAG 1.4.11)`, async () => {
      serve();
      const provider = await fixture(html`<ebok-provider theme=${theme}><ebok-consumption-chart point-id="pt_e_0001"></ebok-consumption-chart></ebok-provider>`);
      const el = provider.querySelector('ebok-consumption-chart')!;
      await until(() => !!el.shadowRoot?.querySelector('[part="chart"]'), 'the chart box');
      const box = shadow(el, '[part="chart"]');
      const probe = document.createElement('span');
      box.append(probe);
      // The chart is drawn on the widget's surface, white in every preset.
      const background = 'rgb(255, 255, 255)';
      for (const name of ['--_zone-1', '--_zone-2', '--_zone-3', '--_previous']) {
        probe.style.color = getComputedStyle(box).getPropertyValue(name).trim();
        expect(contrast(getComputedStyle(probe).color, background), `${name} in ${theme}`).to.be.at.least(3);
      }
      probe.remove();
    });
  }

  it('does not animate for a customer who asked for reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      serve();
      const el = await chart();
      await drawn(el);
      const { Chart } = await import('chart.js');
      const instance = Chart.getChart(shadow<HTMLCanvasElement>(el, 'canvas'))!;
      expect(instance.options.animation).to.equal(false);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('moves month to month with the arrow keys and announces each value', async () => {
    serve();
    const el = await chart();
    await drawn(el);
    shadow(el, '[part="chart"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => words(el).includes('styczeń'), 'January announced');
    const live = shadow(el, '[aria-live="polite"]');
    // Polish groups thousands only from five digits: 1500, but 12 500.
    expect(live.textContent).to.match(/styczeń \d{4}: 1500\skWh \(Strefa dzienna 1000\skWh, Strefa nocna 500\skWh\)\. Rok wcześniej: 1800\skWh\./);
    await sendKeys({ press: 'End' });
    await until(() => live.textContent.includes('grudzień'), 'December announced');
    expect(live.textContent).to.contain('brak danych');
    await sendKeys({ press: 'Home' });
    await until(() => live.textContent.includes('styczeń'), 'back to January');
    expect(active(el)?.getAttribute('part')).to.equal('chart');
  });

  it('shows the same data as a real table on request, with headers, estimated months said in words', async () => {
    serve();
    const el = await chart();
    const toggle = shadow<HTMLButtonElement>(el, '[part="table-toggle"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    const table = shadow(el, '[part="table"] table');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent.trim())).to.deep.equal(['Miesiąc', 'Strefa dzienna', 'Strefa nocna', 'Razem', `Rok wcześniej (${thisYear() - 1})`]);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).to.have.length(12);
    expect(rows[0]!.querySelector('th')!.getAttribute('scope')).to.equal('row');
    expect(rows[10]!.textContent).to.contain('(szacunek)');
    expect(rows[0]!.textContent).to.match(/1500\skWh/);
    await expect(el).to.be.accessible();
  });

  it('downloads a CSV a Polish spreadsheet opens, named after the point and the year', async () => {
    serve();
    const el = await chart();
    const save = stub(fileSaver, 'save');
    try {
      shadow<HTMLButtonElement>(el, '[part="csv"]').click();
      expect(save.calledOnce).to.equal(true);
      const [blob, name] = save.firstCall.args;
      expect(name).to.match(new RegExp(`^zuzycie-.+-${thisYear()}\\.csv$`));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const text = await blob.text();
      expect(text).to.contain('Miesiąc;Strefa dzienna;Strefa nocna;Razem');
    } finally {
      save.restore();
    }
  });

  it('switches between the points and their sum, and between years', async () => {
    serve();
    const el = await chart(html`<ebok-consumption-chart></ebok-consumption-chart>`);
    let query = new URL(api.calls('GET', '/consumption').at(-1)!.url).searchParams;
    expect(query.get('pointId'), 'several points: the sum first').to.equal(null);
    expect(query.get('kind')).to.equal('electricity');
    const [point, year] = el.shadowRoot!.querySelectorAll('select');
    point!.value = 'pt_e_0002';
    point!.dispatchEvent(new Event('change'));
    await until(() => new URL(api.calls('GET', '/consumption').at(-1)!.url).searchParams.get('pointId') === 'pt_e_0002', 'the cottage asked for');
    year!.value = String(thisYear() - 1);
    year!.dispatchEvent(new Event('change'));
    await until(() => new URL(api.calls('GET', '/consumption').at(-1)!.url).searchParams.get('year') === String(thisYear() - 1), 'last year asked for');
    query = new URL(api.calls('GET', '/consumption').at(-1)!.url).searchParams;
    expect(query.get('pointId')).to.equal('pt_e_0002');
    await until(() => words(el).includes(`Zużycie w ${thisYear() - 1} `), 'last year shown');
  });

  it('with url-state opens on the point the address names, and writes the one chosen (none for the sum)', async () => {
    const start = location.href;
    history.replaceState(null, '', '?ebok-point=pt_e_0002');
    try {
      serve();
      const el = await chart(html`<ebok-consumption-chart url-state></ebok-consumption-chart>`);
      expect(new URL(api.calls('GET', '/consumption').at(-1)!.url).searchParams.get('pointId'), 'the point of the address').to.equal('pt_e_0002');
      const point = el.shadowRoot!.querySelector('select')!;
      point.value = 'pt_e_0001';
      point.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(new URL(location.href).searchParams.get('ebok-point')).to.equal('pt_e_0001');
      point.value = 'all';
      point.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(new URL(location.href).searchParams.has('ebok-point'), 'the sum of all points needs no parameter').to.equal(false);
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('shows a gas point in m³ on request, converted with its factor, and in kWh as billed by default', async () => {
    const gaz = persona('gaz');
    serve((url) => json(200, { ...g12(Number(url.searchParams.get('year') ?? thisYear()), 11), series: g12(thisYear(), 11).series.filter((x) => x.zone === 'day').map((x) => ({ ...x, zone: 'all' })) }), pointsOf(gaz));
    const el = await chart(html`<ebok-consumption-chart point-id="pt_g_0001"></ebok-consumption-chart>`);
    expect(shadow(el, '[part="summary"]').textContent).to.contain('kWh');
    const unit = [...el.shadowRoot!.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === 'm3'))!;
    unit.value = 'm3';
    unit.dispatchEvent(new Event('change'));
    await until(() => shadow(el, '[part="summary"]').textContent.includes('m³'), 'the summary in m³');
  });

  it('says when there is no data yet (a new customer)', async () => {
    serve((url) => json(200, { ...g12(Number(url.searchParams.get('year')), 0), series: [] }));
    const empty = await chart();
    await until(() => words(empty).includes('Nie mamy jeszcze danych'), 'no data yet');
    await expect(empty).to.be.accessible();
  });

  it('offers to retry when the consumption cannot be loaded', async () => {
    serve(() => problem(500, 'internal_error'));
    const failed = await chart();
    await until(() => !!failed.shadowRoot!.querySelector('[part~="retry"]'), 'a retry');
    await expect(failed).to.be.accessible();
  });

  it('fits 320 px: the chart follows its box', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      serve();
      const el = await chart();
      await drawn(el);
      const box = shadow(el, '[part="chart"]');
      expect(box.scrollWidth).to.be.at.most(box.clientWidth + 1);
      expect(shadow<HTMLCanvasElement>(el, 'canvas').getBoundingClientRect().width).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
