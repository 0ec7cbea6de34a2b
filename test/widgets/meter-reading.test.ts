import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/widgets/meter-reading/ebok-meter-reading.js';
import type { EbokMeterReading } from '../../src/widgets/meter-reading/meter-reading.js';
import type { EbokReadingSubmittedEvent } from '../../src/widgets/meter-reading/meter-reading.events.js';
import type { EbokNavigateEvent } from '../../src/core/events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { addDays, warsawDate, warsawIso, warsawInstant } from '../../src/i18n/calendar.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { persona, pointsOf, readingContext, readingsOf, type Schemas } from '../../demo/personas/index.js';
import { shadow, until } from '../helpers/dom.js';
import { active, control, fieldError, fill, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';
type Context = Schemas['ReadingContext'];
const today = () => warsawDate(new Date());
/** A window open from yesterday to `days` from today, or closed with the next one in `days`, built from the real now. */
const openWindow = (days = 5): Context['window'] => ({
  open: true,
  opensAt: warsawIso(warsawInstant(addDays(today(), -1))),
  closesAt: warsawIso(warsawInstant(addDays(today(), days), 86_399)),
  nextOpensAt: warsawIso(warsawInstant(addDays(today(), 60))),
  nextClosesAt: warsawIso(warsawInstant(addDays(today(), 66), 86_399)),
});
const closedWindow = (days = 9): Context['window'] => ({
  open: false,
  opensAt: null,
  closesAt: null,
  nextOpensAt: warsawIso(warsawInstant(addDays(today(), days))),
  nextClosesAt: warsawIso(warsawInstant(addDays(today(), days + 6), 86_399)),
});
const polishDay = (date: string) => date.split('-').reverse().join('.');

const energia = persona('energia');
const woda = persona('woda');
/** energia's flat: a G12 meter with day and night registers. */
const G12 = 'pt_e_0001';
const contextOf = (who = energia, pointId = G12, window = openWindow()): Context => ({ ...readingContext(who, pointId, new Date())!, window });
const resultOf = (context: Context, over: Partial<Schemas['ReadingResult']> = {}): Schemas['ReadingResult'] => ({
  id: 'rd_new',
  pointId: context.pointId,
  kind: 'settlement',
  status: 'accepted',
  readAt: new Date().toISOString(),
  values: context.registers.map((r) => ({ registerId: r.registerId, zone: r.zone, unit: r.unit, value: r.allowedRange!.min })),
  estimatedAmount: { amount: '182.40', currency: 'PLN' },
  message: 'Przyjęliśmy odczyt.',
  ...over,
});
/** A value inside the plausible range of a register: what a customer would read today. */
const plausible = (r: Context['registers'][number]) => ((Number(r.allowedRange!.min) + Number(r.allowedRange!.max)) / 2).toFixed(r.decimals).replace('.', ',');
const field = (r: Context['registers'][number]) => `value-${r.registerId}`;
/** The JSON payload part of a multipart reading. */
function payloadOf(seen: { body: string }): Schemas['ReadingSubmission'] {
  const match = /name="payload"[^]*?\r\n\r\n([^]*?)\r\n--/.exec(seen.body);
  return JSON.parse(match![1]!) as Schemas['ReadingSubmission'];
}

describe('<ebok-meter-reading>', () => {
  let api: FakeApi;

  function serve(context: Context = contextOf(), who = energia, points = pointsOf(who).filter((p) => p.id === context.pointId)) {
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/points', json(200, { items: points, nextCursor: null }))
      .on('GET', `/points/${context.pointId}/reading-context`, json(200, context))
      .on('GET', `/points/${context.pointId}/readings`, json(200, { items: readingsOf(who, context.pointId), nextCursor: null }))
      .on('POST', `/points/${context.pointId}/readings`, json(201, resultOf(context)));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    return context;
  }

  async function widget(template = html`<ebok-meter-reading pay-href="/saldo"></ebok-meter-reading>`) {
    const el = await fixture<EbokMeterReading>(template);
    await until(() => !!el.shadowRoot?.querySelector('form, [part~="window"], [part~="status"]:not([role="status"]), [part="choice"]'), 'meter reading settled', 5000);
    return el;
  }

  async function fillAll(el: EbokMeterReading, context: Context, value = plausible) {
    for (const r of context.registers) await fill(el, field(r), value(r));
  }

  const send = (el: EbokMeterReading) => shadow<HTMLButtonElement>(el, '[part="submit"]').click();
  const posts = () => api.calls('POST', `/points/${G12}/readings`);

  beforeEach(() => resetPage());
  afterEach(() => resetPage());

  describe('the registers as the meter shows them', () => {
    it('gives a G12 meter a day and a night field, each with its last reading, typed on a decimal keypad', async () => {
      const context = serve();
      const el = await widget();
      const [day, night] = context.registers;
      expect(shadow(el, `label[for="${field(day!)}"]`).textContent).to.contain('Strefa dzienna (kWh)');
      expect(shadow(el, `label[for="${field(night!)}"]`).textContent).to.contain('Strefa nocna (kWh)');
      const input = control(el, field(day!));
      expect(input.inputMode).to.equal('decimal');
      expect(input.autocomplete).to.equal('off');
      expect(words(el)).to.contain(`z ${polishDay(warsawDate(new Date(day!.lastReading!.readAt)))}`);
      expect(words(el)).to.contain('Licznik nr');
      await expect(el).to.be.accessible();
    });

    it('takes a water reading with a decimal comma, keeps the leading zeros typed, and sends the value as the contract writes it', async () => {
      const context = serve(contextOf(woda, 'pt_w_0001'), woda);
      const el = await widget();
      const r = context.registers[0]!;
      const typed = `0${plausible(r)}`;
      await fill(el, field(r), typed);
      expect(control(el, field(r)).value).to.equal(typed);
      expect(words(el)).to.contain('Zużycie od ostatniego odczytu');
      send(el);
      await until(() => api.calls('POST', '/points/pt_w_0001/readings').length === 1, 'water reading sent');
      const payload = payloadOf(api.calls('POST', '/points/pt_w_0001/readings')[0]!);
      expect(payload.values).to.deep.equal([{ registerId: r.registerId, value: plausible(r).replace(',', '.') }]);
      expect(payload.confirmImplausible).to.equal(false);
      expect(payload.readAt, 'read today: the server takes its own clock').to.equal(undefined);
    });

    it('explains a gas meter\'s m³ and the conversion to kWh of the bill', async () => {
      const gaz = persona('gaz');
      serve({ ...contextOf(gaz, 'pt_g_0001'), photoAllowed: false, maxPhotoBytes: 0 }, gaz);
      const el = await widget();
      expect(words(el)).to.match(/1 m³ to 11,2\s*kWh/);
      expect(el.shadowRoot!.querySelector('input[type="file"]'), 'no photo where the point takes none').to.equal(null);
    });
  });

  describe('checks before sending', () => {
    it('asks for every register when only one is typed (all or none), and sends nothing', async () => {
      const context = serve();
      const el = await widget();
      const [day, night] = context.registers;
      await fill(el, field(day!), plausible(day!));
      send(el);
      await until(() => !!fieldError(el, field(night!)), 'the missing register marked');
      expect(fieldError(el, field(night!))).to.contain('strefa nocna');
      expect(shadow(el, '[part="error-summary"]').textContent).to.contain('1 błąd');
      await until(() => active(el)?.id === field(night!), 'focus on the missing register');
      expect(posts()).to.have.length(0);
    });

    it('keeps what was typed when the page switches language and the data loads again', async () => {
      const context = serve();
      const lang = document.documentElement.getAttribute('lang');
      try {
        const el = await widget();
        const [day, night] = context.registers;
        await fill(el, field(day!), '0' + plausible(day!));
        document.documentElement.lang = 'en';
        await until(() => words(el).includes('Day zone'), 'the form in English');
        await until(() => api.calls('GET', `/points/${G12}/reading-context`).length >= 2, 'the context loaded again');
        expect(control(el, field(day!)).value).to.equal('0' + plausible(day!));
        expect(control(el, field(night!)).value).to.equal('');
      } finally {
        if (lang === null) document.documentElement.removeAttribute('lang');
        else document.documentElement.lang = lang;
      }
    });

    it('refuses a value lower than the last reading, naming the last one', async () => {
      const context = serve();
      const el = await widget();
      const day = context.registers[0]!;
      await fill(el, field(day), String(Number(day.lastReading!.value) - 10));
      expect(fieldError(el, field(day))).to.contain('niższy niż poprzedni');
    });

    it('accepts a lower value as a roll-over when the meter was near the end of its dials', async () => {
      const base = contextOf();
      const rolled: Context = { ...base, registers: base.registers.map((r) => ({ ...r, lastReading: { ...r.lastReading!, value: '99990' }, allowedRange: { min: '99995', max: '100050' } })) };
      serve(rolled);
      const el = await widget();
      for (const r of rolled.registers) await fill(el, field(r), '00012');
      expect(fieldError(el, field(rolled.registers[0]!))).to.equal(undefined);
      expect(words(el)).to.contain('Zużycie od ostatniego odczytu: 22');
    });

    it('refuses a reading date in the future', async () => {
      serve();
      const el = await widget();
      await fill(el, 'readDate', addDays(today(), 1));
      expect(fieldError(el, 'readDate')).to.contain('w przyszłości');
    });

    it('asks to confirm an implausible value, then sends it confirmed and says it awaits review', async () => {
      const context = serve();
      api.on('POST', `/points/${G12}/readings`, json(201, resultOf(context, { status: 'pending_review' })));
      const el = await widget();
      await fillAll(el, context, (r) => String(Number(r.allowedRange!.max) * 3));
      send(el);
      await until(() => !!el.shadowRoot?.querySelector('[part="confirm"]'), 'the confirmation');
      expect(posts(), 'nothing sent before the customer confirms').to.have.length(0);
      await expect(el).to.be.accessible();
      const submitted = oneEvent<EbokReadingSubmittedEvent>(el, 'ebok-reading-submitted');
      shadow<HTMLButtonElement>(el, '[part="confirm-send"]').click();
      expect((await submitted).detail.status).to.equal('pending_review');
      expect((payloadOf(posts()[0]!)).confirmImplausible).to.equal(true);
      expect(shadow(el, '[part="result"]').textContent).to.contain('czeka na sprawdzenie');
    });
    it('says a photo that cannot go was not attached, and the next "send" goes without it', async () => {
      const context = serve();
      const el = await widget();
      await fillAll(el, context);
      const input = shadow<HTMLInputElement>(el, 'input[type="file"]');
      const files = new DataTransfer();
      files.items.add(new File(['not a photo'], 'notatka.txt', { type: 'text/plain' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => words(el).includes('To nie jest zdjęcie'), 'the photo problem');
      send(el);
      await until(() => words(el).includes('Zdjęcie nie zostało dołączone'), 'the warning');
      expect(posts()).to.have.length(0);
      send(el);
      await until(() => posts().length === 1, 'sent without the photo');
      expect(posts()[0]!.body).not.to.contain('name="photo"');
    });
  });

  describe('the server\'s answers', () => {
    it('shows a settlement reading with the amount to pay and a link to pay it, and moves focus to the answer', async () => {
      const context = serve();
      const el = await widget();
      await fillAll(el, context);
      send(el);
      await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'the answer');
      const result = shadow(el, '[part="result"]');
      expect(result.getAttribute('role')).to.equal('status');
      expect(result.textContent).to.contain('odczyt rozliczeniowy').and.to.contain('182,40');
      await until(() => active(el)?.classList.contains('result__title') ?? false, 'focus on the answer');
      const navigated = oneEvent<EbokNavigateEvent>(el, 'ebok-navigate');
      el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
      shadow<HTMLAnchorElement>(el, '[part="pay"]').click();
      expect((await navigated).detail.target).to.equal('pay');
      expect(control(el, field(context.registers[0]!)).value, 'the form is empty for the next reading').to.equal('');
    });

    it('puts the server\'s "lower than previous" on the register it names', async () => {
      const context = serve();
      api.on('POST', `/points/${G12}/readings`, problem(422, 'reading_lower_than_previous', { fields: [{ field: '/values/1/value', code: 'reading_lower_than_previous', message: 'x' }] }));
      const el = await widget();
      await fillAll(el, context);
      send(el);
      await until(() => !!fieldError(el, field(context.registers[1]!)), 'error on the night register');
      expect(fieldError(el, field(context.registers[1]!))).to.contain('niższy niż poprzedni');
      expect(control(el, field(context.registers[0]!)).value, 'what was typed stays').to.equal(plausible(context.registers[0]!));
    });

    it('turns the server\'s "out of range" into the same confirmation', async () => {
      const context = serve();
      api.on('POST', `/points/${G12}/readings`, problem(422, 'reading_out_of_range', { overridable: true, fields: [{ field: '/values/0/value', code: 'reading_out_of_range', message: 'x' }] }), json(201, resultOf(context, { status: 'pending_review' })));
      const el = await widget();
      await fillAll(el, context);
      send(el);
      await until(() => !!el.shadowRoot?.querySelector('[part="confirm"]'), 'the confirmation');
      expect(shadow(el, '[part="confirm"]').textContent).to.contain('strefa dzienna');
      shadow<HTMLButtonElement>(el, '[part="confirm-send"]').click();
      await until(() => posts().length === 2, 'sent confirmed');
      expect((payloadOf(posts()[1]!)).confirmImplausible).to.equal(true);
    });

    it('says a duplicate reading is already recorded', async () => {
      const context = serve();
      api.on('POST', `/points/${G12}/readings`, problem(422, 'reading_duplicate'));
      const el = await widget();
      await fillAll(el, context);
      send(el);
      await until(() => words(el).includes('Ten odczyt już mamy'), 'the duplicate notice');
    });

    it('sends once on a double click', async () => {
      const context = serve();
      const el = await widget();
      await fillAll(el, context);
      send(el);
      send(el);
      await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'the answer');
      expect(posts()).to.have.length(1);
    });
  });

  describe('the basement: no signal, then signal', () => {
    let onLine: PropertyDescriptor | undefined;
    afterEach(() => {
      if (onLine) Object.defineProperty(navigator, 'onLine', onLine);
      onLine = undefined;
    });

    it('keeps a reading sent offline, says it is not sent yet, and sends it exactly once when the device is online again', async () => {
      const context = serve();
      const el = await widget();
      await fillAll(el, context);
      onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      api.on('POST', `/points/${G12}/readings`, new TypeError('Failed to fetch'), json(201, resultOf(context)));
      send(el);
      await until(() => !!el.shadowRoot?.querySelector('[part="queued"]'), 'the queued message');
      expect(shadow(el, '[part="queued"]').textContent).to.contain('nie jest jeszcze wysłany');
      await expect(el).to.be.accessible();
      Object.defineProperty(navigator, 'onLine', onLine!);
      onLine = undefined;
      window.dispatchEvent(new Event('online'));
      await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'sent after coming online');
      const keys = posts().map((s) => s.headers.get('Idempotency-Key'));
      expect(keys).to.have.length(2);
      expect(keys[1], 'the same key: never recorded twice').to.equal(keys[0]);
      window.dispatchEvent(new Event('online'));
      await el.updateComplete;
      expect(posts()).to.have.length(2);
    });

    it('when the session ended meanwhile, asks to log in again and then sends the reading', async () => {
      const context = serve();
      const el = await widget();
      await fillAll(el, context);
      api.on('POST', `/points/${G12}/readings`, problem(401, 'session_expired'), json(201, resultOf(context)));
      send(el);
      await until(() => words(el).includes('Zaloguj się'), 'asked to log in again');
      const submitted = oneEvent<EbokReadingSubmittedEvent>(el, 'ebok-reading-submitted');
      getClient(BASE)!.signedIn(sessionAt());
      await submitted;
      const keys = posts().map((s) => s.headers.get('Idempotency-Key'));
      expect(keys[1]).to.equal(keys[0]);
    });
  });

  describe('the window, the points and the history', () => {
    it('while the window is closed says when the next opens and what happens meanwhile, and shows no form', async () => {
      const context = serve(contextOf(energia, G12, closedWindow(9)));
      const el = await widget();
      expect(shadow(el, '[part="window"]').textContent).to.contain(polishDay(warsawDate(new Date(context.window.nextOpensAt!)))).and.to.contain('szacunkowa');
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lets a customer with several meters choose one by address and meter number, and a host preset one', async () => {
      const context = serve(contextOf(), energia, pointsOf(energia));
      const el = await widget();
      const choice = shadow(el, '[part="choice"]');
      expect(choice.textContent).to.contain('licznik nr');
      shadow<HTMLInputElement>(el, `#point-${G12}`).click();
      await until(() => !!el.shadowRoot?.querySelector('form'), 'the chosen meter\'s form');
      expect(words(el)).to.contain('Strefa nocna');
      const preset = await widget(html`<ebok-meter-reading point-id=${context.pointId}></ebok-meter-reading>`);
      await until(() => !!preset.shadowRoot?.querySelector('form'), 'the preset meter\'s form');
      expect(shadow<HTMLInputElement>(preset, `#point-${G12}`).checked).to.equal(true);
    });

    it('with url-state opens on the point the address names (a link from the list of points), and writes the one chosen', async () => {
      const start = location.href;
      history.replaceState(null, '', `?ebok-point=pt_e_0002#odczyt`);
      try {
        serve(contextOf(energia, 'pt_e_0002'), energia, pointsOf(energia));
        const el = await widget(html`<ebok-meter-reading url-state></ebok-meter-reading>`);
        await until(() => !!el.shadowRoot?.querySelector('form'), "the cottage's form");
        expect(shadow<HTMLInputElement>(el, '#point-pt_e_0002').checked, 'the point of the address').to.equal(true);
        shadow<HTMLInputElement>(el, `#point-${G12}`).click();
        await el.updateComplete;
        expect(new URL(location.href).searchParams.get('ebok-point')).to.equal(G12);
        expect(location.hash, "the host's fragment stays").to.equal('#odczyt');
      } finally {
        history.replaceState(null, '', start);
      }
    });

    it('lists past readings with who read them and the use between them', async () => {
      serve();
      const el = await widget();
      await until(() => !!el.shadowRoot?.querySelector('[part="history"] tbody tr'), 'history rows');
      const table = shadow(el, '[part="history"]');
      expect(table.querySelectorAll('tbody tr').length).to.equal(readingsOf(energia, G12).length);
      expect(api.calls('GET', `/points/${G12}/readings`)[0]!.url).to.contain('limit=12');
      expect(table.textContent).to.contain('Zużycie od poprzedniego');
    });

    it('as a reminder, shows the window in one line with a link to the reading page', async () => {
      serve();
      const el = await widget(html`<ebok-meter-reading variant="reminder" href="/odczyt"></ebok-meter-reading>`);
      expect(words(el)).to.contain('Możesz podać odczyt do');
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      const navigated = oneEvent<EbokNavigateEvent>(el, 'ebok-navigate');
      el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
      shadow<HTMLAnchorElement>(el, '[part="reading-link"]').click();
      expect((await navigated).detail).to.include({ target: 'meter-reading', href: '/odczyt' });
    });
  });

  describe('keyboard and small screens', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('is filled and sent with the keyboard alone, in page order', async () => {
      const context = serve();
      const el = await widget();
      control(el, field(context.registers[0]!)).focus();
      await sendKeys({ type: plausible(context.registers[0]!) });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal(field(context.registers[1]!));
      await sendKeys({ type: plausible(context.registers[1]!) });
      await sendKeys({ press: 'Enter' });
      await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'sent with Enter');
    });

    it('fits 320 px without scrolling sideways', async () => {
      await setViewport({ width: 320, height: 640 });
      serve();
      const el = await widget();
      const form = shadow(el, 'form');
      expect(form.scrollWidth).to.be.at.most(form.clientWidth + 1);
      await expect(el).to.be.accessible();
    });
  });
});
