import { expect, fixture, html } from '@open-wc/testing';
import '../../src/widgets/outages/ebok-outages.js';
import type { EbokOutages } from '../../src/widgets/outages/outages.js';
import { configure } from '../../src/api/registry.js';
import { referenceApiBase, signInAs } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

/** The outages against the reference server over HTTP: public for anyone, the customer's own area first. */
describe('<ebok-outages> with the reference server', function () {
  this.timeout(30000);
  afterEach(() => resetPage());

  const list = (el: EbokOutages) => [...el.shadowRoot!.querySelectorAll('[part~="outage"]')].map((o) => o.textContent.replace(/\s+/g, ' '));

  it('anyone finds the works in Gliwice by postal code, and a gas failure in Zabrze by name', async () => {
    configure({ apiBase: await referenceApiBase() });
    const el = await fixture<EbokOutages>(html`<ebok-outages></ebok-outages>`);
    await until(() => !!el.shadowRoot?.querySelector('[part="list"]'), 'the outages', 15000);
    const input = shadow<HTMLInputElement>(el, '#area');
    input.value = '44-100';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    shadow<HTMLButtonElement>(el, '[part="search"]').click();
    await until(() => list(el).length > 0 && list(el).every((o) => o.includes('44-100')), 'only 44-100', 10000);
    expect(list(el).some((o) => o.includes('ul. Zwycięstwa'))).to.equal(true);
    input.value = 'zabrze';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    shadow<HTMLButtonElement>(el, '[part="search"]').click();
    await until(() => list(el).length > 0 && list(el).every((o) => o.includes('Zabrze')), 'only Zabrze', 10000);
    expect(words(el)).to.contain('Trwa teraz').and.contain('do odwołania');
    await expect(el).to.be.accessible();
  });

  it("energia sees the area of its flat's point first", async () => {
    await signInAs('energia@example.com');
    const el = await fixture<EbokOutages>(html`<ebok-outages></ebok-outages>`);
    await until(() => el.area === '44-100', "energia's postal code chosen", 15000);
    await until(() => list(el).length > 0 && list(el).every((o) => o.includes('44-100')), 'the outages near the flat', 10000);
  });
});
