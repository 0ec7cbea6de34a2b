import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/tariff-change/ebok-tariff-change.js';
import type { EbokTariffChange } from '../../src/widgets/tariff-change/tariff-change.js';
import type { EbokTariffChangeRequestedEvent } from '../../src/widgets/tariff-change/tariff-change.events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { persona, pointsOf, type Schemas } from '../../demo/personas/index.js';
import { decidedTariffChange, tariffOptionsOf } from '../../stories/mocks/settings.js';
import { shadow, until } from '../helpers/dom.js';
import { active, notice, noticeText, words } from '../helpers/harness.js';
import { deviceOffline, resetPage } from '../helpers/page.js';
import { polishIn } from '../helpers/polish.js';
import { localeReady } from '../../src/i18n/locale.js';

const BASE = 'https://api.utility.test/api/v1';
const energia = persona('energia');
const points = pointsOf(energia);
const flat = points.find((p) => p.id === 'pt_e_0001')!;

/**
 * The flat's options (G12 now) as the reference server builds them, with the estimates pinned, so the words can be
 * checked whatever the persona's consumption is today: G12W cheaper by 159.13 zł, G11 dearer by 172.76 zł.
 */
function flatOptions(): Schemas['TariffOptions'] {
  const options = tariffOptionsOf(energia, flat, false, new Date(), 'pl');
  const pinned: Record<string, [string, string]> = { G11: ['3527.00', '172.76'], G12: ['3354.24', '0.00'], G12W: ['3195.11', '-159.13'], G13: ['3360.00', '5.76'] };
  return {
    ...options,
    options: options.options.map((o) => {
      const [cost, diff] = pinned[o.tariff] ?? ['0.00', '0.00'];
      return { ...o, estimatedYearlyCost: { amount: cost, currency: 'PLN' }, differenceFromCurrent: { amount: diff, currency: 'PLN' } };
    }),
  };
}

/** What the server answers to POST: the request as filed now. */
const filed = (toTariff: string): Schemas['TariffChangeRequest'] => ({ ...decidedTariffChange('submitted', new Date()), id: 'tcr_new', toTariff });

const radio = (el: Element, tariff: string) => shadow<HTMLInputElement>(el, `#tariff-${tariff}`);
const next = (el: Element) => shadow<HTMLButtonElement>(el, '[part="next"]');
const send = (el: Element) => shadow<HTMLButtonElement>(el, '[part="submit"]');
const posts = (api: FakeApi) => api.calls('POST', '/points/pt_e_0001/tariff-change-requests');

async function choose(el: EbokTariffChange, tariff: string) {
  radio(el, tariff).click();
  await el.updateComplete;
  next(el).click();
  await until(() => !!el.shadowRoot!.querySelector('[part="confirm"]'), 'the confirmation');
}

describe('<ebok-tariff-change>', () => {
  let api: FakeApi;

  beforeEach(() => {
    resetPage();
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/points', json(200, { items: points, nextCursor: null }))
      .on('GET', '/points/pt_e_0001/tariff-options', json(200, flatOptions()))
      .on('GET', '/tariff-change-requests', json(200, { items: [], nextCursor: null }))
      .on('POST', '/points/pt_e_0001/tariff-change-requests', json(201, filed('G12W')));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => resetPage());

  async function widget(template = html`<ebok-tariff-change point-id="pt_e_0001" login-href="/logowanie"></ebok-tariff-change>`) {
    const el = await fixture<EbokTariffChange>(template);
    await until(
      () => !!el.shadowRoot?.querySelector('[part="options"], [part="pending"], [part~="error"], [part~="offline"], .status--empty, [part="login"], #point'),
      'the tariff change settled',
      5000,
    );
    return el;
  }

  it('shows the current tariff and every other with its zones and yearly estimate in words, accessibly', async () => {
    const el = await widget();
    expect(shadow(el, '[part="current"]').textContent).to.contain('G12 – Dwustrefowa (dzień i noc)');
    const offered = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="tariff"]')].map((r) => r.value);
    expect(offered, 'every tariff but the current one').to.deep.equal(['G11', 'G12W', 'G13']);
    const g12w = radio(el, 'G12W').closest('[part="option"]')!.textContent.replace(/\s+/g, ' ');
    expect(g12w).to.contain('cały weekend i święta').and.match(/Szacunkowo 3195,11 zł rocznie – o 159,13 zł mniej niż teraz/);
    const g11 = radio(el, 'G11').closest('[part="option"]')!.textContent.replace(/\s+/g, ' ');
    expect(g11).to.match(/o 172,76 zł więcej niż teraz/);
    await expect(el).to.be.accessible();
  });

  it('in English (the options as the API words them in English) has no Polish left, and is accessible', async () => {
    api.on('GET', '/points/pt_e_0001/tariff-options', json(200, tariffOptionsOf(energia, flat, false, new Date(), 'en')));
    const el = await widget(html`<ebok-tariff-change lang="en" point-id="pt_e_0001"></ebok-tariff-change>`);
    await localeReady();
    // The language change loads the options again (in English): check the options, not the loading state.
    await until(() => words(el).includes('Tariff') && !!el.shadowRoot!.querySelector('[part="options"]'), 'the options in English', 5000);
    expect(await polishIn(words(el)), `Polish left: "${words(el)}"`).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('compares the estimates in a table labelled as an estimate, with its basis', async () => {
    const el = await widget();
    const table = shadow<HTMLTableElement>(el, 'table[part="comparison"]');
    expect(table.caption?.textContent).to.contain('szacunek');
    expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    expect([...table.querySelectorAll('tbody th')].map((th) => th.getAttribute('scope'))).to.deep.equal(['row', 'row', 'row', 'row']);
    expect(shadow(el, '[part="basis"]').textContent).to.contain('Twoje zużycie');
  });

  it('asks for a tariff before going on, on the group, and focuses the first option', async () => {
    const el = await widget();
    next(el).click();
    await until(() => !!el.shadowRoot!.querySelector('[part="field-error"]'), 'the problem');
    expect(shadow(el, '[part="field-error"]').textContent).to.contain('Wybierz taryfę');
    expect(shadow(el, '[part="options"]').getAttribute('aria-invalid')).to.equal('true');
    await until(() => active(el) === radio(el, 'G11'), 'focus on the first option');
    expect(el.shadowRoot!.querySelector('[part="confirm"]')).to.equal(null);
  });

  it('files the chosen tariff once on a double click, says so, focuses the message and shows the request pending', async () => {
    api.on('GET', '/tariff-change-requests', json(200, { items: [], nextCursor: null }), json(200, { items: [filed('G12W')], nextCursor: null }));
    const el = await widget();
    await choose(el, 'G12W');
    expect(words(el)).to.contain('Sprawdź wniosek: zmiana z G12 na G12W');
    await until(() => active(el)?.getAttribute('role') === 'heading', 'focus on the confirmation');
    const event = oneEvent<EbokTariffChangeRequestedEvent>(el, 'ebok-tariff-change-requested');
    send(el).click();
    send(el).click();
    expect((await event).detail).to.deep.equal({ id: 'tcr_new', pointId: 'pt_e_0001', fromTariff: 'G12', toTariff: 'G12W', status: 'submitted' });
    expect(posts(api), 'one request').to.have.length(1);
    expect(JSON.parse(posts(api)[0]!.body)).to.deep.equal({ tariff: 'G12W' });
    expect(await noticeText(el, 'the confirmation')).to.contain('Wysłaliśmy wniosek o zmianę taryfy z G12 na G12W.');
    await until(() => active(el) === notice(el), 'focus on the message');
    expect(shadow(el, '[part~="request-submitted"]').textContent).to.contain('Czeka na decyzję');
    const later = await widget();
    expect(later.shadowRoot!.querySelector('[part="pending"]'), 'a widget loaded later on the page shows it pending').to.exist;
  });

  it('with a request pending shows its status and offers no second one', async () => {
    api.on('GET', '/tariff-change-requests', json(200, { items: [decidedTariffChange('submitted', new Date())], nextCursor: null }));
    const el = await widget();
    expect(shadow(el, '[part="pending"]').textContent).to.contain('z G12 na G12W czeka na decyzję');
    expect(el.shadowRoot!.querySelector('input[name="tariff"]'), 'no choice offered').to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="next"], [part="submit"]'), 'nothing to send').to.equal(null);
    expect(shadow(el, '[part~="request-submitted"] [part="request-status"]').textContent).to.contain('Czeka na decyzję');
    await expect(el).to.be.accessible();
  });

  it('lists decided requests with their status and reason, and still offers a new choice', async () => {
    const now = new Date();
    api.on('GET', '/tariff-change-requests', json(200, { items: [decidedTariffChange('rejected', now, { id: 'r1' }), decidedTariffChange('effective', now, { id: 'r2' })], nextCursor: null }));
    const el = await widget();
    expect(shadow(el, '[part~="request-rejected"]').textContent).to.contain('Odrzucony').and.contain('Uzasadnienie: Zmiana taryfy wymaga wymiany licznika');
    expect(shadow(el, '[part~="request-effective"]').textContent).to.contain('Zrealizowany');
    expect(el.shadowRoot!.querySelector('input[name="tariff"]')).to.exist;
  });

  it('a failed send keeps the chosen tariff on the confirmation and sends it again with the same key', async () => {
    api.on('POST', '/points/pt_e_0001/tariff-change-requests', problem(503, 'service_unavailable'), json(201, filed('G13')));
    const el = await widget();
    await choose(el, 'G13');
    send(el).click();
    await until(() => !!notice(el), 'the failure');
    expect(notice(el)!.getAttribute('part')).to.contain('error');
    expect(words(el), 'the choice kept').to.contain('zmiana z G12 na G13');
    send(el).click();
    await until(() => words(el).includes('Wysłaliśmy wniosek'), 'sent on the second try');
    const keys = posts(api).map((s) => s.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(posts(api).map((s) => JSON.parse(s.body) as unknown)).to.deep.equal([{ tariff: 'G13' }, { tariff: 'G13' }]);
  });

  it('a 422 (the tariff cannot be chosen now) says so and keeps the choice to change it', async () => {
    api.on('POST', '/points/pt_e_0001/tariff-change-requests', problem(422, 'validation_failed', { fields: [{ field: '/tariff', code: 'not_allowed', message: 'x' }] }));
    const el = await widget();
    await choose(el, 'G13');
    send(el).click();
    expect(await noticeText(el, 'the refusal')).to.contain('Tej taryfy nie możemy teraz wybrać');
    await until(() => !!el.shadowRoot!.querySelector('[part="options"]'), 'back to the choice');
    expect(radio(el, 'G13').checked, 'the choice kept').to.equal(true);
    expect(notice(el), 'the refusal still shown over the choice').to.exist;
  });

  it('going back from the confirmation keeps the choice', async () => {
    const el = await widget();
    await choose(el, 'G13');
    shadow<HTMLButtonElement>(el, '[part="back"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="options"]'), 'the choice again');
    expect(radio(el, 'G13').checked).to.equal(true);
    expect(posts(api)).to.have.length(0);
  });

  it('a 409 (a request filed elsewhere) says one is waiting and shows it instead of the choice', async () => {
    api
      .on('POST', '/points/pt_e_0001/tariff-change-requests', problem(409, 'conflict'))
      .on('GET', '/tariff-change-requests', json(200, { items: [], nextCursor: null }), json(200, { items: [decidedTariffChange('submitted', new Date())], nextCursor: null }));
    const el = await widget();
    await choose(el, 'G12W');
    send(el).click();
    expect(await noticeText(el, 'the conflict')).to.contain('już czeka na decyzję');
    await until(() => !!el.shadowRoot!.querySelector('[part="pending"]'), 'the pending request');
    expect(el.shadowRoot!.querySelector('input[name="tariff"]')).to.equal(null);
  });

  it('after a 401 mid-send asks to log in again, then files the same tariff by itself', async () => {
    api.on('POST', '/points/pt_e_0001/tariff-change-requests', problem(401, 'session_expired'), json(201, filed('G12W')));
    const el = await widget();
    await choose(el, 'G12W');
    send(el).click();
    await until(() => !!el.shadowRoot!.querySelector('[part="login"]'), 'asked to log in again');
    const event = oneEvent<EbokTariffChangeRequestedEvent>(el, 'ebok-tariff-change-requested');
    getClient(BASE)!.signedIn(sessionAt());
    expect((await event).detail.toTariff).to.equal('G12W');
    const keys = posts(api).map((s) => s.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(JSON.parse(posts(api)[1]!.body)).to.deep.equal({ tariff: 'G12W' });
  });

  it('without point-id asks which point first, then shows that point’s tariffs', async () => {
    api.on('GET', '/points/pt_e_0002/tariff-options', json(200, tariffOptionsOf(energia, points.find((p) => p.id === 'pt_e_0002')!, false, new Date(), 'pl')));
    const el = await widget(html`<ebok-tariff-change></ebok-tariff-change>`);
    const select = shadow<HTMLSelectElement>(el, '#point');
    expect(el.shadowRoot!.querySelector('input[name="tariff"]'), 'no tariffs before a point').to.equal(null);
    select.value = 'pt_e_0002';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => !!el.shadowRoot!.querySelector('[part="current"]'), 'the point’s tariffs');
    expect(shadow(el, '[part="current"]').textContent).to.contain('G11');
    await expect(el).to.be.accessible();
  });

  it('says it is loading while the tariffs come', async () => {
    api.on('GET', '/points/pt_e_0001/tariff-options', 'hang');
    const el = await fixture<EbokTariffChange>(html`<ebok-tariff-change point-id="pt_e_0001"></ebok-tariff-change>`);
    await until(() => words(el).includes('taryfy') && !!el.shadowRoot!.querySelector('[part~="status"][role="status"]'), 'the loading state');
    expect(el.shadowRoot!.querySelector('input[name="tariff"]')).to.equal(null);
  });

  it('says so when a point has no tariffs to change to, and offers no choice', async () => {
    api.on('GET', '/points/pt_e_0001/tariff-options', json(200, { ...flatOptions(), options: [] }));
    const el = await widget();
    expect(shadow(el, '.status--empty').textContent).to.contain('nie oferujemy w eBOK zmiany taryfy');
    expect(el.shadowRoot!.querySelector('input[name="tariff"]')).to.equal(null);
  });

  it('says so when the customer has no points of delivery', async () => {
    api.on('GET', '/points', json(200, { items: [], nextCursor: null }));
    const el = await widget(html`<ebok-tariff-change></ebok-tariff-change>`);
    expect(shadow(el, '.status--empty').textContent).to.contain('Nie masz jeszcze punktów poboru.');
  });

  it('on a server error shows an error with a retry that loads the tariffs', async () => {
    api.on('GET', '/points/pt_e_0001/tariff-options', problem(500, 'internal_error'), json(200, flatOptions()));
    const el = await widget();
    expect(shadow(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part="retry"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="options"]'), 'the tariffs after the retry');
  });

  describe('offline', () => {
    let online = () => {};
    afterEach(() => online());

    it('says there is no connection and loads after the retry once back online', async () => {
      online = deviceOffline();
      api.on('GET', '/points', new TypeError('Failed to fetch'), json(200, { items: points, nextCursor: null }));
      const el = await widget();
      expect(el.shadowRoot!.querySelector('[part~="offline"]')).to.exist;
      await expect(el).to.be.accessible();
      online();
      shadow<HTMLButtonElement>(el, '[part="retry"]').click();
      await until(() => !!el.shadowRoot!.querySelector('[part="options"]'), 'the tariffs once online');
    });
  });

  it('works by keyboard: arrows choose, Enter goes on and Enter on Send files once', async () => {
    const el = await widget();
    radio(el, 'G11').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(radio(el, 'G12W').checked, 'the arrow chose the next tariff').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => !!el.shadowRoot!.querySelector('[part="confirm"]'), 'the confirmation');
    send(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!notice(el), 'the result');
    expect(posts(api)).to.have.length(1);
    expect(JSON.parse(posts(api)[0]!.body)).to.deep.equal({ tariff: 'G12W' });
  });
});
