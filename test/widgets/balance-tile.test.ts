import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/widgets/balance-tile/ebok-balance-tile.js';
import type { EbokBalanceTile } from '../../src/widgets/balance-tile/balance-tile.js';
import type { EbokPaymentStartEvent, EbokNavigateEvent } from '../../src/core/events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { FakeApi, json, problem, balanceAt, dateFromToday, portalConfigOf, sessionAt } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';
import { forgetPaymentReturn, markPaymentLeaving, paymentToCheck } from '../../src/kit/payment-return.js';
import { words } from '../helpers/harness.js';
import type { EbokDialog } from '../../src/kit/dialog.js';

const BASE = 'https://api.utility.test/api/v1';
const money = (amount: string) => ({ amount, currency: 'PLN' });
/** The demo energy portal, with a cap of 4300 PLN a payment and a fee note the tests can recognise. */
const CONFIG = { ...portalConfigOf('energia'), payments: { perTransactionCap: money('4300.00'), feeNote: { pl: 'Bez prowizji.', en: 'No fee.' }, methods: ['blik' as const] } };

/** `2026-10-15` as a Polish page writes it, `15.10.2026` (written out here, not with the widget's formatter). */
const polishDay = (date: string) => date.split('-').reverse().join('.');
/** An instant `minutes` from the real now, as the API writes it. */
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const ready = (el: EbokBalanceTile) => until(() => !!el.state || words(el).includes('Zaloguj') || !!el.shadowRoot?.querySelector('.status--error'), 'tile settled');

describe('<ebok-balance-tile>', () => {
  let api: FakeApi;

  function serve(balance: object = balanceAt(), config: object = CONFIG) {
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/balance', json(200, balance))
      .on('GET', '/portal-config', json(200, config));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  }

  async function tile(template = html`<ebok-balance-tile href="/ebok/saldo"></ebok-balance-tile>`) {
    const el = await fixture<EbokBalanceTile>(template);
    await ready(el);
    return el;
  }

  beforeEach(() => resetPage());
  afterEach(() => {
    resetPage();
    history.replaceState(null, '', location.pathname);
  });

  describe('states of the balance', () => {
    it('shows an overdue balance in words, with the overdue total and oldest due date', async () => {
      const balance = balanceAt();
      serve(balance);
      const el = await tile();
      expect(el.state).to.equal('overdue');
      expect(el.getAttribute('state')).to.equal('overdue');
      expect(shadow(el, '[part="state"]').textContent).to.contain('Zaległość po terminie');
      expect(shadow(el, '[part="amount"]').textContent).to.contain('245,67');
      expect(shadow(el, '[part="details"]').textContent).to.contain(polishDay(balance.oldestDueDate));
      expect(shadow(el, '[part="state"] svg'), 'an icon besides the colour').to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows an overpayment as a positive amount labelled as such, with no pay button', async () => {
      serve({ ...balanceAt(), balance: money('-120.00'), overdue: money('0.00'), overdueCount: 0, oldestDueDate: null });
      const el = await tile();
      expect(el.state).to.equal('overpaid');
      expect(shadow(el, '[part="state"]').textContent).to.contain('Nadpłata');
      expect(shadow(el, '[part="amount"]').textContent).to.contain('120,00').and.not.contain('-');
      expect(el.shadowRoot!.querySelector('[part="pay"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows an amount not yet due in red as "Do zapłaty", with its due date, never as settled', async () => {
      const dueDate = dateFromToday(18);
      serve({
        ...balanceAt(),
        balance: money('130.00'),
        overdue: money('0.00'),
        overdueCount: 0,
        oldestDueDate: null,
        nextPayment: { amount: money('130.00'), dueDate },
      });
      const el = await tile();
      expect(el.state).to.equal('due');
      expect(shadow(el, '[part="state"]').textContent).to.contain('Do zapłaty');
      expect(shadow(el, '[part="details"]').textContent).to.contain('Do zapłaty 130,00').and.contain(polishDay(dueDate));
      expect(getComputedStyle(shadow(el, '.base')).borderInlineStartColor, 'the red of the due tone').to.equal('rgb(179, 38, 30)');
      await expect(el).to.be.accessible();
    });

    it('hides "Pay" when the portal has payments switched off', async () => {
      serve(balanceAt(), { ...CONFIG, features: { payments: false } });
      const el = await tile();
      expect(el.state).to.equal('overdue');
      expect(el.shadowRoot!.querySelector('[part="pay"]')).to.equal(null);
    });

    it('speaks English when the page does', async () => {
      serve();
      const el = await tile(html`<ebok-balance-tile lang="en"></ebok-balance-tile>`);
      await until(() => words(el).includes('Overdue'), 'English texts');
      expect(shadow(el, '[part="amount"]').textContent).to.contain('PLN');
      el.removeAttribute('lang');
    });
  });

  describe('other states', () => {
    it('asks the customer to log in when signed out, and fires ebok-navigate for the host to route', async () => {
      api = new FakeApi().on('GET', '/auth/session', problem(401, 'unauthenticated'));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await tile(html`<ebok-balance-tile login-href="/logowanie"></ebok-balance-tile>`);
      const link = shadow<HTMLAnchorElement>(el, '[part="login"]');
      expect(link.getAttribute('href')).to.equal('/logowanie');
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      link.addEventListener('click', (e) => e.preventDefault(), { once: true });
      link.click();
      expect((await navigate).detail.target).to.equal('login');
      expect(api.calls('GET', '/balance')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('hides itself when signed out with signed-out="hidden"', async () => {
      api = new FakeApi().on('GET', '/auth/session', problem(401, 'unauthenticated'));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await fixture<EbokBalanceTile>(html`<ebok-balance-tile signed-out="hidden"></ebok-balance-tile>`);
      await until(() => el.hidden === true, 'hidden');
      expect(getComputedStyle(el).display).to.equal('none');
    });

    it('shows an error with a retry that loads the balance again', async () => {
      api = new FakeApi()
        .on('GET', '/auth/session', json(200, sessionAt()))
        .on('GET', '/balance', problem(500, 'internal_error'), json(200, balanceAt()))
        .on('GET', '/portal-config', json(200, CONFIG));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await tile();
      expect(words(el)).to.contain('Nie udało się wczytać salda');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
      await until(() => el.state === 'overdue', 'balance after retry');
    });

    it('survives a malformed answer: an error state, not a broken page', async () => {
      serve({ balance: 'lots', overdue: null });
      const el = await tile();
      expect(el.state).to.equal(undefined);
      expect(words(el)).to.contain('nieoczekiwany');
    });

    it('survives a malformed portal configuration: the balance shows, and paying works without its cap', async () => {
      serve(balanceAt(), { features: 'yes', payments: null });
      const el = await tile();
      expect(el.state).to.equal('overdue');
      expect(shadow(el, '[part="pay"]'), 'payments are on unless the configuration says otherwise').to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows a loading skeleton that says what is loading', async () => {
      api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/balance', 'hang');
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await fixture<EbokBalanceTile>(html`<ebok-balance-tile></ebok-balance-tile>`);
      await until(() => api.calls('GET', '/balance').length === 1, 'balance requested');
      expect(shadow(el, '.skeleton [role], .skeleton').textContent).to.contain('Wczytywanie salda');
      expect(shadow(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  });

  describe('on a small phone with large text', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    /** The lines the amount's figures and currency take (its visually hidden label aside), and whether it fits. */
    function amountLayout(el: EbokBalanceTile) {
      const amount = shadow(el, '[part="amount"]');
      const figures = [...amount.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && /\d/.test(node.textContent ?? ''))!;
      const range = document.createRange();
      range.selectNodeContents(figures);
      const tops = [...range.getClientRects()].filter((rect) => rect.width > 1).map((rect) => rect.top);
      return {
        text: figures.textContent!.trim(),
        lines: tops.length ? Math.round((Math.max(...tops) - Math.min(...tops)) / parseFloat(getComputedStyle(amount).lineHeight)) + 1 : 0,
        tallerThanOneLine: amount.getBoundingClientRect().height > parseFloat(getComputedStyle(amount).lineHeight) * 1.5,
        overflows: amount.scrollWidth > amount.clientWidth + 1 || amount.getBoundingClientRect().right > shadow(el, '[part="base"]').getBoundingClientRect().right,
      };
    }

    it('keeps "14 682,28 zł" on one line at 320 and 360 px, also in a padded column and in English', async () => {
      serve({ ...balanceAt(), balance: money('14682.28') });
      for (const width of [320, 360]) {
        await setViewport({ width, height: 900 });
        for (const lang of ['pl', 'en']) {
          for (const padding of ['0', '0 16px']) {
            const page = await fixture<HTMLElement>(html`<div class="column"><ebok-balance-tile text-size="large" lang=${lang}></ebok-balance-tile></div>`);
            page.style.padding = padding;
            const el = page.querySelector('ebok-balance-tile')!;
            const written = lang === 'pl' ? /14\s682,28\szł/ : /PLN\s14,682\.28/;
            await until(() => !!el.state && written.test(el.shadowRoot?.querySelector('[part="amount"]')?.textContent ?? ''), `the balance written in ${lang}`);
            const layout = amountLayout(el);
            const where = `${width} px, ${lang}, padding ${padding}: ${layout.text}`;
            expect(layout.lines, where).to.equal(1);
            expect(layout.tallerThanOneLine, where).to.equal(false);
            expect(layout.overflows, where).to.equal(false);
            await expect(el).to.be.accessible();
            el.removeAttribute('lang');
          }
        }
      }
    });

    it('keeps its height from loading to the "log in" prompt, so the page below does not jump', async () => {
      for (const width of [320, 360, 800]) {
        await setViewport({ width, height: 900 });
        for (const lang of ['pl', 'en']) {
          resetPage();
          api = new FakeApi().on('GET', '/auth/session', 'hang');
          configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
          const loading = await fixture<EbokBalanceTile>(html`<ebok-balance-tile text-size="large" lang=${lang}></ebok-balance-tile>`);
          await until(() => !!loading.shadowRoot?.querySelector('.skeleton'), 'the skeleton');
          const loadingHeight = loading.getBoundingClientRect().height;
          await expect(loading).to.be.accessible();
          loading.removeAttribute('lang');
          resetPage();
          api = new FakeApi().on('GET', '/auth/session', problem(401, 'unauthenticated')).on('GET', '/portal-config', json(200, CONFIG));
          configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
          const prompt = await fixture<EbokBalanceTile>(html`<ebok-balance-tile text-size="large" lang=${lang}></ebok-balance-tile>`);
          await until(() => !!prompt.shadowRoot?.querySelector('[part="login"]'), 'the "log in" prompt');
          expect(prompt.getBoundingClientRect().height, `${width} px, ${lang}`).to.be.closeTo(loadingHeight, 1);
          prompt.removeAttribute('lang');
        }
      }
    });
  });

  describe('paying', () => {
    beforeEach(() => serve());

    it('confirms amount, scope and fee, then creates one payment with an idempotency key and fires ebok-payment-start', async () => {
      api.on('POST', '/payments', json(201, { id: 'pay-1', status: 'pending', amount: money('245.67'), redirectUrl: 'https://gateway.test/p/1', expiresAt: inMinutes(30) }));
      const el = await tile();
      shadow<HTMLButtonElement>(el, '[part="pay"]').click();
      await until(() => el.shadowRoot?.querySelector<EbokDialog>('ebok-dialog')?.open === true, 'confirmation open');
      const dialog = shadow<EbokDialog>(el, 'ebok-dialog');
      expect(dialog.open).to.equal(true);
      expect(dialog.textContent).to.contain('245,67').and.contain('Całe saldo').and.contain('Bez prowizji');
      await expect(el).to.be.accessible();
      el.addEventListener('ebok-payment-start', (e) => e.preventDefault(), { once: true });
      const started: Promise<EbokPaymentStartEvent> = oneEvent(el, 'ebok-payment-start');
      const confirm = shadow<HTMLButtonElement>(el, '[part="confirm"]');
      confirm.click();
      confirm.click(); // a double click sends one payment
      const event = await started;
      expect(event.detail).to.deep.include({ paymentId: 'pay-1', redirectUrl: 'https://gateway.test/p/1', amount: '245.67' });
      const posts = api.calls('POST', '/payments');
      expect(posts).to.have.length(1);
      expect(posts[0]!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
      expect(JSON.parse(posts[0]!.body)).to.deep.include({ scope: 'balance' });
      const back = new URL((JSON.parse(posts[0]!.body) as { returnUrl: string }).returnUrl);
      expect(back.searchParams.get('ebok-payment'), 'the return address names the widget that paid').to.equal('ebok-balance-tile');
      back.searchParams.delete('ebok-payment');
      expect(back.href, 'the operator sends the customer back to this page').to.equal(location.href);
    });

    it('over the per-transaction cap explains it and pays up to the cap', async () => {
      serve({ ...balanceAt(), balance: money('5000.00') });
      api.on('POST', '/payments', json(201, { id: 'pay-2', status: 'pending', amount: money('4300.00'), redirectUrl: 'https://gateway.test/p/2', expiresAt: inMinutes(30) }));
      const el = await tile();
      shadow<HTMLButtonElement>(el, '[part="pay"]').click();
      await until(() => !!el.shadowRoot?.querySelector('.cap'), 'the cap explained');
      expect(shadow(el, '.cap').textContent).to.contain('4300,00').and.contain('700,00');
      el.addEventListener('ebok-payment-start', (e) => e.preventDefault(), { once: true });
      shadow<HTMLButtonElement>(el, '[part="confirm"]').click();
      await until(() => api.calls('POST', '/payments').length === 1, 'payment created');
      expect((JSON.parse(api.calls('POST', '/payments')[0]!.body) as { amount: unknown }).amount).to.deep.equal(money('4300.00'));
    });

    it('a click on Zapłać before the payment settings arrived waits for them, so the cap is explained before paying', async () => {
      serve({ ...balanceAt(), balance: money('5000.00') });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      api.on('GET', '/portal-config', async () => {
        await held;
        return json(200, CONFIG);
      });
      const el = await tile();
      shadow<HTMLButtonElement>(el, '[part="pay"]').click();
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector<EbokDialog>('ebok-dialog')?.open ?? false, 'no confirmation without the cap').to.equal(false);
      release();
      await until(() => !!el.shadowRoot?.querySelector('.cap'), 'the cap explained');
      expect(shadow<EbokDialog>(el, 'ebok-dialog').open).to.equal(true);
      expect(shadow(el, '.cap').textContent).to.contain('4300,00');
    });

    it('keeps the dialog and says why when the payment cannot start, and the same action retries with the same key', async () => {
      api.on('POST', '/payments', problem(503, 'service_unavailable', {}, { 'Retry-After': '120' }), json(201, { id: 'pay-3', status: 'pending', amount: money('245.67'), redirectUrl: 'https://gateway.test/p/3', expiresAt: inMinutes(30) }));
      const el = await tile();
      shadow<HTMLButtonElement>(el, '[part="pay"]').click();
      await until(() => el.shadowRoot?.querySelector<EbokDialog>('ebok-dialog')?.open === true, 'confirmation open');
      shadow<HTMLButtonElement>(el, '[part="confirm"]').click();
      await until(() => !!el.shadowRoot?.querySelector('.dialog-error'), 'error in the dialog');
      expect(shadow<EbokDialog>(el, 'ebok-dialog').open).to.equal(true);
      el.addEventListener('ebok-payment-start', (e) => e.preventDefault(), { once: true });
      shadow<HTMLButtonElement>(el, '[part="confirm"]').click();
      await until(() => api.calls('POST', '/payments').length === 2, 'sent again');
      const [first, second] = api.calls('POST', '/payments').map((s) => s.headers.get('Idempotency-Key'));
      expect(second).to.equal(first);
    });

    it('when the session expired mid-payment, asks to log in again and then sends the payment', async () => {
      api.on('POST', '/payments', problem(401, 'session_expired'), json(201, { id: 'pay-4', status: 'pending', amount: money('245.67'), redirectUrl: 'https://gateway.test/p/4', expiresAt: inMinutes(30) }));
      const el = await tile();
      shadow<HTMLButtonElement>(el, '[part="pay"]').click();
      await until(() => el.shadowRoot?.querySelector<EbokDialog>('ebok-dialog')?.open === true, 'confirmation open');
      shadow<HTMLButtonElement>(el, '[part="confirm"]').click();
      await until(() => words(el).includes('Zaloguj się ponownie'), 'asked to log in again');
      el.addEventListener('ebok-payment-start', (e) => e.preventDefault(), { once: true });
      const started: Promise<EbokPaymentStartEvent> = oneEvent(el, 'ebok-payment-start');
      getClient(BASE)!.signedIn(sessionAt()); // the customer logs in again (in any widget)
      expect((await started).detail.paymentId).to.equal('pay-4');
    });

    it('is usable with the keyboard: Enter opens the confirmation, Escape closes it and focus returns to "Pay"', async () => {
      const el = await tile();
      const pay = shadow<HTMLButtonElement>(el, '[part="pay"]');
      pay.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot?.querySelector<EbokDialog>('ebok-dialog')?.open === true, 'confirmation open');
      const dialog = shadow<EbokDialog>(el, 'ebok-dialog');
      expect(dialog.open).to.equal(true);
      expect(dialog.contains(el.shadowRoot!.activeElement), 'focus moved into the dialog').to.equal(true);
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog.open, 'dialog closed');
      expect(el.shadowRoot!.activeElement).to.equal(pay);
    });
  });

  describe('back from the payment operator', () => {
    it('with the browser Back button (no paymentId in the address) says the payment was not completed, and focuses that', async () => {
      serve();
      api.on('GET', '/payments/pay-7', json(200, { id: 'pay-7', status: 'pending', amount: money('245.67'), method: null, documentIds: [], createdAt: inMinutes(-2), completedAt: null }));
      history.replaceState({ ebokPaymentPending: 'pay-7' }, '', location.pathname);
      const el = await tile();
      await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'outcome shown');
      const result = shadow(el, '[part="result"]');
      expect(result.textContent).to.contain('nie została dokończona');
      expect(result.getAttribute('role')).to.equal('alert');
      await until(() => el.shadowRoot!.activeElement === result, 'focus on the outcome');
      expect((history.state as Record<string, unknown> | null)?.ebokPaymentPending, 'the mark is gone').to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('marks the history entry before leaving for the operator, so Back can tell, and forgets it once told', () => {
      history.replaceState({ host: 'keeps this' }, '', `${location.pathname}?x=1`);
      markPaymentLeaving('pay-8', 'ebok-balance-tile');
      expect(paymentToCheck()).to.deep.equal({ id: 'pay-8', back: true, source: 'ebok-balance-tile' });
      history.replaceState(history.state, '', `${location.pathname}?paymentId=pay-9`);
      expect(paymentToCheck(), 'the operator redirect wins').to.deep.equal({ id: 'pay-9', back: false, source: undefined });
      forgetPaymentReturn();
      expect(paymentToCheck()).to.equal(undefined);
      expect(history.state, "the host's own state stays").to.deep.equal({ host: 'keeps this' });
      expect(location.search).to.equal('');
    });



    for (const [status, text, tone] of [
      ['paid', 'przyjęta', 'status'],
      ['declined', 'odrzucona', 'alert'],
      ['cancelled', 'anulowana', 'alert'],
    ] as const) {
      it(`asks the API for the outcome (${status}), announces it and refreshes the balance`, async () => {
        serve();
        api.on('GET', '/payments/pay-9', json(200, { id: 'pay-9', status, amount: money('245.67'), method: 'blik', documentIds: [], createdAt: inMinutes(-5), completedAt: null }));
        history.replaceState(null, '', `${location.pathname}?paymentId=pay-9`);
        const el = await tile();
        await until(() => !!el.shadowRoot?.querySelector('[part="result"]'), 'outcome shown');
        const result = shadow(el, '[part="result"]');
        expect(result.textContent).to.contain(text);
        expect(result.getAttribute('role')).to.equal(tone);
        expect(location.search, 'the return parameter is removed').to.equal('');
        if (status === 'paid') await until(() => api.calls('GET', '/balance').length === 2, 'balance refreshed');
        await expect(el).to.be.accessible();
      });
    }
  });
});
