import { expect, fixture, html } from '@open-wc/testing';
import '../../src/widgets/payment-history/ebok-payment-history.js';
import type { EbokPaymentHistory } from '../../src/widgets/payment-history/payment-history.js';
import { getClient } from '../../src/api/registry.js';
import { warsawDate } from '../../src/i18n/calendar.js';
import { referenceApiBase, signInAs, DEMO_PASSWORD } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

/**
 * The payment history against the reference server over HTTP: energia@example.com's payments (invoices paid,
 * and a declined, a cancelled and an expired attempt to pay the overdue one), firma@example.com's thousands paged
 * by the server's cursors, the period filtered by the server, and a session that ends on the server.
 */
describe('<ebok-payment-history> with the reference server', function () {
  this.timeout(30000);

  const rows = (el: EbokPaymentHistory) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr[data-index]')];
  const polishDay = (iso: string) => warsawDate(new Date(iso));

  async function historyFor(email: string, template = html`<ebok-payment-history></ebok-payment-history>`): Promise<EbokPaymentHistory> {
    await signInAs(email);
    const el = await fixture<EbokPaymentHistory>(template);
    await el.list.settled();
    await until(() => rows(el).length > 0 || !!el.shadowRoot!.querySelector('[part~="status"]'), `payments of ${email}`, 15000);
    return el;
  }

  async function choose(el: EbokPaymentHistory, id: string, value: string) {
    const control = shadow<HTMLSelectElement | HTMLInputElement>(el, `#${id}`);
    control.value = value;
    control.dispatchEvent(new Event('change'));
    await el.list.settled();
  }

  afterEach(() => {
    resetPage();
    history.replaceState(null, '', location.pathname);
    window.scrollTo(0, 0);
  });

  it("shows energia@example.com's payments newest first, the failed attempts never as money received, accessibly", async () => {
    const el = await historyFor('energia@example.com');
    const items = el.list.items;
    expect(items.length).to.be.greaterThan(3);
    expect(el.list.count).to.equal(el.list.total);
    const created = items.map((p) => p.createdAt).map((at) => Date.parse(at));
    expect([...created].sort((a, b) => b - a), 'newest first').to.deep.equal(created);
    for (const status of ['declined', 'cancelled', 'expired'] as const) {
      const index = items.findIndex((p) => p.status === status);
      expect(index, `a ${status} attempt`).to.be.at.least(0);
      await el.updateComplete;
      const row = rows(el).find((r) => r.dataset['index'] === String(index))!;
      expect(row.textContent, `the ${status} row`).to.contain('nie wpłynęła').and.not.contain('Wpłynęła');
    }
    const paid = rows(el).find((r) => items[Number(r.dataset['index'])]!.status === 'paid')!;
    expect(paid.textContent).to.contain('Wpłynęła');
    await expect(el).to.be.accessible();
  });

  it('says for how many documents each payment was, or their numbers when the server gives them', async () => {
    const el = await historyFor('energia@example.com');
    const index = el.list.items.findIndex((p) => p.documentIds.length > 0);
    const row = rows(el).find((r) => r.dataset['index'] === String(index))!;
    const text = row.querySelector('.col-documents')!.textContent.replace(/\s+/g, ' ');
    const payment = el.list.items[index]!;
    if (payment.documents?.length) expect(text).to.contain(payment.documents[0]!.number);
    else expect(text).to.match(/Za \d+ dokument/);
  });

  it('filters by period on the server: this year, chosen dates, and a period without payments', async () => {
    const el = await historyFor('energia@example.com');
    const all = el.list.items.length;
    const today = warsawDate(new Date());
    await choose(el, 'period', 'this-year');
    expect(el.list.items.every((p) => polishDay(p.createdAt) >= `${today.slice(0, 4)}-01-01` && polishDay(p.createdAt) <= today)).to.equal(true);
    // Chosen dates around the newest payment only.
    await choose(el, 'period', '');
    const newest = polishDay(el.list.items[0]!.createdAt);
    await choose(el, 'period', 'custom');
    await choose(el, 'from', newest);
    await choose(el, 'to', newest);
    expect(el.list.items.length).to.be.within(1, all - 1);
    expect(el.list.items.every((p) => polishDay(p.createdAt) === newest)).to.equal(true);
    await choose(el, 'from', '2001-01-01');
    await choose(el, 'to', '2001-12-31');
    await until(() => words(el).includes('Brak wpłat w wybranym okresie'), 'no payments in 2001');
    await expect(el).to.be.accessible();
  });

  it("pages through firma@example.com's payments with the server's cursors, each payment once", async () => {
    const el = await historyFor('firma@example.com');
    expect(el.list.hasMore, 'more than one page').to.equal(true);
    for (let i = 0; i < 3 && el.list.hasMore; i++) {
      el.list.loadMore();
      await el.list.settled();
    }
    expect(el.list.items.length).to.be.greaterThan(100);
    expect(new Set(el.list.items.map((p) => p.id)).size).to.equal(el.list.items.length);
    const created = el.list.items.map((p) => Date.parse(p.createdAt));
    expect([...created].sort((a, b) => b - a), 'newest first across pages').to.deep.equal(created);
  });

  it('asks to log in again when the server ended the session (401), and shows the payments after the new login', async () => {
    const el = await historyFor('energia@example.com', html`<ebok-payment-history login-href="/logowanie"></ebok-payment-history>`);
    const client = getClient()!;
    // Signed in a while ago: a 401 right after a login would be diagnosed (rightly) as a blocked cookie instead.
    client.session.signedInAt = Date.now() - 5 * 60_000;
    // The session ends on the server (another device logged out, a timeout): the widget learns it from a 401.
    const ended = await fetch(`${await referenceApiBase()}/auth/logout`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'X-CSRF-Token': client.session.state.csrfToken ?? '', 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(ended.ok, `logout answered ${ended.status}`).to.equal(true);
    // (The page's cache would answer the same list for 30 s: ask the server, as the next visit would.)
    client.invalidate(['payments']);
    el.list.reload();
    await until(() => words(el).includes('Twoja sesja wygasła'), 'asked to log in again', 10000);
    expect(shadow(el, '[part="login"]').getAttribute('href')).to.equal('/logowanie');
    await expect(el).to.be.accessible();
    const answer = await client.post('/auth/login', { body: { identifier: 'energia@example.com', password: DEMO_PASSWORD } });
    if (answer.status !== 'signed_in') throw new Error('energia did not sign in again');
    client.signedIn(answer.session);
    await until(() => rows(el).length > 0, 'the payments after the new login', 10000);
  });
});
