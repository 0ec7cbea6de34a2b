import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/widgets/messages/ebok-messages.js';
import type { EbokMessages } from '../../src/widgets/messages/messages.js';
import type { EbokUnreadChangeEvent } from '../../src/widgets/messages/messages.events.js';
import { cleanups, signInAs, unreadMessage } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

/**
 * The notification history against the reference server over HTTP: energia@example.com's nine messages (three
 * unread), filtered by the server (kind, channel, unread), and a message opened and marked read with the real
 * session cookie and CSRF token; the mark is undone after the test, so the shared server keeps its seed.
 */
describe('<ebok-messages> with the reference server', function () {
  this.timeout(30000);
  const undo = cleanups();

  const items = (el: EbokMessages) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="message"]')];

  async function messagesFor(email: string, template = html`<ebok-messages></ebok-messages>`): Promise<EbokMessages> {
    await signInAs(email);
    const el = await fixture<EbokMessages>(template);
    await el.list.settled();
    await until(() => items(el).length > 0 || !!el.shadowRoot!.querySelector('[part~="status"]'), `messages of ${email}`, 15000);
    return el;
  }

  async function choose(el: EbokMessages, id: string, value: string) {
    const control = shadow<HTMLSelectElement>(el, `#${id}`);
    control.value = value;
    control.dispatchEvent(new Event('change'));
    await el.list.settled();
  }

  afterEach(async () => {
    await undo.run();
    resetPage();
    history.replaceState(null, '', location.pathname);
  });

  it("shows energia@example.com's messages newest first, kinds and channels in words, the server's unread count, accessibly", async () => {
    const el = await messagesFor('energia@example.com');
    const list = el.list.items;
    expect(list.length).to.be.greaterThan(5);
    const sent = list.map((m) => Date.parse(m.sentAt));
    expect([...sent].sort((a, b) => b - a), 'newest first').to.deep.equal(sent);
    const unread = list.filter((m) => m.readAt === null).length;
    expect(el.unreadCount).to.equal(unread);
    expect(el.getAttribute('unread-count')).to.equal(String(unread));
    expect(words(el)).to.contain('Wezwanie do zapłaty').and.contain('Termin płatności').and.contain('SMS').and.contain('E-mail');
    const sms = items(el)[list.findIndex((m) => m.channel === 'sms')]!;
    expect(sms.querySelector('[part="title"]')!.textContent, 'an SMS shows the start of its text').to.contain('Energia Przyklad');
    await expect(el).to.be.accessible();
  });

  it('filters on the server by kind (several from the attribute), by channel and by unread', async () => {
    const el = await messagesFor('energia@example.com', html`<ebok-messages event="overdue_reminder due_date"></ebok-messages>`);
    expect(el.list.items.length).to.be.greaterThan(0);
    expect(el.list.items.every((m) => m.event === 'overdue_reminder' || m.event === 'due_date')).to.equal(true);
    await choose(el, 'event', '');
    await choose(el, 'channel', 'sms');
    expect(el.list.items.length).to.be.greaterThan(0);
    expect(el.list.items.every((m) => m.channel === 'sms')).to.equal(true);
    await choose(el, 'channel', '');
    shadow<HTMLInputElement>(el, '#unread').click();
    await el.list.settled();
    expect(el.list.items.length).to.equal(el.unreadCount);
    expect(el.list.items.every((m) => m.readAt === null)).to.equal(true);
    await choose(el, 'event', 'debt_collection');
    await until(() => words(el).includes('Żadna wiadomość nie pasuje do wybranych filtrów'), 'no match');
  });

  it('opening an unread message marks it read on the server, once; the count goes down and stays down after a reload', async () => {
    const el = await messagesFor('energia@example.com');
    const index = el.list.items.findIndex((m) => m.readAt === null);
    const target = el.list.items[index]!;
    undo.later(() => unreadMessage(target.id));
    const before = el.unreadCount!;
    const told: Promise<EbokUnreadChangeEvent> = oneEvent(el, 'ebok-unread-change');
    items(el)[index]!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    expect((await told).detail.count).to.equal(before - 1);
    await until(() => items(el)[index]!.querySelector('[part="body"]')!.textContent.includes(target.body.slice(0, 20)), 'the whole text');
    // The server took the mark (CSRF and cookie): a fresh widget gets the lower count from the server.
    await new Promise((resolve) => setTimeout(resolve, 300));
    // (A mark drops the client's cached lists itself; this only makes sure the second widget asks the server.)
    el.client?.invalidate(['messages']);
    const again = await fixture<EbokMessages>(html`<ebok-messages></ebok-messages>`);
    await again.list.settled();
    await until(() => again.unreadCount !== undefined, 'the count from the server');
    expect(again.unreadCount).to.equal(before - 1);
    expect(again.list.items.find((m) => m.id === target.id)!.readAt).to.be.a('string');
  });
});
