import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/widgets/invoice-list/ebok-invoice-list.js';
import type { EbokInvoiceList } from '../../src/widgets/invoice-list/invoice-list.js';
import { fileSaver } from '../../src/kit/download.js';
import { signInAs, cleanups, undoPayment, referenceApiBase } from '../helpers/reference-server.js';
import '../../src/widgets/balance-tile/ebok-balance-tile.js';
import type { EbokBalanceTile } from '../../src/widgets/balance-tile/balance-tile.js';
import type { EbokPaymentStartEvent } from '../../src/core/events.js';
import { getClient } from '../../src/api/registry.js';
import { submitSandbox } from '../helpers/sandbox.js';
import { shadow, until } from '../helpers/dom.js';
import { active } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

/**
 * The invoice list against the reference server over HTTP: firma@example.com's 10,000 documents over 12 points
 * of delivery, paged by the server's cursors, filtered by the server, and real PDF files.
 */
describe('<ebok-invoice-list> with the reference server', function () {
  this.timeout(30000);

  const rows = (el: EbokInvoiceList) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr[data-index]')];
  let save: sinon.SinonStub;

  async function listFor(email: string, template = html`<ebok-invoice-list></ebok-invoice-list>`): Promise<EbokInvoiceList> {
    await signInAs(email);
    const el = await fixture<EbokInvoiceList>(template);
    await el.list.settled();
    await until(() => rows(el).length > 0 || !!el.shadowRoot!.querySelector('[part~="status"]'), `documents of ${email}`, 15000);
    return el;
  }

  beforeEach(() => {
    save = sinon.stub(fileSaver, 'save');
  });
  const undo = cleanups();
  afterEach(async () => {
    await undo.run();
    save.restore();
    resetPage();
    history.replaceState(null, '', location.pathname);
    window.scrollTo(0, 0);
  });

  it('shows firma@example.com\'s 10,000 documents: the true count for screen readers, only the rows on screen, accessibly', async () => {
    const el = await listFor('firma@example.com');
    expect(el.list.total).to.equal(10_000);
    expect(shadow(el, 'table').getAttribute('aria-rowcount')).to.equal('10001');
    expect(rows(el).length).to.be.within(1, 80);
    expect(shadow(el, '[part="count"]').textContent).to.match(/10\s000 dokumentów/);
    await expect(el).to.be.accessible();
  });

  it('pages with the server\'s cursors while the customer scrolls, keeping each document once', async () => {
    const el = await listFor('firma@example.com');
    for (let i = 0; i < 40 && el.list.items.length < 150; i++) {
      el.scrollIntoView({ block: 'end' });
      // The table looks at the scroll position in the next frame, and asks for a page after rendering it.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await el.list.settled();
    }
    expect(el.list.items.length).to.be.at.least(150);
    expect(new Set(el.list.items.map((d) => d.id)).size).to.equal(el.list.items.length);
    const dates = el.list.items.map((d) => d.issueDate);
    expect([...dates].sort().reverse(), 'newest first across pages').to.deep.equal(dates);
  });

  it('sorts firma@example.com\'s documents by amount on the server, highest first across pages', async () => {
    const el = await listFor('firma@example.com', html`<ebok-invoice-list sort="-amount"></ebok-invoice-list>`);
    for (let i = 0; i < 20 && el.list.items.length < 60; i++) {
      el.scrollIntoView({ block: 'end' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await el.list.settled();
    }
    expect(el.list.items.length).to.be.at.least(60);
    expect(new Set(el.list.items.map((d) => d.id)).size).to.equal(el.list.items.length);
    const amounts = el.list.items.map((d) => Math.round(Number(d.gross.amount) * 100));
    expect([...amounts].sort((a, b) => b - a), 'highest first across pages').to.deep.equal(amounts);
  });

  it('filters to "to pay" of one point of delivery on the server', async () => {
    const el = await listFor('firma@example.com', html`<ebok-invoice-list status="to-pay"></ebok-invoice-list>`);
    expect(el.list.items.length).to.be.greaterThan(0);
    expect(el.list.items.every((d) => d.status !== 'paid')).to.equal(true);
    await until(() => (el.shadowRoot!.querySelector<HTMLSelectElement>('#point')?.options.length ?? 0) > 2, 'the points of delivery');
    const point = el.list.items[0]!.pointIds[0]!;
    const select = shadow<HTMLSelectElement>(el, '#point');
    select.value = point;
    select.dispatchEvent(new Event('change'));
    await el.list.settled();
    expect(el.getAttribute('point-id')).to.equal(point);
    expect(el.list.items.every((d) => d.pointIds.includes(point) && d.status !== 'paid')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('finds a document by its number and says when nothing matches', async () => {
    const el = await listFor('energia@example.com');
    const number = el.list.items[3]!.number;
    shadow<HTMLInputElement>(el, '#q').focus();
    await sendKeys({ type: number });
    await sendKeys({ press: 'Enter' });
    await el.list.settled();
    expect(el.list.items.map((d) => d.number)).to.include(number);
    el.q = 'NIE-MA-TAKIEGO';
    await el.list.settled();
    await until(() => (el.shadowRoot!.textContent ?? '').includes('Żaden dokument nie spełnia wybranych warunków'), 'nothing matches');
    await expect(el).to.be.accessible();
  });

  it('downloads a real PDF named after the document, by keyboard', async () => {
    const el = await listFor('energia@example.com');
    const index = el.list.items.findIndex((d) => d.hasPdf);
    const doc = el.list.items[index]!;
    rows(el)[index]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('pdf');
    await sendKeys({ press: 'Enter' });
    await until(() => save.called, 'the file saved', 15000);
    const [blob, name] = save.firstCall.args as [Blob, string];
    expect(name).to.equal(`${doc.number.replace(/\//g, '_')}.pdf`);
    expect(blob.type).to.equal('application/pdf');
    expect(new TextDecoder().decode(await blob.slice(0, 5).arrayBuffer())).to.equal('%PDF-');
  });

  it('firma chooses three unpaid invoices and pays them in one payment (up to the cap) through the sandbox; back on the page the list and the tile show it', async () => {
    const el = await listFor('firma@example.com', html`<ebok-invoice-list status="to-pay"></ebok-invoice-list>`);
    const tileBefore = await fixture<EbokBalanceTile>(html`<ebok-balance-tile></ebok-balance-tile>`);
    await until(() => !!tileBefore.state, 'the tile shows the balance', 15000);
    const before = (await getClient(await referenceApiBase())!.get('/balance', { cacheTtlMs: 0 })).balance.amount;
    tileBefore.remove();
    await until(() => el.shadowRoot!.querySelectorAll('[part="choose"]').length >= 3, 'payable documents', 15000);
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="choose"]')].slice(0, 3);
    for (const box of boxes) box.click();
    await el.updateComplete;
    const chosen = el.list.items.filter((d) => boxes.some((b) => b.getAttribute('aria-label')!.endsWith(d.number)));
    expect(chosen).to.have.length(3);
    // Over the utility's cap of one payment (4 300 zł) the list says so before paying, and pays exactly the cap.
    const sum = chosen.reduce((total, d) => total + Math.round(Number(d.remaining.amount) * 100), 0);
    const paid = Math.min(sum, 430_000);
    if (sum > 430_000) expect(shadow(el, '[part="selection"]').textContent).to.contain('limit');
    shadow<HTMLButtonElement>(el, '[part="selection"] [part="pay"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="confirm"]'), 'confirmation', 10000);
    el.addEventListener('ebok-payment-start', (e) => e.preventDefault(), { once: true });
    const started = new Promise<EbokPaymentStartEvent>((resolve) => el.addEventListener('ebok-payment-start', resolve, { once: true }));
    shadow<HTMLButtonElement>(el, '[part="confirm"]').click();
    const { detail } = await started;
    undo.later(() => undoPayment(detail.paymentId));
    expect(Math.round(Number(detail.amount) * 100), 'the payment is the sum of the three, or the cap').to.equal(paid);
    // At the operator: approve, and the sandbox sends the customer back.
    const answer = await submitSandbox(detail.redirectUrl, 'approve');
    const back = new URL(answer.headers.get('Location') ?? `${location.href}?paymentId=${detail.paymentId}&ebok-payment=ebok-invoice-list`, location.href);
    expect(back.searchParams.get('ebok-payment'), 'the return names the list').to.equal('ebok-invoice-list');
    el.remove();
    resetPage();
    await signInAs('firma@example.com');
    history.replaceState(null, '', `${location.pathname}${back.search}`);
    const again = await fixture<HTMLElement>(html`<div><ebok-balance-tile></ebok-balance-tile><ebok-invoice-list status="to-pay"></ebok-invoice-list></div>`);
    const list = again.querySelector('ebok-invoice-list')!;
    const tile = again.querySelector('ebok-balance-tile')!;
    await until(() => !!list.shadowRoot!.querySelector('[part="result"]'), 'the list announces its payment', 15000);
    expect(shadow(list, '[part="result"]').textContent).to.contain('przyjęta');
    expect(tile.shadowRoot!.querySelector('[part="result"]'), 'only the widget that paid announces it').to.equal(null);
    await list.list.settled();
    if (paid === sum) await until(() => list.list.status === 'complete' && chosen.every((d) => !list.list.items.some((i) => i.id === d.id)), 'the paid invoices left "to pay"', 15000);
    const after = (await getClient(await referenceApiBase())!.get('/balance', { cacheTtlMs: 0 })).balance.amount;
    expect(Math.round(Number(before) * 100) - Math.round(Number(after) * 100), 'the balance fell by the payment').to.equal(paid);
    await until(() => !!tile.state, 'the tile shows the new balance', 15000);
    await expect(list).to.be.accessible();
  });
});
