import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/widgets/dashboard/ebok-dashboard.js';
import type { EbokDashboard } from '../../src/widgets/dashboard/dashboard.js';
import type { EbokNavigateEvent } from '../../src/core/events.js';
import { referenceApiBase, signInAs } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

/**
 * The dashboard against the reference server over HTTP, signed in as energia@example.com: every card shows what the
 * server holds now (read from the server, since other tests read messages and send tickets), each resource is
 * fetched once for the whole screen, and a card's link hands its section to the host.
 */
describe('<ebok-dashboard> with the reference server', function () {
  this.timeout(30000);
  afterEach(() => resetPage());

  const card = (el: EbokDashboard, name: string) => shadow(el, `[part~="card-${name}"]`).textContent.replace(/\s+/g, ' ').trim();

  it('shows energia@example.com\'s balance, next payment, readings, unread messages, open tickets and outages, one request per resource', async () => {
    const client = await signInAs('energia@example.com');
    const base = await referenceApiBase();
    performance.clearResourceTimings();
    const el = await fixture<EbokDashboard>(html`<ebok-dashboard finance-href="/faktury" messages-href="/wiadomosci"></ebok-dashboard>`);
    await until(() => !!el.shadowRoot!.querySelector('[part~="cards"]') && !el.shadowRoot!.querySelector('.status--loading'), 'every card settled', 20000);
    const tile = shadow(el, 'ebok-balance-tile');
    await until(() => !!tile.shadowRoot?.querySelector('[part="amount"]'), 'the balance', 15000);
    expect(el.shadowRoot!.querySelector('.status--error'), words(el)).to.equal(null);

    // What the server says now, asked again past the cache.
    client.forgetCached();
    const messages = await client.get('/messages', { params: { query: { limit: 1 } } });
    const tickets = await client.get('/tickets', { params: { query: { status: ['open', 'in_progress', 'awaiting_customer'], limit: 100 } } });
    const documents = await client.get('/documents', { params: { query: { status: ['unpaid', 'partially_paid', 'overdue'], sort: 'dueDate', limit: 20 } } });
    const unread = messages.unreadCount;
    const open = tickets.total ?? tickets.items.length;
    expect(card(el, 'messages')).to.contain(unread ? String(unread) : 'Nie masz nieprzeczytanych wiadomości');
    expect(card(el, 'tickets')).to.contain(open ? String(open) : 'Nie masz otwartych zgłoszeń');
    const first = documents.items.filter((d) => Number(d.remaining.amount) > 0).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
    if (first) {
      expect(card(el, 'payment')).to.contain(first.number);
      if (first.status === 'overdue') expect(card(el, 'payment')).to.contain('Po terminie');
    } else expect(card(el, 'payment')).to.contain('Nie masz nic do zapłaty');
    expect(card(el, 'readings')).to.match(/odczyt/i);
    expect(card(el, 'outages')).to.match(/wyłącze/i);

    // Every request of the screen, counted as the browser made them: the three reads above went past the cache on
    // purpose (each of those URLs twice), everything else once.
    const again = [`${base}/messages?limit=1`, '/tickets?', '/documents?'];
    const perUrl = new Map<string, number>();
    for (const entry of performance.getEntriesByType('resource')) if (entry.name.startsWith(base)) perUrl.set(entry.name, (perUrl.get(entry.name) ?? 0) + 1);
    expect([...perUrl.keys()].some((url) => url.endsWith('/balance')), 'the tile\'s balance').to.equal(true);
    for (const [url, count] of perUrl) expect(count, url).to.equal(again.some((part) => url.includes(part)) ? 2 : 1);
    await expect(el).to.be.accessible();
  });

  it('hands a card\'s section to a host that routes itself', async () => {
    await signInAs('energia@example.com');
    const el = await fixture<EbokDashboard>(html`<ebok-dashboard readings-href="/odczyty"></ebok-dashboard>`);
    await until(() => !!el.shadowRoot!.querySelector('[part~="link-readings"]'), 'the cards', 20000);
    el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
    const heard = oneEvent<EbokNavigateEvent>(el, 'ebok-navigate');
    shadow(el, '[part~="link-readings"]').click();
    expect((await heard).detail).to.deep.equal({ target: 'readings', href: '/odczyty' });
  });
});
