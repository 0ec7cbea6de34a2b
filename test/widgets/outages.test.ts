import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/outages/ebok-outages.js';
import type { EbokOutages } from '../../src/widgets/outages/outages.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { persona, pointsOf, type Schemas } from '../../demo/personas/index.js';
import { shadow, until } from '../helpers/dom.js';
import { active, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';
const HOUR = 3_600_000;
/** Instants around the real now, so the test holds on any day. */
const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const outage = (over: Partial<Schemas['Outage']>): Schemas['Outage'] => ({
  id: 'out_1',
  kind: 'electricity',
  area: { municipality: 'Gliwice', locality: 'Gliwice', postalCodes: ['44-100'] },
  streets: ['ul. Zwycięstwa 1–30', 'ul. Dworcowa'],
  startsAt: at(24),
  endsAt: at(30),
  reason: 'Planowane prace konserwacyjne sieci.',
  status: 'planned',
  ...over,
});
const OUTAGES = [
  outage({}),
  outage({ id: 'out_2', kind: 'gas', area: { municipality: 'Zabrze', locality: null, postalCodes: ['41-800'] }, streets: [], startsAt: at(-3), endsAt: null, reason: 'Awaria gazociągu.', status: 'ongoing' }),
];
const page = (items: Schemas['Outage'][], nextCursor: string | null = null) => json(200, { items, nextCursor, total: items.length });
const asked = (api: FakeApi) => new URL(api.calls('GET', '/outages').at(-1)!.url).searchParams;

describe('<ebok-outages>', () => {
  let api: FakeApi;

  beforeEach(() => {
    resetPage();
    api = new FakeApi().on('GET', '/auth/session', new Response(null, { status: 204 })).on('GET', '/outages', page(OUTAGES));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => resetPage());

  async function widget(template = html`<ebok-outages></ebok-outages>`) {
    const el = await fixture<EbokOutages>(template);
    await until(() => !!el.shadowRoot?.querySelector('[part="list"], .status--empty, .status--error, .status--offline'), 'the outages settled', 5000);
    return el;
  }

  async function search(el: EbokOutages, text: string) {
    const input = shadow<HTMLInputElement>(el, '#area');
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, '[part="search"]').click();
    await el.updateComplete;
  }

  it('shows anyone, signed out, what is interrupted, where, when and why, a failure "until further notice", accessibly', async () => {
    const el = await widget();
    const items = [...el.shadowRoot!.querySelectorAll('[part~="outage"]')];
    expect(items.map((i) => i.getAttribute('part'))).to.deep.equal(['outage outage-planned', 'outage outage-ongoing']);
    expect(items[0]!.textContent).to.contain('Prąd: Gliwice (44-100)').and.contain('Planowane').and.contain('ul. Dworcowa').and.contain('Planowane prace konserwacyjne');
    expect(items[0]!.textContent).to.match(/Od \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} do \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    expect(items[1]!.textContent).to.contain('Gaz: Zabrze (41-800)').and.contain('Trwa teraz').and.contain('do odwołania').and.contain('Cała miejscowość');
    expect(api.calls('GET', '/points'), 'no personal data asked for').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('searches by postal code or town on Enter or "Szukaj", and by kind; one letter is not searched', async () => {
    const el = await widget();
    api.on('GET', '/outages', page([OUTAGES[0]!]));
    await search(el, ' 44-100 ');
    await until(() => asked(api).get('area') === '44-100', 'the postal code asked for');
    expect(el.getAttribute('area')).to.equal('44-100');
    const calls = api.calls('GET', '/outages').length;
    await search(el, 'G');
    expect(words(el)).to.contain('Wpisz co najmniej 2 znaki');
    expect(shadow(el, '#area').getAttribute('aria-invalid')).to.equal('true');
    expect(api.calls('GET', '/outages')).to.have.length(calls);
    const kind = shadow<HTMLSelectElement>(el, '#kind');
    kind.value = 'water';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => asked(api).get('kind') === 'water', 'the kind asked for');
  });

  it('says when an area has nothing, and shows every area on request', async () => {
    api.on('GET', '/outages', page([]));
    const el = await widget(html`<ebok-outages area="Wrocław"></ebok-outages>`);
    expect(asked(api).get('area')).to.equal('Wrocław');
    expect(words(el)).to.contain('W tym rejonie nie planujemy prac i nie ma awarii');
    api.on('GET', '/outages', page(OUTAGES));
    shadow<HTMLButtonElement>(el, '[part="clear"]').click();
    await until(() => el.shadowRoot!.querySelectorAll('[part~="outage"]').length === 2, 'every area');
    expect(asked(api).get('area')).to.equal(null);
  });

  it('shows a signed-in customer the area of its first point first, its other areas a click away', async () => {
    const points = pointsOf(persona('energia'));
    const second = { ...points[0]!, id: 'pt_other', address: { ...points[0]!.address, postalCode: '43-300', city: 'Bielsko-Biała' } };
    api.on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/points', json(200, { items: [points[0], second], nextCursor: null }));
    const el = await widget();
    const first = points[0]!.address.postalCode;
    await until(() => asked(api).get('area') === first, "the first point's area asked for");
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="my-area"]')];
    expect(buttons.map((b) => [b.textContent.trim(), b.getAttribute('aria-pressed')])).to.deep.equal([
      [first, 'true'],
      ['43-300', 'false'],
    ]);
    buttons[1]!.click();
    await until(() => asked(api).get('area') === '43-300', 'the other area');
    await expect(el).to.be.accessible();
  });

  it('keyboard only: the search box, the kind, then "Szukaj"; Enter searches', async () => {
    const el = await widget();
    shadow<HTMLInputElement>(el, '#area').focus();
    await sendKeys({ type: '41-800' });
    await sendKeys({ press: 'Enter' });
    await until(() => asked(api).get('area') === '41-800', 'searched by Enter');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('kind');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('search');
  });

  it('keeps the area in the address with url-state', async () => {
    history.replaceState(null, '', `${location.pathname}?ebok-outages-area=44-100`);
    try {
      const el = await widget(html`<ebok-outages url-state></ebok-outages>`);
      expect(el.area).to.equal('44-100');
      await search(el, 'Zabrze');
      await until(() => new URL(location.href).searchParams.get('ebok-outages-area') === 'Zabrze', 'the address follows');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('an error has a retry, and a malformed answer is an error with a retry, not a broken page', async () => {
    api.on('GET', '/outages', problem(500, 'internal_error'));
    const el = await widget();
    expect(el.shadowRoot!.querySelector('[part~="retry"]')).to.not.equal(null);
    api.on('GET', '/outages', json(200, { nothing: true }));
    const calls = api.calls('GET', '/outages').length;
    shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
    await until(() => api.calls('GET', '/outages').length > calls && !!el.shadowRoot!.querySelector('.status--error [part~="retry"]'), 'the malformed answer as an error, with a retry');
    api.on('GET', '/outages', page(OUTAGES));
    shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
    await until(() => el.shadowRoot!.querySelectorAll('[part~="outage"]').length === 2, 'loaded after retry');
  });

  it('speaks English', async () => {
    const el = await widget(html`<ebok-outages lang="en"></ebok-outages>`);
    await until(() => words(el).includes('Ongoing now'), 'English');
    expect(words(el)).to.contain('Outages and failures').and.contain('2 outages').and.contain('until further notice').and.contain('Postal code or town');
    await expect(el).to.be.accessible();
  });
});
