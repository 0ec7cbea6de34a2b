import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/widgets/notification-settings/ebok-notification-settings.js';
import type { EbokNotificationSettings } from '../../src/widgets/notification-settings/notification-settings.js';
import type { EbokNotificationSettingsSavedEvent } from '../../src/widgets/notification-settings/notification-settings.events.js';
import { cleanups, signInAs } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';

/** `<ebok-notification-settings>` against the reference server over HTTP, with a real session cookie. */
describe('notification settings with the reference server', function () {
  this.timeout(30000);
  const undo = cleanups();
  const plannedWorksBySms = (el: Element) => shadow<HTMLInputElement>(el, '#sms-planned_works');

  beforeEach(() => resetPage());
  afterEach(async () => {
    resetPage();
    await undo.run();
  });

  async function widget() {
    const el = await fixture<EbokNotificationSettings>(html`<ebok-notification-settings></ebok-notification-settings>`);
    await until(() => !!el.shadowRoot?.querySelector('table[part="grid"]'), 'the grid', 10000);
    return el;
  }

  it('energia turns SMS about planned works off; it is stored and still off after a reload', async () => {
    const client = await signInAs('energia@example.com');
    const before = await client.get('/customer/notification-preferences', {});
    expect(before.sms.planned_works, 'the seed has it on').to.equal(true);
    undo.later(async () => {
      const c = await signInAs('energia@example.com');
      await c.put('/customer/notification-preferences', { params: { header: { 'Idempotency-Key': `undo-${Date.now()}` } }, body: before });
    });

    const el = await widget();
    expect(plannedWorksBySms(el).checked).to.equal(true);
    expect(plannedWorksBySms(el).disabled, 'energia has a confirmed phone').to.equal(false);
    plannedWorksBySms(el).click();
    await el.updateComplete;
    const saved = oneEvent<EbokNotificationSettingsSavedEvent>(el, 'ebok-notification-settings-saved');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    expect((await saved).detail.sms.planned_works).to.equal(false);
    expect((await saved).detail.sms.due_date, 'the other choices as they were').to.equal(before.sms.due_date);

    // A reload: a new page client (no cache), signed in again, a new widget.
    await signInAs('energia@example.com');
    const again = await widget();
    expect(plannedWorksBySms(again).checked, 'still off after the reload').to.equal(false);
    expect(shadow<HTMLInputElement>(again, '#sms-due_date').checked).to.equal(before.sms.due_date);
  });
});
