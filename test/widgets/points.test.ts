import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/points/ebok-points.js';
import type { EbokPoints } from '../../src/widgets/points/points.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { contractsOf, persona, pointsOf, type Schemas } from '../../demo/personas/index.js';
import { shadow, until } from '../helpers/dom.js';
import { active, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';
const firma = persona('firma');
const energia = persona('energia');
const LINKS = html`<ebok-points
  readings-href="/odczyty?ebok-point={pointId}"
  consumption-href="/zuzycie?ebok-point={pointId}"
  documents-href="/faktury?ebok-point={pointId}"
  contract-href="/umowy?ebok-contract={contractId}"
  tariff-change-href="/taryfa?ppe={code}"
></ebok-points>`;

describe('<ebok-points>', () => {
  let api: FakeApi;

  function serve(points: Schemas['PointOfDelivery'][] = pointsOf(firma), contracts: Schemas['Contract'][] = contractsOf(firma)) {
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/points', json(200, { items: points, nextCursor: null }))
      .on('GET', '/contracts', json(200, { items: contracts, nextCursor: null }));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  }
  async function widget(template = html`<ebok-points></ebok-points>`) {
    const el = await fixture<EbokPoints>(template);
    await until(() => !!el.shadowRoot?.querySelector('[part="list"], [part="detail-title"], [part~="status"]:not(.status--loading)'), 'the points settled', 5000);
    return el;
  }
  const cards = (el: EbokPoints) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="point"]')];
  async function type(el: EbokPoints, text: string) {
    const q = shadow<HTMLInputElement>(el, '#q');
    q.value = text;
    q.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    q.form!.requestSubmit();
    await el.updateComplete;
  }

  beforeEach(() => resetPage());
  afterEach(() => resetPage());

  it('lists each point with its medium in words, address, PPE number, meter, tariff, contracted power and reading mode, accessibly', async () => {
    serve();
    const el = await widget();
    const first = pointsOf(firma)[0]!;
    expect(words(el)).to.contain('12 punktów poboru');
    expect(cards(el)).to.have.length(10);
    const card = cards(el)[0]!;
    expect(card.getAttribute('part')).to.equal('point point-electricity');
    expect(card.textContent).to.contain('Prąd').and.contain(first.address.street!).and.contain(first.code).and.contain(first.meters[0]!.serialNumber).and.contain(first.tariff);
    expect(card.textContent).to.match(/Moc umowna\s*\d+,\d kW/);
    expect(card.textContent).to.match(/Odczyt (zdalny|przez inkasenta)|Samoodczyt/);
    await expect(el).to.be.accessible();
  });

  it('shows the last two of twelve points on "show more", with focus on the first that came', async () => {
    serve();
    const el = await widget();
    shadow<HTMLButtonElement>(el, '[part="more"] button').click();
    await until(() => cards(el).length === 12, 'all twelve');
    await until(() => active(el)?.getAttribute('part') === 'point-open', 'focus on a new point');
    expect(active(el)!.closest('[part~="point"]')).to.equal(cards(el)[10]);
    expect(el.shadowRoot!.querySelector('[part="more"]')).to.equal(null);
  });

  it('finds a point by its street or its PPE number, and says when none matches, with a way back to all', async () => {
    serve();
    const el = await widget();
    const target = pointsOf(firma)[11]!;
    await type(el, target.code.slice(-6));
    await until(() => cards(el).length === 1, 'one point');
    expect(cards(el)[0]!.textContent).to.contain(target.code);
    expect(el.q).to.equal(target.code.slice(-6));
    await type(el, 'Nieistniejąca 999');
    await until(() => words(el).includes('Żaden punkt poboru nie pasuje do wyszukiwania.'), 'nothing found');
    shadow<HTMLButtonElement>(el, '[part="clear"]').click();
    await until(() => cards(el).length === 10, 'all again');
  });

  it('opens a point: focus on its name, its meter and contract, and the host\'s links with its id; Back returns focus to it', async () => {
    serve();
    const el = await widget(LINKS);
    const point = pointsOf(firma)[2]!;
    const opener = el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-point="${point.id}"]`)!;
    opener.focus();
    opener.click();
    await until(() => active(el)?.getAttribute('part') === 'detail-title', 'focus on the point');
    expect(active(el)!.textContent).to.contain(point.name);
    expect(el.pointId).to.equal(point.id);
    expect(words(el)).to.contain(point.meters[0]!.serialNumber).and.contain('Operator sieci (OSD)');
    const href = (part: string) => shadow<HTMLAnchorElement>(el, `[part="${part}"]`).getAttribute('href');
    expect(href('readings-link')).to.equal(`/odczyty?ebok-point=${point.id}`);
    expect(href('consumption-link')).to.equal(`/zuzycie?ebok-point=${point.id}`);
    expect(href('documents-link')).to.equal(`/faktury?ebok-point=${point.id}`);
    expect(href('tariff-change-link')).to.equal(`/taryfa?ppe=${point.code}`);
    expect(href('contract-link')).to.equal(`/umowy?ebok-contract=${point.contractId}`);
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part="back"]').click();
    await until(() => active(el)?.getAttribute('data-point') === point.id, 'focus back on the point left');
  });

  it('offers no link the host did not give', async () => {
    serve();
    const el = await widget(html`<ebok-points point-id=${pointsOf(firma)[0]!.id}></ebok-points>`);
    expect(el.shadowRoot!.querySelector('[part="links"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="contract-link"]')).to.equal(null);
  });

  it('with url-state opens the point the address names, and Back (history) returns to the list', async () => {
    const start = location.href;
    const point = pointsOf(firma)[4]!;
    history.replaceState(null, '', `?ebok-point=${point.id}#punkty`);
    try {
      serve();
      const el = await widget(html`<ebok-points url-state></ebok-points>`);
      expect(shadow(el, '[part="detail-title"]').textContent).to.contain(point.name);
      shadow<HTMLButtonElement>(el, '[part="back"]').click();
      await until(() => !!el.shadowRoot!.querySelector('[part="list"]'), 'the list');
      expect(new URL(location.href).searchParams.has('ebok-point')).to.equal(false);
      expect(location.hash).to.equal('#punkty');
      history.back();
      await until(() => !!el.shadowRoot!.querySelector('[part="detail-title"]'), 'the point again after Back');
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('says a point of another account is not found, and goes back to the list', async () => {
    serve();
    const el = await widget(html`<ebok-points point-id="pt_not_mine"></ebok-points>`);
    expect(words(el)).to.contain('Nie znaleźliśmy tego punktu poboru');
    shadow<HTMLButtonElement>(el, '[part="back"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="list"]'), 'the list');
  });

  it('still lists the points when the contracts cannot be read', async () => {
    serve();
    api.on('GET', '/contracts', problem(503, 'unavailable'));
    const el = await widget();
    expect(cards(el)).to.have.length(10);
  });

  it('leaves out a malformed point instead of breaking the page', async () => {
    const points = pointsOf(energia);
    serve([points[0]!, { id: 'pt_bad' } as unknown as Schemas['PointOfDelivery']], contractsOf(energia));
    const el = await widget();
    expect(cards(el)).to.have.length(1);
  });

  it('says when there are no points yet', async () => {
    serve([], []);
    const el = await widget();
    expect(words(el)).to.contain('Nie masz jeszcze punktów poboru.');
  });

  it('offers to try again when the points cannot be loaded, and shows them after', async () => {
    serve();
    api.on('GET', '/points', problem(500, 'internal'), json(200, { items: pointsOf(firma), nextCursor: null }));
    const el = await widget();
    expect(words(el)).to.contain('Nie udało się wczytać punktów poboru.');
    shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
    await until(() => cards(el).length === 10, 'the points after the retry');
  });

  it('asks a signed-out visitor to log in', async () => {
    api = new FakeApi().on('GET', '/auth/session', new Response(null, { status: 204 }));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    const el = await fixture<EbokPoints>(html`<ebok-points login-href="/logowanie"></ebok-points>`);
    await until(() => words(el).includes('Zaloguj się, aby zobaczyć swoje punkty poboru.'), 'asked to log in', 5000);
    expect(shadow(el, '[part~="login"]').getAttribute('href')).to.equal('/logowanie');
    expect(api.calls('GET', '/points')).to.have.length(0);
  });

  it('is used with the keyboard alone: search, open a point with Enter, back with Enter', async () => {
    serve();
    const el = await widget();
    shadow<HTMLInputElement>(el, '#q').focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('point-open');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.getAttribute('part') === 'detail-title', 'the point opened');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(active(el)?.getAttribute('part')).to.equal('back');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.getAttribute('part') === 'point-open', 'back on the point');
  });
});
