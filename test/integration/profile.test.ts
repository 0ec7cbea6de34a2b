import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/widgets/profile/ebok-profile.js';
import '../../src/widgets/account-removal/ebok-account-removal.js';
import type { EbokProfile } from '../../src/widgets/profile/profile.js';
import type { EbokAccountRemoval } from '../../src/widgets/account-removal/account-removal.js';
import type { EbokAccountRemovalRequestedEvent } from '../../src/widgets/account-removal/account-removal.events.js';
import type { EbokClient } from '../../src/api/client.js';
import { cleanups, outbox, signInAs, undoAccountRemoval } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { control, fill, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const ENERGIA = 'energia@example.com';
const ENERGIA_PHONE = '+48601234567';

/** The code of the newest SMS to `phone` that is not in `before`. */
async function newCode(phone: string, before: number): Promise<string> {
  let code: string | undefined;
  const deadline = Date.now() + 10_000;
  while (!code && Date.now() < deadline) {
    const messages = await outbox(phone);
    if (messages.length > before) code = messages[0]!.code;
    else await new Promise((r) => setTimeout(r, 200));
  }
  if (!code) throw new Error(`no SMS code reached ${phone}`);
  return code;
}

/** Puts the phone back to the seed's number, confirmed by its own code (as a customer would). */
async function restorePhone(client: EbokClient): Promise<void> {
  const key = () => ({ header: { 'Idempotency-Key': crypto.randomUUID() } });
  const before = (await outbox(ENERGIA_PHONE)).length;
  const profile = await client.patch('/customer/contact', { params: key(), body: { phone: ENERGIA_PHONE } });
  if (profile.phone === ENERGIA_PHONE) return;
  await client.post('/customer/contact/confirmation', { params: key(), body: { phone: { code: await newCode(ENERGIA_PHONE, before) } } });
}

/**
 * "Moje dane" against the reference server over HTTP: a new phone confirmed with the code the server sent by
 * SMS (read from its outbox), a new correspondence address, and an account removal request filed and shown.
 * Everything is put back after each test.
 */
describe('<ebok-profile> and <ebok-account-removal> with the reference server', function () {
  this.timeout(40000);
  const undo = cleanups();
  afterEach(async () => {
    resetPage();
    await undo.run();
  });

  async function profile() {
    const el = await fixture<EbokProfile>(html`<ebok-profile></ebok-profile>`);
    await until(() => !!el.shadowRoot?.querySelector('[part~="identity"]') && !!el.shadowRoot.querySelector('#newPassword'), 'the profile', 15000);
    return el;
  }
  const saveIn = (el: EbokProfile, section: string) => shadow<HTMLButtonElement>(el, `[part~="${section}"] [part="submit"]`);

  it('energia changes its phone with the code the server sent to the new number', async () => {
    const client = await signInAs(ENERGIA);
    undo.later(() => restorePhone(client));
    const phone = `+4851${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const el = await profile();
    expect(words(el)).to.contain('Jan Kowalski').and.contain('+48 601 234 567');
    const before = (await outbox(phone)).length;
    await fill(el, 'phone', phone.slice(3));
    saveIn(el, 'phone').click();
    await until(() => !!el.shadowRoot!.querySelector('#phoneCode'), 'the code field', 10000);
    expect((await client.get('/customer/profile')).phone, 'the number counts only after the code').to.equal(ENERGIA_PHONE);
    await fill(el, 'phoneCode', await newCode(phone, before));
    saveIn(el, 'phone').click();
    await until(() => el.shadowRoot!.querySelector('[part~="phone"] [part~="notice"]')?.textContent?.includes('zmieniony') ?? false, 'the change confirmed', 10000);
    expect(words(el)).to.contain(`+48 *** *** ${phone.slice(-3)}`);
    client.forgetCached();
    const stored = await client.get('/customer/profile');
    expect(stored.phone).to.equal(phone);
    expect(stored.pendingPhone).to.equal(null);
  });

  it('energia changes its correspondence address, and the server keeps it', async () => {
    const client = await signInAs(ENERGIA);
    const original = (await client.get('/customer/profile')).correspondenceAddress;
    undo.later(() => client.put('/customer/correspondence-address', { params: { header: { 'Idempotency-Key': crypto.randomUUID() } }, body: original }));
    const el = await profile();
    await fill(el, 'street', 'ul. Długa');
    await fill(el, 'buildingNumber', '15');
    await fill(el, 'apartmentNumber', '7');
    await fill(el, 'postalCode', '31147');
    await fill(el, 'city', 'Kraków');
    saveIn(el, 'address').click();
    await until(() => el.shadowRoot!.querySelector('[part~="address"] [part~="notice"]')?.textContent?.includes('Kraków') ?? false, 'saved', 10000);
    expect(control(el, 'postalCode').value, 'as the server normalised it').to.equal('31-147');
    client.forgetCached();
    const stored = (await client.get('/customer/profile')).correspondenceAddress;
    expect(stored).to.include({ street: 'ul. Długa', buildingNumber: '15', apartmentNumber: '7', postalCode: '31-147', city: 'Kraków' });
  });

  it('energia files an account removal request, gets a confirmation e-mail and sees the request pending', async () => {
    await signInAs(ENERGIA);
    const el = await fixture<EbokAccountRemoval>(html`<ebok-account-removal></ebok-account-removal>`);
    await until(() => !!el.shadowRoot?.querySelector('form'), 'the form', 15000);
    const mails = (await outbox(ENERGIA)).length;
    await fill(el, 'removalPassword', 'Demo-Haslo-2026');
    const event = oneEvent<EbokAccountRemovalRequestedEvent>(el, 'ebok-account-removal-requested');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    const { id } = (await event).detail;
    undo.later(() => undoAccountRemoval(id));
    await until(() => !!el.shadowRoot!.querySelector('[part="request"]'), 'the pending request');
    expect(words(el)).to.contain(id);
    const mail = (await outbox(ENERGIA))[0]!;
    expect((await outbox(ENERGIA)).length).to.be.greaterThan(mails);
    expect(mail.subject).to.contain('usunięcie konta');
    // A fresh widget (another page) shows the same request instead of the form.
    el.remove();
    const again = await fixture<EbokAccountRemoval>(html`<ebok-account-removal></ebok-account-removal>`);
    await until(() => !!again.shadowRoot?.querySelector('[part="request"]'), 'the request on another page', 15000);
    expect(again.shadowRoot!.querySelector('form')).to.equal(null);
  });
});
