import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/consents/ebok-consents.js';
import type { EbokConsents } from '../../src/widgets/consents/consents.js';
import type { EbokConsentsChangedEvent } from '../../src/widgets/consents/consents.events.js';
import { changesOf, fieldOfPointer, isConsents, valuesOf } from '../../src/widgets/consents/consents.logic.js';
import { configure, getClient } from '../../src/api/registry.js';
import { FakeApi, json, portalConfigOf, problem, sessionAt } from '../helpers/fake-api.js';
import { consentsOf, persona, type Schemas } from '../../demo/personas/index.js';
import { shadow, until } from '../helpers/dom.js';
import { active, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';
/** Energia's consents: offers by e-mail given 400 days ago, the others never decided. */
const consents = (): Schemas['Consents'] => consentsOf(persona('energia'));
const withdrawn = (): Schemas['Consents'] => {
  const c = consents();
  return { ...c, marketing: c.marketing.map((m) => (m.id === 'email' ? { ...m, given: false, changedAt: new Date().toISOString() } : m)), updatedAt: new Date().toISOString() };
};
const box = (el: EbokConsents, id: string) => shadow<HTMLInputElement>(el, `#marketing-${id}`);
const puts = (api: FakeApi) => api.calls('PUT', '/customer/consents');

describe('<ebok-consents>', () => {
  let api: FakeApi;

  beforeEach(() => {
    resetPage();
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/portal-config', json(200, portalConfigOf('energia')))
      .on('GET', '/customer/consents', json(200, consents()));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => resetPage());

  async function widget() {
    const el = await fixture<EbokConsents>(html`<ebok-consents></ebok-consents>`);
    await until(() => !!el.shadowRoot?.querySelector('[part="form"], .status--error, .status--offline, [part="login"]'), 'the consents settled', 5000);
    await el.updateComplete;
    return el;
  }

  it('shows the terms accepted with their document, e-invoice and each marketing consent with its date, accessibly', async () => {
    const el = await widget();
    const text = words(el);
    expect(text).to.contain('Zaakceptowano wersję 2025-01');
    expect(shadow<HTMLAnchorElement>(el, '[part="terms-link"]').getAttribute('href')).to.equal('/regulamin.html');
    expect(shadow<HTMLInputElement>(el, '#eInvoice').checked).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[part="consent"]')).to.have.length(3);
    expect(box(el, 'email').checked).to.equal(true);
    expect(box(el, 'phone').checked).to.equal(false);
    expect(text).to.match(/Zgoda wyrażona \d{2}\.\d{2}\.\d{4}/).and.contain('Nie wyrażono zgody.');
    expect(box(el, 'email').getAttribute('aria-describedby')).to.equal('marketing-email-hint');
    await expect(el).to.be.accessible();
  });

  it('withdrawing one consent sends only it, says so and shows the date withdrawn; the event tells the host', async () => {
    const el = await widget();
    api.on('PUT', '/customer/consents', json(200, withdrawn()));
    box(el, 'email').click();
    await el.updateComplete;
    const event = oneEvent<EbokConsentsChangedEvent>(el, 'ebok-consents-changed');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    const { detail } = await event;
    expect(JSON.parse(puts(api)[0]!.body)).to.deep.equal({ marketing: [{ id: 'email', given: false }] });
    expect(puts(api)[0]!.headers.get('Idempotency-Key')).to.be.a('string');
    expect(detail.changed).to.deep.equal(['email']);
    await el.updateComplete;
    expect(words(el)).to.contain('Zapisano zgody.').and.contain('„Oferty e-mailem”: wycofana').and.match(/Zgoda wycofana \d{2}\.\d{2}\.\d{4}/);
    expect(shadow(el, '[part~="notice"]').getAttribute('part')).to.equal('notice success');
    await expect(el).to.be.accessible();
  });

  it('giving is as easy as withdrawing: one checkbox, by keyboard, the same button', async () => {
    const el = await widget();
    api.on('PUT', '/customer/consents', json(200, consents()));
    box(el, 'phone').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(box(el, 'phone').checked).to.equal(true);
    shadow<HTMLButtonElement>(el, '[part="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => puts(api).length === 1, 'the save');
    expect(JSON.parse(puts(api)[0]!.body)).to.deep.equal({ marketing: [{ id: 'phone', given: true }] });
  });

  it('saving nothing changed sends nothing and says so', async () => {
    const el = await widget();
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await el.updateComplete;
    expect(puts(api)).to.have.length(0);
    expect(words(el)).to.contain('Nic się nie zmieniło');
  });

  it('a failed save keeps the choice and offers to save again; a double click sends once', async () => {
    const el = await widget();
    api.on('PUT', '/customer/consents', problem(503, 'service_unavailable'));
    box(el, 'profiling').click();
    await el.updateComplete;
    const submit = shadow<HTMLButtonElement>(el, '[part="submit"]');
    submit.click();
    submit.click();
    await until(() => el.shadowRoot!.querySelector('[part~="notice"]')?.getAttribute('part') === 'notice error', 'the failure');
    expect(puts(api)).to.have.length(1);
    expect(box(el, 'profiling').checked, 'the choice is kept').to.equal(true);
    expect(active(el), 'focus on the button to try again').to.equal(submit);
    await expect(el).to.be.accessible();
  });

  it('after a 401 mid-save asks to log in, then saves by itself with the same key', async () => {
    const el = await widget();
    api.on('PUT', '/customer/consents', problem(401, 'session_expired'), json(200, withdrawn()));
    box(el, 'email').click();
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => words(el).includes('Zaloguj się'), 'asked to log in again');
    const event = oneEvent<EbokConsentsChangedEvent>(el, 'ebok-consents-changed');
    getClient(BASE)!.signedIn(sessionAt());
    await event;
    const keys = puts(api).map((p) => p.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('where the eBOK means e-invoices, e-invoice shows as on with why and whom to ask, and is never sent off', async () => {
    api.on('GET', '/portal-config', json(200, portalConfigOf('woda')));
    const el = await widget();
    expect(el.shadowRoot!.querySelector('#eInvoice'), 'no checkbox to turn it off').to.equal(null);
    expect(words(el)).to.contain('Włączona').and.contain('nie można tu wyłączyć e-faktury').and.contain('Biurem Obsługi Klienta');
    await expect(el).to.be.accessible();
  });

  it('a refused consent is marked on its field with the server’s pointer', async () => {
    const el = await widget();
    api.on('PUT', '/customer/consents', problem(422, 'validation_failed', { fields: [{ field: '/marketing/0/id', code: 'unknown_value', message: 'Nie ma takiej zgody.' }] }));
    box(el, 'phone').click();
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => box(el, 'phone').getAttribute('aria-invalid') === 'true', 'the field marked');
    expect(words(el)).to.contain('Nie ma takiej zgody.');
  });

  it('signed out asks to log in; a load failure offers a retry; a malformed answer shows an error', async () => {
    api.on('GET', '/auth/session', new Response(null, { status: 204 }));
    let el = await widget();
    expect(words(el)).to.contain('Zaloguj się, aby zobaczyć i zmienić swoje zgody.');
    await expect(el).to.be.accessible();
    resetPage();
    api.on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/customer/consents', json(200, { marketing: 'tak' }));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    el = await widget();
    expect(el.shadowRoot!.querySelector('.status--error')).to.not.equal(null);
    expect(words(el)).to.contain('Serwer odpowiedział w nieoczekiwany sposób').and.contain('Spróbuj ponownie');
    await expect(el).to.be.accessible();
  });

  describe('logic', () => {
    it('sends only what changed, and never e-invoice where it is required', () => {
      const c = consents();
      expect(changesOf(c, valuesOf(c, false), false)).to.equal(undefined);
      expect(changesOf(c, { ...valuesOf(c, false), 'marketing-email': false, eInvoice: false }, false)).to.deep.equal({ marketing: [{ id: 'email', given: false }], eInvoice: false });
      expect(changesOf({ ...c, eInvoice: false }, { ...valuesOf(c, true), eInvoice: true }, true)).to.equal(undefined);
      expect(fieldOfPointer('/marketing/0/id', { marketing: [{ id: 'phone', given: true }] })).to.equal('marketing-phone');
      expect(fieldOfPointer('/eInvoice', undefined)).to.equal('eInvoice');
      expect(isConsents(c)).to.equal(true);
      expect(isConsents({ ...c, marketing: [{ id: 'x' }] })).to.equal(false);
    });
  });
});
