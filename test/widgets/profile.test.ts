import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/profile/ebok-profile.js';
import type { EbokProfile } from '../../src/widgets/profile/profile.js';
import type { EbokProfileChangeEvent } from '../../src/widgets/profile/profile.events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { FakeApi, json, portalConfigOf, problem, sessionAt } from '../helpers/fake-api.js';
import { persona, pointsOf, profileOf, type Schemas } from '../../demo/personas/index.js';
import { shadow, until } from '../helpers/dom.js';
import { active, control, fieldError, fill, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';
const energia = profileOf(persona('energia'));
const firma = profileOf(persona('firma'));
const points = pointsOf(persona('energia'));
const NEW_PHONE = '+48512345678';

/** The Save button of one section. */
const saveIn = (el: EbokProfile, section: string) => shadow<HTMLButtonElement>(el, `[part~="${section}"] [part="submit"]`);
const noticeIn = (el: EbokProfile, section: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${section}"] [part~="notice"]`);
const body = (api: FakeApi, method: string, path: string, i = 0) => JSON.parse(api.calls(method, path)[i]!.body) as unknown;

describe('<ebok-profile>', () => {
  let api: FakeApi;

  beforeEach(() => {
    resetPage();
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/portal-config', json(200, portalConfigOf()))
      .on('GET', '/customer/profile', json(200, energia))
      .on('GET', '/points', json(200, { items: points, nextCursor: null }));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => resetPage());

  async function widget(template = html`<ebok-profile login-href="/logowanie"></ebok-profile>`) {
    const el = await fixture<EbokProfile>(template);
    await until(() => !!el.shadowRoot?.querySelector('[part~="identity"], [part~="status"]:not([role="status"]), [part="login"]'), 'the profile settled', 5000);
    await until(() => !!el.shadowRoot?.querySelector('#newPassword') || !el.shadowRoot?.querySelector('[part~="password"]'), 'the password policy');
    return el;
  }

  it('shows who the customer is with the PESEL masked, never in full, and is accessible', async () => {
    const el = await widget();
    expect(words(el)).to.contain('Jan Kowalski').and.contain(energia.customerNumber).and.contain('*******8218');
    expect(words(el)).to.not.contain(persona('energia').customer.nationalId);
    expect(words(el)).to.contain('+48 601 234 567').and.contain('energia@example.com');
    expect(control(el, 'postalCode').value).to.equal('44-100');
    await expect(el).to.be.accessible();
  });

  it('shows a business its company name, the NIP masked and the REGON', async () => {
    api.on('GET', '/customer/profile', json(200, firma));
    const el = await widget();
    expect(words(el)).to.contain('Dane firmy').and.contain('Piekarnia Mazur').and.contain('NIP').and.contain('******6215').and.contain('REGON').and.contain('470312340');
  });

  it('changes the phone only after the SMS code: the new number waits, the code confirms it and the notice names it', async () => {
    const pending: Schemas['Profile'] = { ...energia, pendingPhone: NEW_PHONE };
    api.on('PATCH', '/customer/contact', json(200, pending)).on('POST', '/customer/contact/confirmation', json(200, { ...energia, phone: NEW_PHONE }));
    const el = await widget();
    await fill(el, 'phone', '512 345 678');
    const pendingEvent = oneEvent<EbokProfileChangeEvent>(el, 'ebok-profile-change');
    saveIn(el, 'phone').click();
    expect((await pendingEvent).detail).to.deep.equal({ section: 'phone', change: 'pending' });
    expect(body(api, 'PATCH', '/customer/contact')).to.deep.equal({ phone: NEW_PHONE });
    await until(() => active(el)?.id === 'phoneCode', 'focus on the code field');
    expect(words(el)).to.contain('+48 601 234 567').and.contain('+48 512 345 678 czeka na potwierdzenie');
    await expect(el).to.be.accessible();
    await fill(el, 'phoneCode', '123456');
    const confirmed = oneEvent<EbokProfileChangeEvent>(el, 'ebok-profile-change');
    saveIn(el, 'phone').click();
    expect((await confirmed).detail).to.deep.equal({ section: 'phone', change: 'confirmed' });
    expect(body(api, 'POST', '/customer/contact/confirmation')).to.deep.equal({ phone: { code: '123456' } });
    await until(() => !!noticeIn(el, 'phone'), 'the notice');
    expect(noticeIn(el, 'phone')!.textContent).to.contain('Numer telefonu zmieniony na +48 *** *** 678');
    expect(words(el)).to.contain('Obecny numer: +48 512 345 678');
  });

  it('a wrong code stays typed, says the attempts left on the field and focuses it', async () => {
    api
      .on('GET', '/customer/profile', json(200, { ...energia, pendingPhone: NEW_PHONE }))
      .on(
        'POST',
        '/customer/contact/confirmation',
        problem(422, 'validation_failed', { fields: [{ field: '/phone/code', code: 'incorrect', message: 'x', params: { attemptsLeft: 4 } }] }),
      );
    const el = await widget();
    await fill(el, 'phoneCode', '000000');
    saveIn(el, 'phone').click();
    await until(() => !!fieldError(el, 'phoneCode'), 'the code error');
    expect(fieldError(el, 'phoneCode')).to.contain('Pozostało prób: 4');
    expect(control(el, 'phoneCode').value).to.equal('000000');
    expect(control(el, 'phoneCode').getAttribute('aria-invalid')).to.equal('true');
    await until(() => active(el)?.id === 'phoneCode', 'focus on the code');
  });

  it('cancels a pending phone and sends the code again, each once', async () => {
    api
      .on('GET', '/customer/profile', json(200, { ...energia, pendingPhone: NEW_PHONE }))
      .on('POST', '/customer/contact/pending/phone/resend', json(200, { ...energia, pendingPhone: NEW_PHONE }))
      .on('DELETE', '/customer/contact/pending/phone', json(200, energia));
    const el = await widget();
    shadow<HTMLButtonElement>(el, '[part="resend"]').click();
    await until(() => !!noticeIn(el, 'phone'), 'the resend notice');
    expect(noticeIn(el, 'phone')!.textContent).to.contain('Wysłaliśmy nowy kod');
    const button = shadow<HTMLButtonElement>(el, '[part="cancel"]');
    button.click();
    button.click();
    await until(() => !el.shadowRoot!.querySelector('[part="pending"]'), 'the pending number gone');
    expect(api.calls('DELETE', '/customer/contact/pending/phone')).to.have.length(1);
    expect(noticeIn(el, 'phone')!.textContent).to.contain('anulowana');
    expect(control(el, 'phone')).to.exist;
  });

  it('changes the e-mail with the current password; a wrong password lands on its field and the address stays typed', async () => {
    api.on(
      'PATCH',
      '/customer/contact',
      problem(422, 'validation_failed', { fields: [{ field: '/currentPassword', code: 'incorrect', message: 'x' }] }),
      json(200, { ...energia, pendingEmail: 'jan@nowy.example.com' }),
    );
    const el = await widget();
    await fill(el, 'email', 'jan@nowy.example.com');
    saveIn(el, 'email').click();
    await until(() => !!fieldError(el, 'emailPassword'), 'the password is asked for');
    expect(api.calls('PATCH', '/customer/contact'), 'nothing sent without the password').to.have.length(0);
    await fill(el, 'emailPassword', 'Zle-haslo-1');
    saveIn(el, 'email').click();
    await until(() => fieldError(el, 'emailPassword')?.includes('nieprawidłowe') ?? false, 'the wrong password said');
    expect(control(el, 'email').value).to.equal('jan@nowy.example.com');
    await fill(el, 'emailPassword', 'Demo-Haslo-2026');
    saveIn(el, 'email').click();
    await until(() => !!el.shadowRoot!.querySelector('[part~="email"] [part="pending"]'), 'the pending address');
    expect(body(api, 'PATCH', '/customer/contact', 1)).to.deep.equal({ email: 'jan@nowy.example.com', currentPassword: 'Demo-Haslo-2026' });
    expect(noticeIn(el, 'email')!.textContent).to.contain('Wysłaliśmy link na adres jan@nowy.example.com');
  });

  it('confirms the e-mail from the link in the address once, then takes the token out of the address', async () => {
    history.replaceState(null, '', `${location.pathname}?ebok-email-token=tok-123&x=1`);
    api
      .on('GET', '/customer/profile', json(200, { ...energia, pendingEmail: 'jan@nowy.example.com' }))
      .on('POST', '/customer/contact/confirmation', json(200, { ...energia, email: 'jan@nowy.example.com' }));
    const el = await widget();
    await until(() => !!noticeIn(el, 'email'), 'the confirmation');
    expect(noticeIn(el, 'email')!.textContent).to.contain('Adres e-mail zmieniony na jan@nowy.example.com');
    expect(body(api, 'POST', '/customer/contact/confirmation')).to.deep.equal({ email: { token: 'tok-123' } });
    expect(location.search).to.equal('?x=1');
    await el.updateComplete;
    expect(api.calls('POST', '/customer/contact/confirmation')).to.have.length(1);
  });

  it('says an expired link in words and forgets it', async () => {
    history.replaceState(null, '', `${location.pathname}?ebok-email-token=old`);
    api.on('POST', '/customer/contact/confirmation', problem(422, 'validation_failed', { fields: [{ field: '/email/token', code: 'expired', message: 'x' }] }));
    const el = await widget();
    await until(() => !!noticeIn(el, 'email'), 'the refusal');
    expect(noticeIn(el, 'email')!.textContent).to.contain('Ten link wygasł');
    expect(location.search).to.equal('');
  });

  it('checks the postal code in the browser and sends nothing until it is NN-NNN', async () => {
    const el = await widget();
    await fill(el, 'postalCode', '441');
    expect(fieldError(el, 'postalCode')).to.contain('00-000');
    saveIn(el, 'address').click();
    await el.updateComplete;
    expect(api.calls('PUT', '/customer/correspondence-address')).to.have.length(0);
    await until(() => active(el)?.id === 'postalCode', 'focus on the postal code');
  });

  it('fills the address from a chosen point of delivery and saves it, naming the new address', async () => {
    const jeziorna = points.find((p) => p.address.city === 'Pławniowice')!;
    api.on('PUT', '/customer/correspondence-address', json(200, { ...jeziorna.address, postOffice: null }));
    const el = await widget();
    await until(() => el.shadowRoot!.querySelectorAll('[part="same-as-point"]').length === 2, 'one button per point');
    const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="same-as-point"]')].find((b) => b.textContent.includes('Jeziorna'))!;
    button.click();
    await el.updateComplete;
    expect(control(el, 'street').value).to.equal('ul. Jeziorna');
    expect(control(el, 'postalCode').value).to.equal('44-171');
    const event = oneEvent<EbokProfileChangeEvent>(el, 'ebok-profile-change');
    saveIn(el, 'address').click();
    expect((await event).detail).to.deep.equal({ section: 'address', change: 'saved' });
    expect(body(api, 'PUT', '/customer/correspondence-address')).to.deep.equal({ street: 'ul. Jeziorna', buildingNumber: '8', apartmentNumber: null, postalCode: '44-171', city: 'Pławniowice', country: 'PL' });
    await until(() => !!noticeIn(el, 'address'), 'the notice');
    expect(noticeIn(el, 'address')!.textContent).to.contain('ul. Jeziorna 8, 44-171 Pławniowice');
  });

  it('keeps the typed address on a server error and sends it again with the same key', async () => {
    api.on('PUT', '/customer/correspondence-address', problem(503, 'service_unavailable'), json(200, { ...energia.correspondenceAddress, city: 'Zabrze' }));
    const el = await widget();
    await fill(el, 'city', 'Zabrze');
    saveIn(el, 'address').click();
    await until(() => !!noticeIn(el, 'address'), 'the failure');
    expect(control(el, 'city').value).to.equal('Zabrze');
    expect(noticeIn(el, 'phone'), 'other sections untouched').to.equal(null);
    saveIn(el, 'address').click();
    await until(() => noticeIn(el, 'address')?.textContent?.includes('Zabrze') ?? false, 'saved');
    const keys = api.calls('PUT', '/customer/correspondence-address').map((s) => s.headers.get('Idempotency-Key'));
    expect(keys[1]).to.equal(keys[0]);
  });

  it('after a 401 mid-save hides the data, asks to log in, then saves by itself', async () => {
    api.on('PATCH', '/customer/contact', problem(401, 'session_expired'), json(200, { ...energia, pendingPhone: NEW_PHONE }));
    const el = await widget();
    await fill(el, 'phone', '512345678');
    saveIn(el, 'phone').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="login"]'), 'asked to log in again');
    expect(words(el), 'no personal data while signed out').to.not.contain('Jan Kowalski');
    const event = oneEvent<EbokProfileChangeEvent>(el, 'ebok-profile-change');
    getClient(BASE)!.signedIn(sessionAt());
    await event;
    const keys = api.calls('PATCH', '/customer/contact').map((s) => s.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('changes the password with the policy from the portal config, refusing a wrong current one on its field', async () => {
    api.on('POST', '/auth/password', problem(422, 'validation_failed', { fields: [{ field: '/currentPassword', code: 'incorrect', message: 'x' }] }), new Response(null, { status: 204 }));
    const el = await widget();
    expect(words(el)).to.contain('Co najmniej 12 znaków');
    await fill(el, 'currentPassword', 'Zle-Haslo-2026');
    await fill(el, 'newPassword', 'Jesienne-Liscie-2025');
    await fill(el, 'passwordRepeat', 'Jesienne-Liscie-2025');
    saveIn(el, 'password').click();
    await until(() => !!fieldError(el, 'currentPassword'), 'the wrong password said');
    expect(fieldError(el, 'currentPassword')).to.contain('nieprawidłowe');
    expect(control(el, 'newPassword').value).to.equal('Jesienne-Liscie-2025');
    await fill(el, 'currentPassword', 'Demo-Haslo-2026');
    saveIn(el, 'password').click();
    await until(() => !!noticeIn(el, 'password'), 'the success');
    expect(noticeIn(el, 'password')!.textContent).to.contain('Hasło zostało zmienione');
    expect(body(api, 'POST', '/auth/password', 1)).to.deep.equal({ currentPassword: 'Demo-Haslo-2026', newPassword: 'Jesienne-Liscie-2025' });
    expect(control(el, 'newPassword').value).to.equal('');
    await until(() => active(el) === noticeIn(el, 'password'), 'focus on the notice');
  });

  it('works by keyboard only: Tab from the new number reaches its Save, Enter sends once', async () => {
    api.on('PATCH', '/customer/contact', json(200, { ...energia, pendingPhone: NEW_PHONE }));
    const el = await widget();
    control(el, 'phone').focus();
    await sendKeys({ type: '512 345 678' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(saveIn(el, 'phone'));
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'phoneCode', 'focus on the code');
    expect(api.calls('PATCH', '/customer/contact')).to.have.length(1);
  });

  it('shows a signed-out customer the way to log in, and asks for nothing personal', async () => {
    api.on('GET', '/auth/session', problem(401, 'unauthenticated'));
    const el = await widget();
    expect(el.shadowRoot!.querySelector('[part="login"]')).to.not.equal(null);
    expect(api.calls('GET', '/customer/profile')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('survives a malformed profile with an error and a retry', async () => {
    api.on('GET', '/customer/profile', json(200, { nope: true }), json(200, energia));
    const el = await widget();
    await until(() => !!el.shadowRoot!.querySelector('[part="retry"]'), 'the retry');
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part="retry"]').click();
    await until(() => words(el).includes('Jan Kowalski'), 'the profile after the retry');
  });
});
