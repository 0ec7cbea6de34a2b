import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { EbokWidget } from '../../src/kit/widget.js';
import { LazyPaymentFlow } from '../../src/kit/payment-lazy.js';
import type { PaymentFlow } from '../../src/kit/payment.js';
import { until } from '../helpers/dom.js';

type FlowModule = { PaymentFlow: typeof PaymentFlow };

/** A stand-in for kit/payment.ts's flow that only records what was asked of it. */
function fakeModule(opened: unknown[][]): FlowModule {
  class FakeFlow {
    busy = false;
    open(...args: unknown[]) {
      opened.push(args);
      return Promise.resolve();
    }
    close() {}
    readReturn() {
      return Promise.resolve();
    }
    renderDialog() {
      return litHtml`<p class="fake-dialog">confirmation</p>`;
    }
    renderOutcome() {
      return litHtml``;
    }
  }
  return { PaymentFlow: FakeFlow as unknown as typeof PaymentFlow };
}

let fetchFlow: () => Promise<FlowModule> = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

/** A widget that pays through the lazy flow, as the balance tile does. */
class LazyPayHost extends LitElement {
  static override styles = EbokWidget.styles;
  readonly pay = new LazyPaymentFlow(this as never, { whatFor: () => 'Całe saldo', refresh: () => {} }, () => fetchFlow());
  override render() {
    return litHtml`<button part="pay" type="button" @click=${() => void this.pay.open(() => undefined, { scope: 'balance' }, 'PLN', { status: 'complete', value: undefined, settled: () => Promise.resolve() })}>
        Zapłać
      </button>
      ${this.pay.renderDialog()}`;
  }
}
customElements.define('test-lazy-pay-host', LazyPayHost);

describe('LazyPaymentFlow (the payment flow fetched on first use)', () => {
  it('fetches nothing until the customer asks to pay', async () => {
    let fetched = 0;
    fetchFlow = () => (fetched++, Promise.resolve(fakeModule([])));
    const el = await fixture<LazyPayHost>(html`<test-lazy-pay-host></test-lazy-pay-host>`);
    await el.updateComplete;
    expect(fetched, 'fetched before any click').to.equal(0);
    expect(el.shadowRoot!.querySelector('.fake-dialog')).to.equal(null);
  });

  it('opens the confirmation once its code has arrived; two quick clicks fetch it once', async () => {
    const opened: unknown[][] = [];
    let fetched = 0;
    fetchFlow = () => (fetched++, Promise.resolve(fakeModule(opened)));
    const el = await fixture<LazyPayHost>(html`<test-lazy-pay-host></test-lazy-pay-host>`);
    const pay = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="pay"]')!;
    pay.click();
    pay.click();
    await until(() => !!el.shadowRoot!.querySelector('.fake-dialog'), 'the confirmation rendered');
    expect(fetched).to.equal(1);
    expect(opened.length, 'each click opens the same confirmation').to.be.at.least(1);
    expect(opened[0]![1]).to.deep.equal({ scope: 'balance' });
  });

  it('offline, says the payment could not open and opens it with "Try again" once the code can be fetched', async () => {
    const opened: unknown[][] = [];
    fetchFlow = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const el = await fixture<LazyPayHost>(html`<test-lazy-pay-host></test-lazy-pay-host>`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="pay"]')!.click();
    await until(() => !!el.shadowRoot!.querySelector('[role="alert"]'), 'the failure said');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Nie udało się otworzyć płatności');
    await expect(el).to.be.accessible();
    fetchFlow = () => Promise.resolve(fakeModule(opened));
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
    retry.focus();
    retry.click();
    await until(() => !!el.shadowRoot!.querySelector('.fake-dialog'), 'the confirmation rendered after the retry');
    expect(el.shadowRoot!.querySelector('[role="alert"]'), 'the failure is gone').to.equal(null);
    expect(opened).to.have.length(1);
  });
});
