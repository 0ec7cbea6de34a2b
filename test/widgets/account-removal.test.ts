import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/account-removal/ebok-account-removal.js';
import type { EbokAccountRemoval } from '../../src/widgets/account-removal/account-removal.js';
import type { EbokAccountRemovalRequestedEvent } from '../../src/widgets/account-removal/account-removal.events.js';
import { configure } from '../../src/api/registry.js';
import { warsawIso } from '../../src/i18n/calendar.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { active, control, fieldError, fill, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';
const filed = () => ({ id: 'arr_test1', status: 'submitted' as const, submittedAt: warsawIso(new Date()) });

describe('<ebok-account-removal>', () => {
  let api: FakeApi;
  const posts = () => api.calls('POST', '/customer/account-removal-request');

  beforeEach(() => {
    resetPage();
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/customer/account-removal-request', json(200, { request: null }))
      .on('POST', '/customer/account-removal-request', json(201, filed()));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => resetPage());

  async function widget() {
    const el = await fixture<EbokAccountRemoval>(html`<ebok-account-removal login-href="/logowanie"></ebok-account-removal>`);
    await until(() => !!el.shadowRoot?.querySelector('form, [part="request"], [part~="status"]:not([role="status"]), [part="login"]'), 'the widget settled', 5000);
    return el;
  }

  it('says first what happens to the account, the documents and the contract, then asks for the password', async () => {
    const el = await widget();
    const text = words(el);
    expect(text).to.contain('Umowa nie zostanie rozwiązana').and.contain('5 lat').and.contain('Nieopłacone faktury');
    const consequences = shadow(el, '[part="consequences"]');
    const form = shadow(el, 'form');
    expect(consequences.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING, 'explained before the form').to.not.equal(0);
    await expect(el).to.be.accessible();
  });

  it('files the request with the password and shows it pending, with focus on it', async () => {
    const el = await widget();
    await fill(el, 'removalPassword', 'Demo-Haslo-2026');
    await fill(el, 'reason', 'Przeprowadzam się.');
    const event = oneEvent<EbokAccountRemovalRequestedEvent>(el, 'ebok-account-removal-requested');
    const button = shadow<HTMLButtonElement>(el, '[part="submit"]');
    button.click();
    button.click();
    expect((await event).detail.id).to.equal('arr_test1');
    expect(posts()).to.have.length(1);
    expect(JSON.parse(posts()[0]!.body)).to.deep.equal({ currentPassword: 'Demo-Haslo-2026', reason: 'Przeprowadzam się.' });
    await until(() => active(el)?.getAttribute('part') === 'request', 'focus on the request');
    expect(words(el)).to.contain('arr_test1').and.contain('czeka na rozpatrzenie');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an open request instead of the form', async () => {
    api.on('GET', '/customer/account-removal-request', json(200, { request: { ...filed(), status: 'in_progress' } }));
    const el = await widget();
    expect(words(el)).to.contain('w trakcie rozpatrywania');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('a wrong password lands on its field and keeps the reason typed', async () => {
    api.on('POST', '/customer/account-removal-request', problem(422, 'validation_failed', { fields: [{ field: '/currentPassword', code: 'incorrect', message: 'x' }] }));
    const el = await widget();
    await fill(el, 'removalPassword', 'Zle-haslo');
    await fill(el, 'reason', 'Nie korzystam.');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => !!fieldError(el, 'removalPassword'), 'the password error');
    expect(fieldError(el, 'removalPassword')).to.contain('nieprawidłowe');
    expect(control<HTMLTextAreaElement>(el, 'reason').value).to.equal('Nie korzystam.');
    await until(() => active(el)?.id === 'removalPassword', 'focus on the password');
  });

  it('a request filed meanwhile elsewhere (409) shows that request', async () => {
    api
      .on('POST', '/customer/account-removal-request', problem(409, 'conflict'))
      .on('GET', '/customer/account-removal-request', json(200, { request: null }), json(200, { request: filed() }));
    const el = await widget();
    await fill(el, 'removalPassword', 'Demo-Haslo-2026');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="request"]'), 'the open request');
    expect(words(el)).to.contain('arr_test1');
  });

  it('keeps the password typed on a server error and says so', async () => {
    api.on('POST', '/customer/account-removal-request', problem(500, 'internal_error'));
    const el = await widget();
    await fill(el, 'removalPassword', 'Demo-Haslo-2026');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part~="notice"]'), 'the failure');
    expect(control(el, 'removalPassword').value).to.equal('Demo-Haslo-2026');
    await expect(el).to.be.accessible();
  });

  it('works by keyboard only: Enter in the password field files the request', async () => {
    const el = await widget();
    control(el, 'removalPassword').focus();
    await sendKeys({ type: 'Demo-Haslo-2026' });
    await sendKeys({ press: 'Enter' });
    await until(() => posts().length === 1, 'filed');
    await until(() => active(el)?.getAttribute('part') === 'request', 'focus on the request');
  });

  it('shows a signed-out customer the way to log in, and asks for nothing', async () => {
    api.on('GET', '/auth/session', problem(401, 'unauthenticated'));
    const el = await widget();
    expect(el.shadowRoot!.querySelector('[part="login"]')).to.not.equal(null);
    expect(api.calls('GET', '/customer/account-removal-request')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('survives a malformed answer with an error and a retry', async () => {
    api.on('GET', '/customer/account-removal-request', json(200, { nope: 1 }), json(200, { request: null }));
    const el = await widget();
    shadow<HTMLButtonElement>(el, '[part="retry"]').click();
    await until(() => !!el.shadowRoot!.querySelector('form'), 'the form after the retry');
  });
});
