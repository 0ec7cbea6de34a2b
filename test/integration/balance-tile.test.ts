import { expect, fixture, html } from '@open-wc/testing';
import '../../src/widgets/balance-tile/ebok-balance-tile.js';
import type { EbokBalanceTile } from '../../src/widgets/balance-tile/balance-tile.js';
import type { EbokPaymentStartEvent } from '../../src/core/events.js';
import { signInAs, referenceApiBase, cleanups, undoPayment } from '../helpers/reference-server.js';
import { submitSandbox } from '../helpers/sandbox.js';
import { shadow, until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';

/**
 * The balance tile against the reference server over HTTP, with the demo customers' data, real cookies
 * and the payment operator's sandbox.
 */
// Every payment a test makes is undone after it, so the tests hold in any order: energia stays overdue.
describe('<ebok-balance-tile> with the reference server', function () {
  this.timeout(20000);

  async function tileFor(email: string): Promise<EbokBalanceTile> {
    await signInAs(email);
    const el = await fixture<EbokBalanceTile>(html`<ebok-balance-tile href="/saldo"></ebok-balance-tile>`);
    await until(() => !!el.state || !!el.shadowRoot?.querySelector('.status--error'), `tile of ${email}`, 10000);
    return el;
  }

  const undo = cleanups();
  afterEach(async () => {
    history.replaceState(null, '', location.pathname);
    resetPage();
    await undo.run();
  });

  it('shows energia@example.com overdue, with its overdue invoice', async () => {
    const el = await tileFor('energia@example.com');
    expect(el.state).to.equal('overdue');
    expect(shadow(el, '[part="details"]').textContent).to.contain('Po terminie');
    expect(el.shadowRoot!.querySelector('[part="pay"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows gaz@example.com overpaid, with nothing to pay', async () => {
    const el = await tileFor('gaz@example.com');
    expect(el.state).to.equal('overpaid');
    expect(el.shadowRoot!.querySelector('[part="pay"]')).to.equal(null);
  });

  it('shows woda@example.com settled, in green, with nothing to pay', async () => {
    const el = await tileFor('woda@example.com');
    expect(el.state).to.equal('settled');
  });

  it('shows firma@example.com in red as an amount to pay by its due date, not as nothing to pay', async () => {
    const el = await tileFor('firma@example.com');
    expect(el.state).to.equal('due');
    expect(el.shadowRoot!.querySelector('[part="details"]')!.textContent).to.match(/Do zapłaty [\d\s\u00a0]+,\d{2}\s*zł do \d{2}\.\d{2}\.\d{4}\./);
    await expect(el).to.be.accessible();
  });

  async function payThroughSandbox(action: 'approve' | 'decline' | 'cancel'): Promise<{ paymentId: string; back: URL }> {
    const el = await tileFor('energia@example.com');
    shadow<HTMLButtonElement>(el, '[part="pay"]').click();
    // "Zapłać" opens the confirmation once the payment settings are in (the portal config, asked afresh with a session).
    await until(() => !!el.shadowRoot?.querySelector('[part="confirm"]'), 'the confirmation', 10000);
    el.addEventListener('ebok-payment-start', (e) => e.preventDefault(), { once: true });
    const started = new Promise<EbokPaymentStartEvent>((resolve) => el.addEventListener('ebok-payment-start', resolve, { once: true }));
    shadow<HTMLButtonElement>(el, '[part="confirm"]').click();
    const { detail } = await started;
    undo.later(() => undoPayment(detail.paymentId));
    // The customer at the operator: the sandbox page offers approve / decline / cancel as forms.
    const answer = await submitSandbox(detail.redirectUrl, action);
    const location = answer.headers.get('Location');
    expect(answer.status, 'the sandbox sends the customer back').to.be.oneOf([302, 303, 0]);
    el.remove();
    return { paymentId: detail.paymentId, back: new URL(location ?? `${window.location.href}?paymentId=${detail.paymentId}`, window.location.href) };
  }

  async function returnTo(back: URL): Promise<EbokBalanceTile> {
    history.replaceState(null, '', `${window.location.pathname}${back.search}`);
    const el = await fixture<EbokBalanceTile>(html`<ebok-balance-tile></ebok-balance-tile>`);
    await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'payment outcome shown', 10000);
    return el;
  }

  for (const [action, words, done] of [
    ['decline', 'odrzucona', 'declined'],
    ['cancel', 'anulowana', 'cancelled'],
  ] as const) {
    it(`leaves the balance overdue and says so when the payment is ${done}`, async () => {
      const { back } = await payThroughSandbox(action);
      const el = await returnTo(back);
      expect(shadow(el, '[part="result"]').textContent).to.contain(words);
      expect(shadow(el, '[part="result"]').getAttribute('role')).to.equal('alert');
      await until(() => el.state === 'overdue', 'still overdue', 10000);
    });
  }

  it('pays the whole balance through the sandbox: the tile turns settled without a reload and says so', async () => {
    const { paymentId, back } = await payThroughSandbox('approve');
    expect(back.searchParams.get('paymentId')).to.equal(paymentId);
    const el = await returnTo(back);
    expect(shadow(el, '[part="result"]').textContent).to.contain('przyjęta');
    await until(() => el.state === 'settled', 'balance settled after paying', 10000);
    await expect(el).to.be.accessible();
  });

  it('uses the reference server over HTTP', async () => {
    expect(await referenceApiBase()).to.match(/^http:\/\/localhost:\d+\/api\/v1$/);
  });
});
