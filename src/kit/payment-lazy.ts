import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { renderError } from '../core/status.js';
import { paymentToCheck } from './payment-return.js';
import type { PaymentFlow, PaymentFlowOptions, PaymentHost } from './payment.js';

/**
 * The payment flow (./payment.ts, with its confirmation dialog) for a widget that offers to pay but is mostly only
 * looked at (the balance tile, the invoice list): its code is fetched when the customer first asks to pay, or at
 * once when the page comes back from the payment operator, so the widget renders without it.
 */
export class LazyPaymentFlow implements ReactiveController {
  /** The flow, once loaded. */
  flow: PaymentFlow | undefined;
  private loading: Promise<PaymentFlow> | undefined;
  /** The confirmation asked for while the flow could not be fetched (offline): "Try again" opens it. */
  private unopened: Parameters<PaymentFlow['open']> | undefined;

  constructor(
    private readonly host: PaymentHost,
    private readonly options: PaymentFlowOptions,
    private readonly fetchFlow: () => Promise<{ PaymentFlow: typeof PaymentFlow }> = () => import('./payment.js'),
  ) {
    host.addController(this);
  }

  /** Back from the operator: the flow (and the outcome it reads) is needed at once. */
  hostConnected(): void {
    if (paymentToCheck()) void this.load();
  }

  /** Reads the outcome of the payment the page came back from (see `PaymentFlow.readReturn`), once the flow is there. */
  readReturn(): void {
    void this.flow?.readReturn();
  }

  /** A payment is being created (the confirm button says so; a second click sends nothing). */
  get busy(): boolean {
    return !!this.flow?.busy;
  }

  /** The flow is being fetched after a click on "Pay" (a second click opens the same confirmation). */
  get loadingFlow(): boolean {
    return !this.flow && !!this.loading;
  }

  /** The flow; fetched once (again after a failure, e.g. offline, at the next click). */
  load(): Promise<PaymentFlow> {
    this.loading ??= this.fetchFlow().then(
      ({ PaymentFlow }) => {
        this.flow = new PaymentFlow(this.host, this.options);
        this.host.requestUpdate();
        return this.flow;
      },
      (error: unknown) => {
        this.loading = undefined;
        this.host.requestUpdate();
        throw error;
      },
    );
    this.host.requestUpdate();
    return this.loading;
  }

  /**
   * Opens the confirmation (see `PaymentFlow.open`): at once when the flow is there (what the widget sets right
   * after, such as a refusal's words, stays), else once it has loaded, unless the widget left the page meanwhile.
   */
  open(...args: Parameters<PaymentFlow['open']>): Promise<void> {
    this.unopened = undefined;
    if (this.flow) return this.flow.open(...args);
    return this.load().then(
      (flow) => ((this.host as Partial<Element>).isConnected === false ? undefined : flow.open(...args)),
      () => {
        this.unopened = args;
        this.host.requestUpdate();
      },
    );
  }

  close(): void {
    this.flow?.close();
  }

  renderDialog(): TemplateResult | typeof nothing {
    const unopened = this.unopened;
    if (unopened) {
      return renderError({ message: msg('Nie udało się otworzyć płatności. Sprawdź połączenie i spróbuj ponownie.'), onRetry: () => void this.open(...unopened) });
    }
    return this.flow?.renderDialog() ?? nothing;
  }

  renderOutcome(currency: string): TemplateResult | typeof nothing {
    return this.flow?.renderOutcome(currency) ?? nothing;
  }
}
