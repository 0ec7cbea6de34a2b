import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/notification-settings/ebok-notification-settings.js';
import type { EbokNotificationSettings } from '../../src/widgets/notification-settings/notification-settings.js';
import type { EbokNotificationSettingsSavedEvent } from '../../src/widgets/notification-settings/notification-settings.events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { persona, profileOf, type Schemas } from '../../demo/personas/index.js';
import { shadow, until } from '../helpers/dom.js';
import { active, notice, noticeText, words } from '../helpers/harness.js';
import { deviceOffline, resetPage } from '../helpers/page.js';
import { polishIn } from '../helpers/polish.js';
import { localeReady } from '../../src/i18n/locale.js';

const BASE = 'https://api.utility.test/api/v1';
type Preferences = Schemas['NotificationPreferences'];
const energia = profileOf(persona('energia'));
/** The fixture persona's matrix: every e-mail, SMS for due dates, planned works, readings and collection; 3 days ahead. */
const stored: Preferences = persona('energia').customer.preferences;
const withoutPhone: Schemas['Profile'] = { ...energia, phone: null };

const box = (el: Element, channel: 'email' | 'sms', topic: string) => shadow<HTMLInputElement>(el, `#${channel}-${topic}`);
const days = (el: Element) => shadow<HTMLSelectElement>(el, '#days');
const saveButton = (el: Element) => shadow<HTMLButtonElement>(el, '[part="submit"]');
const sentBodies = (api: FakeApi) => api.calls('PUT', '/customer/notification-preferences').map((s) => JSON.parse(s.body) as Preferences);

/** Flips one switch as a click would (a change event). */
async function toggle(el: EbokNotificationSettings, channel: 'email' | 'sms', topic: string) {
  box(el, channel, topic).click();
  await el.updateComplete;
}

async function chooseDays(el: EbokNotificationSettings, value: number) {
  const select = days(el);
  select.value = String(value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('<ebok-notification-settings>', () => {
  let api: FakeApi;

  beforeEach(() => {
    resetPage();
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/customer/notification-preferences', json(200, stored))
      .on('GET', '/customer/profile', json(200, energia))
      .on('PUT', '/customer/notification-preferences', (request) => request.text().then((text) => json(200, JSON.parse(text))));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => resetPage());

  async function widget(template = html`<ebok-notification-settings profile-href="/moje-dane" login-href="/logowanie"></ebok-notification-settings>`) {
    const el = await fixture<EbokNotificationSettings>(template);
    await until(() => !!el.shadowRoot?.querySelector('form, [part~="error"], [part~="offline"], [part="login"]'), 'the settings settled', 5000);
    return el;
  }

  it('shows the stored choices in the grid, the reminder days, and is accessible', async () => {
    const el = await widget();
    expect(box(el, 'email', 'new_invoice').checked, 'e-mail: new invoice').to.equal(true);
    expect(box(el, 'sms', 'new_invoice').checked, 'SMS: new invoice').to.equal(false);
    expect(box(el, 'sms', 'planned_works').checked, 'SMS: planned works').to.equal(true);
    expect(days(el).value).to.equal('3');
    expect(words(el)).to.contain('3 dni przed terminem');
    await expect(el).to.be.accessible();
  });

  it('in English has no Polish left, without a phone too, and is accessible', async () => {
    api.on('GET', '/customer/profile', json(200, withoutPhone));
    const el = await widget(html`<ebok-notification-settings lang="en" profile-href="/my-data"></ebok-notification-settings>`);
    await localeReady();
    await until(() => words(el).includes('Notifications') && !!el.shadowRoot!.querySelector('table'), 'the grid in English', 5000);
    expect(await polishIn(words(el)), `Polish left: "${words(el)}"`).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('is a real table: a caption, channels as column headers, topics as row headers, every switch named by both', async () => {
    const el = await widget();
    const table = shadow<HTMLTableElement>(el, 'table[part="grid"]');
    expect(table.caption?.textContent?.trim()).to.equal('Powiadomienia: o czym i którędy');
    const columns = [...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), th.textContent?.trim()]);
    expect(columns).to.deep.equal([
      ['col', 'Temat'],
      ['col', 'E-mail'],
      ['col', 'SMS'],
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(6);
    for (const row of rows) {
      expect(row.querySelector('th')?.getAttribute('scope'), 'each row has its header').to.equal('row');
      expect(row.querySelectorAll('td input[type="checkbox"]')).to.have.length(2);
    }
    expect(box(el, 'sms', 'planned_works').getAttribute('aria-label')).to.equal('SMS: Planowane prace przy moich punktach');
  });

  it('without a confirmed phone disables every SMS switch, says why and links to the profile', async () => {
    api.on('GET', '/customer/profile', json(200, withoutPhone));
    const el = await widget();
    for (const topic of ['new_invoice', 'due_date', 'collection', 'planned_works', 'reading_window', 'security']) {
      const sms = box(el, 'sms', topic);
      expect(sms.disabled, `SMS ${topic} disabled`).to.equal(true);
      expect(sms.checked, `SMS ${topic} not shown as on`).to.equal(false);
      expect(sms.getAttribute('aria-describedby')).to.equal('phone-note');
    }
    expect(box(el, 'email', 'new_invoice').disabled, 'e-mail still choosable').to.equal(false);
    expect(shadow(el, '#phone-note').textContent).to.contain('numer telefonu');
    const link = shadow<HTMLAnchorElement>(el, '[part="profile-link"]');
    expect(link.getAttribute('href')).to.equal('/moje-dane');
    // The host routes itself (cancels the event), so the test page stays where it is.
    let target: string | undefined;
    el.addEventListener('ebok-navigate', (e) => {
      target = (e as CustomEvent<{ target: string }>).detail.target;
      e.preventDefault();
    }, { once: true });
    link.click();
    expect(target).to.equal('profile');
    await expect(el).to.be.accessible();
  });

  it('saves a matrix without a phone with every SMS off, as the server requires', async () => {
    api.on('GET', '/customer/profile', json(200, withoutPhone));
    const el = await widget();
    saveButton(el).click();
    await until(() => sentBodies(api).length === 1, 'the save');
    expect(Object.values(sentBodies(api)[0]!.sms).some(Boolean), 'no SMS sent as on').to.equal(false);
  });

  it('keeps security e-mails on: checked, disabled, explained, and sent as on', async () => {
    const el = await widget();
    const security = box(el, 'email', 'security');
    expect(security.checked).to.equal(true);
    expect(security.disabled).to.equal(true);
    expect(security.getAttribute('aria-describedby')).to.equal('security-note');
    expect(shadow(el, '#security-note').textContent).to.contain('nie można wyłączyć');
    security.click();
    await el.updateComplete;
    expect(security.checked, 'a click on the locked switch changes nothing').to.equal(true);
    saveButton(el).click();
    await until(() => sentBodies(api).length === 1, 'the save');
    expect(sentBodies(api)[0]!.email.security).to.equal(true);
  });

  it('offers only 1 to 14 days before the due date and sends the chosen number', async () => {
    const el = await widget();
    expect([...days(el).options].map((o) => o.value)).to.deep.equal(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(days(el).options[0]!.textContent?.trim()).to.equal('1 dzień');
    expect(shadow(el, '#days-hint').textContent).to.contain('Od 1 do 14 dni');
    await chooseDays(el, 7);
    expect(words(el), 'the due date row follows the choice').to.contain('7 dni przed terminem');
    saveButton(el).click();
    await until(() => sentBodies(api).length === 1, 'the save');
    expect(sentBodies(api)[0]!.dueDateReminderDays).to.equal(7);
  });

  it('shows a stored reminder outside 1 to 14 as the nearest offered day, and saves what it shows', async () => {
    api.on('GET', '/customer/notification-preferences', json(200, { ...stored, dueDateReminderDays: 30 }));
    const el = await widget();
    expect(days(el).value).to.equal('14');
    expect(words(el)).to.contain('14 dni przed terminem');
    saveButton(el).click();
    await until(() => sentBodies(api).length === 1, 'the save');
    expect(sentBodies(api)[0]!.dueDateReminderDays).to.equal(14);
  });

  it('a server refusal of the days says 1 to 14 in words, keeps the choices and focuses the message', async () => {
    api.on('PUT', '/customer/notification-preferences', problem(422, 'validation_failed', { fields: [{ field: '/dueDateReminderDays', code: 'out_of_range', message: 'x' }] }));
    const el = await widget();
    await toggle(el, 'sms', 'planned_works');
    await chooseDays(el, 14);
    saveButton(el).click();
    expect(await noticeText(el, 'the refusal')).to.contain('Wybierz od 1 do 14 dni przed terminem płatności.').and.contain('Twoje wybory zostały');
    expect(box(el, 'sms', 'planned_works').checked, 'the switch stays as chosen').to.equal(false);
    expect(days(el).value).to.equal('14');
    await until(() => active(el) === notice(el), 'focus on the refusal');
  });

  it('saves the changed matrix once on a double click, says so, focuses the message and fires the event with what was stored', async () => {
    const el = await widget();
    await toggle(el, 'sms', 'planned_works');
    await toggle(el, 'sms', 'new_invoice');
    const event = oneEvent<EbokNotificationSettingsSavedEvent>(el, 'ebok-notification-settings-saved');
    saveButton(el).click();
    saveButton(el).click();
    const saved = await event;
    const expected: Preferences = { ...stored, sms: { ...stored.sms, planned_works: false, new_invoice: true } };
    expect(sentBodies(api), 'one request').to.deep.equal([expected]);
    expect(saved.detail).to.deep.equal(expected);
    expect(await noticeText(el, 'the success')).to.contain('Zapisaliśmy ustawienia powiadomień.');
    await until(() => active(el) === notice(el), 'focus on the success message');
    expect(api.calls('PUT', '/customer/notification-preferences')[0]!.headers.get('Idempotency-Key')).to.be.a('string').and.not.equal('');
  });

  it('a failed save keeps every choice and sends them again with the same key', async () => {
    api.on('PUT', '/customer/notification-preferences', problem(503, 'service_unavailable'), json(200, { ...stored, sms: { ...stored.sms, planned_works: false } }));
    const el = await widget();
    await toggle(el, 'sms', 'planned_works');
    saveButton(el).click();
    expect(await noticeText(el, 'the failure')).to.not.contain('Zapisaliśmy');
    expect(notice(el)!.getAttribute('part')).to.contain('error');
    expect(box(el, 'sms', 'planned_works').checked, 'the choice kept').to.equal(false);
    saveButton(el).click();
    await until(() => words(el).includes('Zapisaliśmy ustawienia powiadomień.'), 'saved on the second try');
    const calls = api.calls('PUT', '/customer/notification-preferences');
    expect(calls).to.have.length(2);
    expect(calls[1]!.headers.get('Idempotency-Key')).to.equal(calls[0]!.headers.get('Idempotency-Key'));
    expect(sentBodies(api)[1]).to.deep.equal(sentBodies(api)[0]);
  });

  it('after a 401 mid-save asks to log in again, then saves the same choices by itself', async () => {
    api.on('PUT', '/customer/notification-preferences', problem(401, 'session_expired'), json(200, { ...stored, sms: { ...stored.sms, planned_works: false } }));
    const el = await widget();
    await toggle(el, 'sms', 'planned_works');
    saveButton(el).click();
    await until(() => !!el.shadowRoot!.querySelector('[part="login"]'), 'asked to log in again');
    expect(el.shadowRoot!.querySelector('table'), 'no settings while signed out').to.equal(null);
    const event = oneEvent<EbokNotificationSettingsSavedEvent>(el, 'ebok-notification-settings-saved');
    getClient(BASE)!.signedIn(sessionAt());
    expect((await event).detail.sms.planned_works).to.equal(false);
    const calls = api.calls('PUT', '/customer/notification-preferences');
    expect(calls).to.have.length(2);
    expect(calls[1]!.headers.get('Idempotency-Key')).to.equal(calls[0]!.headers.get('Idempotency-Key'));
    expect(sentBodies(api)[1]!.sms.planned_works).to.equal(false);
    await until(() => !!el.shadowRoot!.querySelector('table'), 'the grid back');
    expect(box(el, 'sms', 'planned_works').checked, 'the choice still shown').to.equal(false);
  });

  it('says it is loading while the settings come', async () => {
    api.on('GET', '/customer/notification-preferences', 'hang');
    const el = await fixture<EbokNotificationSettings>(html`<ebok-notification-settings></ebok-notification-settings>`);
    await until(() => !!el.shadowRoot!.querySelector('[part~="status"][role="status"]'), 'the loading state');
    expect(words(el)).to.contain('ustawienia powiadomień');
    expect(el.shadowRoot!.querySelector('table'), 'no grid yet').to.equal(null);
  });

  it('shows a customer who turned everything off every switch off but the locked one', async () => {
    const off = (events: Preferences['email']) => Object.fromEntries(Object.keys(events).map((k) => [k, false])) as Preferences['email'];
    api.on('GET', '/customer/notification-preferences', json(200, { email: off(stored.email), sms: off(stored.sms), dueDateReminderDays: 1 }));
    const el = await widget();
    const on = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((b) => b.checked).map((b) => b.id);
    expect(on).to.deep.equal(['email-security']);
    expect(days(el).value).to.equal('1');
  });

  it('on a server error shows an error with a retry that loads the settings', async () => {
    api.on('GET', '/customer/notification-preferences', problem(500, 'internal_error'), json(200, stored));
    const el = await widget();
    expect(shadow(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    expect(words(el)).to.contain('chwilowo niedostępny');
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part="retry"]').click();
    await until(() => !!el.shadowRoot!.querySelector('table'), 'the grid after the retry');
  });

  it('a malformed answer (a topic missing) is an error, not a half grid', async () => {
    const { planned_works: _gone, ...partial } = stored.sms;
    api.on('GET', '/customer/notification-preferences', json(200, { ...stored, sms: partial }));
    const el = await widget();
    expect(el.shadowRoot!.querySelector('[part="retry"]')).to.exist;
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
  });

  describe('offline', () => {
    let online = () => {};
    afterEach(() => online());

    it('says there is no connection and loads after the retry once back online', async () => {
      online = deviceOffline();
      api.on('GET', '/customer/notification-preferences', new TypeError('Failed to fetch'), json(200, stored));
      const el = await widget();
      expect(el.shadowRoot!.querySelector('[part~="offline"]'), 'the offline state').to.exist;
      await expect(el).to.be.accessible();
      online();
      shadow<HTMLButtonElement>(el, '[part="retry"]').click();
      await until(() => !!el.shadowRoot!.querySelector('table'), 'the grid once online');
    });
  });

  it('shows a signed-out customer the way to log in and loads nothing personal', async () => {
    api.on('GET', '/auth/session', problem(401, 'unauthenticated'));
    const el = await widget();
    expect(el.shadowRoot!.querySelector('[part="login"]')).to.exist;
    expect(api.calls('GET', '/customer/notification-preferences')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('works by keyboard: Space flips a switch, the locked one takes no focus, Tab from the days reaches Save, Enter saves once', async () => {
    const el = await widget();
    box(el, 'sms', 'reading_window').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(box(el, 'sms', 'reading_window').checked, 'Space turned SMS readings off').to.equal(false);
    box(el, 'email', 'security').focus();
    expect(active(el), 'the locked switch is skipped by focus').to.not.equal(box(el, 'email', 'security'));
    days(el).focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el), 'Tab from the days reaches Save').to.equal(saveButton(el));
    await sendKeys({ press: 'Enter' });
    await until(() => !!notice(el), 'the result');
    expect(sentBodies(api)).to.have.length(1);
    expect(sentBodies(api)[0]!.sms.reading_window).to.equal(false);
  });
});
