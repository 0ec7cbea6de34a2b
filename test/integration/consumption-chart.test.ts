import { expect, fixture, html } from '@open-wc/testing';
import '../../src/widgets/consumption-chart/ebok-consumption-chart.js';
import type { EbokConsumptionChart } from '../../src/widgets/consumption-chart/consumption-chart.js';
import { signInAs } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

/** The consumption chart against the reference server over HTTP, with the demo customers' meters and cookies. */
describe('<ebok-consumption-chart> with the reference server', function () {
  this.timeout(30000);
  afterEach(() => resetPage());

  async function chartFor(email: string, template = html`<ebok-consumption-chart></ebok-consumption-chart>`) {
    await signInAs(email);
    const el = await fixture<EbokConsumptionChart>(template);
    await until(() => !!el.shadowRoot?.querySelector('[part="summary"]'), `${email}'s consumption`, 15000);
    return el;
  }

  it('energia@example.com sees day and night this year against last year, in words, on a chart and in a table', async () => {
    const el = await chartFor('energia@example.com', html`<ebok-consumption-chart point-id="pt_e_0001"></ebok-consumption-chart>`);
    expect(shadow(el, '[part="summary"]').textContent).to.match(/Zużycie w \d{4}.*kWh.*To o \d+% (mniej|więcej)/s);
    await until(() => !el.shadowRoot!.querySelector('.chart__placeholder'), 'the chart drawn', 15000);
    const { Chart } = await import('chart.js');
    const chart = Chart.getChart(shadow<HTMLCanvasElement>(el, 'canvas'))!;
    expect(chart.data.datasets.map((d) => d.label)).to.include.members(['Strefa dzienna', 'Strefa nocna']);
    shadow<HTMLButtonElement>(el, '[part="table-toggle"]').click();
    await el.updateComplete;
    expect(shadow(el, '[part="table"] thead').textContent).to.contain('Strefa nocna');
    await expect(el).to.be.accessible();
  });

  it('firma@example.com switches from the sum of its points to one of them', async () => {
    const el = await chartFor('firma@example.com');
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.options.length).to.be.greaterThan(10);
    const before = words(el);
    select.value = select.options[3]!.value;
    select.dispatchEvent(new Event('change'));
    await until(() => words(el) !== before && !!el.shadowRoot!.querySelector('[part="summary"]'), 'one point shown');
    expect(shadow(el, '[part="summary"]').textContent).to.contain('kWh');
  });
});
