import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/login-reminder/ebok-login-reminder.js';
import type { EbokLoginReminder } from '../../src/widgets/login-reminder/login-reminder.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, json, problem, portalConfigOf } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { checkReminderIdentifier } from '../../src/widgets/login-reminder/login-reminder.logic.js';
import { resetPage } from '../helpers/page.js';
import { active, control, fieldError, fill, noticeText, submit, words } from '../helpers/harness.js';

const BASE = 'https://api.utility.test/api/v1';
/** The demo energy portal's configuration (the same world as the reference server and the mocks). */
const CONFIG = portalConfigOf('energia');
const NEUTRAL = { status: 'accepted', message: 'Jeśli dane pasują do konta…' };



describe('<ebok-login-reminder>', () => {
  let api: FakeApi;

  function serve(config: object = CONFIG) {
    api = new FakeApi().on('GET', '/portal-config', json(200, config)).on('POST', '/auth/login-reminder', json(202, NEUTRAL));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  }

  async function widget(template = html`<ebok-login-reminder login-href="/logowanie"></ebok-login-reminder>`) {
    const el = await fixture<EbokLoginReminder>(template);
    await until(() => !!el.shadowRoot?.querySelector('form') || !!el.shadowRoot?.querySelector('.status--error'), 'form ready');
    return el;
  }

  beforeEach(() => resetPage());
  afterEach(() => resetPage());

  it('reads e-mail, PESEL and NIP with their checksums', () => {
    expect(checkReminderIdentifier(' Jan@Example.com ', true)).to.deep.equal({ ok: true, identifier: 'Jan@example.com' });
    expect(checkReminderIdentifier('44051401359', true)).to.deep.equal({ ok: true, identifier: '44051401359' });
    expect(checkReminderIdentifier('856-734-62-15', true)).to.deep.equal({ ok: true, identifier: '8567346215' });
    expect(checkReminderIdentifier('44051401358', true)).to.deep.equal({ ok: false, problem: { check: 'pesel', reason: 'checksum' } });
    expect(checkReminderIdentifier('44051401359', false)).to.deep.equal({ ok: false, problem: { check: 'email', reason: 'format' } });
  });

  it('asks for e-mail, PESEL or NIP when the portal allows them, and refuses an invalid PESEL on the field', async () => {
    serve();
    const el = await widget();
    expect(shadow(el, 'label[for="identifier"]').textContent).to.contain('PESEL albo NIP');
    await expect(el).to.be.accessible();
    await fill(el, 'identifier', '44051401358');
    submit(el);
    await until(() => active(el)?.id === 'identifier', 'focus on the field');
    expect(fieldError(el, 'identifier')).to.contain('PESEL jest niepoprawny');
    expect(control(el, 'identifier').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el, '[part="error-summary"]').getAttribute('role')).to.equal('alert');
    expect(api.calls('POST', '/auth/login-reminder')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('asks for the e-mail only when PESEL/NIP log-in is off', async () => {
    serve({ ...CONFIG, loginIdentifierKinds: ['email'] });
    const el = await widget();
    expect(shadow(el, 'label[for="identifier"]').textContent.trim()).to.equal('Adres e-mail');
    expect(control(el, 'identifier').type).to.equal('email');
    expect(control(el, 'identifier').autocomplete).to.equal('email');
  });

  it('gives the same neutral answer for any identifier, and sends once on a double submit', async () => {
    const texts: string[] = [];
    for (const identifier of ['energia@example.com', '44051401359', '8567346215', 'nikt@example.com']) {
      resetPage();
      serve();
      const el = await widget();
      await fill(el, 'identifier', identifier);
      const requested = oneEvent(el, 'ebok-login-reminder-requested');
      submit(el);
      submit(el);
      await requested;
      await el.updateComplete;
      expect(api.calls('POST', '/auth/login-reminder')).to.have.length(1);
      expect(JSON.parse(api.calls('POST', '/auth/login-reminder')[0]!.body)).to.deep.equal({ identifier });
      const result = shadow(el, '[part="result"]');
      expect(result.querySelector('[role="status"]')).to.exist;
      expect(active(el)).to.equal(result);
      texts.push(result.textContent.replace(/\s+/g, ' '));
      await expect(el).to.be.accessible();
    }
    expect(new Set(texts).size).to.equal(1);
    expect(texts[0]).to.contain('Jeśli dane pasują do konta');
  });

  it('keeps what was typed on an error, and the same answer comes after retrying', async () => {
    serve();
    api = new FakeApi()
      .on('GET', '/portal-config', json(200, CONFIG))
      .on('POST', '/auth/login-reminder', problem(503, 'service_unavailable'), json(202, NEUTRAL));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    const el = await widget();
    await fill(el, 'identifier', 'energia@example.com');
    submit(el);
    expect(await noticeText(el, 'the failure')).to.contain('chwilowo niedostępny');
    expect(control(el, 'identifier').value).to.equal('energia@example.com');
    await expect(el).to.be.accessible();
    submit(el);
    await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'answer');
    const [first, second] = api.calls('POST', '/auth/login-reminder').map((s) => s.headers.get('Idempotency-Key'));
    expect(second).to.equal(first);
  });

  it('works with the keyboard alone', async () => {
    serve();
    const el = await widget();
    control(el, 'identifier').focus();
    await sendKeys({ type: '856 734 62 15' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await until(() => api.calls('POST', '/auth/login-reminder').length === 1, 'sent');
    expect(JSON.parse(api.calls('POST', '/auth/login-reminder')[0]!.body)).to.deep.equal({ identifier: '8567346215' });
    await until(() => active(el)?.getAttribute('part') === 'result', 'focus on the answer');
  });

  it('shows loading and the configuration error with retry', async () => {
    api = new FakeApi().on('GET', '/portal-config', 'hang');
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    const el = await fixture<EbokLoginReminder>(html`<ebok-login-reminder heading-level="4"></ebok-login-reminder>`);
    await until(() => words(el).includes('Wczytywanie'), 'loading');
    expect(shadow(el, '[role="heading"]').getAttribute('aria-level')).to.equal('4');
    await expect(el).to.be.accessible();
    resetPage();
    api = new FakeApi().on('GET', '/portal-config', problem(500, 'internal_error'));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    const failing = await widget(html`<ebok-login-reminder></ebok-login-reminder>`);
    expect(shadow(failing, '[part~="retry"]')).to.exist;
    await expect(failing).to.be.accessible();
  });
});
