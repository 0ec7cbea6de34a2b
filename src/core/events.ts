/**
 * Typed DOM events of ebok-widgets. Every public outcome event is an `EbokEvent`: it bubbles and is
 * composed, so a host page can listen on `document` whatever CMS block holds the widget.
 * Each is declared in `GlobalEventHandlersEventMap`, so `addEventListener('ebok-…', e => …)` is typed.
 */
export abstract class EbokEvent<Detail = undefined> extends Event {
  readonly detail: Detail;

  constructor(type: string, detail: Detail, init: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: init.cancelable ?? false });
    this.detail = detail;
  }
}

export interface EbokErrorDetail {
  /** A stable machine-readable code (the API problem `code`, or `network_error`, `timeout`, ...). */
  code: string;
  /** The localized message the widget showed to the customer. */
  message: string;
  /** HTTP status when the error came from the API. */
  status?: number;
}

/** `ebok-error`: a widget met an error it showed to the customer (for the host's analytics or logging). */
export class EbokErrorEvent extends EbokEvent<EbokErrorDetail> {
  static readonly type = 'ebok-error';
  constructor(detail: EbokErrorDetail) {
    super(EbokErrorEvent.type, detail);
  }
}

export interface EbokSessionExpiredDetail {
  /** The API base whose session ended. */
  apiBase: string;
  reason: 'expired' | 'idle' | 'logout-elsewhere' | 'unauthorized';
}

/** `ebok-session-expired`: the customer's session ended without a logout on this page. Fired once per ending. */
export class EbokSessionExpiredEvent extends EbokEvent<EbokSessionExpiredDetail> {
  static readonly type = 'ebok-session-expired';
  constructor(detail: EbokSessionExpiredDetail) {
    super(EbokSessionExpiredEvent.type, detail);
  }
}

export interface EbokNavigateDetail {
  /** What the customer asked to see, e.g. `documents`, `login`, `register`, `payment-details`. */
  target: string;
  /** The link the widget was given (its `href`), when there is one. */
  href?: string;
  /** Extra context, e.g. the id of a document. */
  params?: Record<string, string>;
}

/**
 * `ebok-navigate`: the customer followed a link inside a widget. Cancelable: call `preventDefault()`
 * to route inside a single-page host instead of letting the browser follow `href`.
 */
export class EbokNavigateEvent extends EbokEvent<EbokNavigateDetail> {
  static readonly type = 'ebok-navigate';
  constructor(detail: EbokNavigateDetail) {
    super(EbokNavigateEvent.type, detail, { cancelable: true });
  }
}

export interface EbokLocaleChangedDetail {
  locale: string;
}

/**
 * `ebok-locale-changed`: fired on `window` (not by a widget) when the language of the widgets has
 * finished switching, so a host can update its own texts at the same moment.
 */
export class EbokLocaleChangedEvent extends EbokEvent<EbokLocaleChangedDetail> {
  static readonly type = 'ebok-locale-changed';
  constructor(detail: EbokLocaleChangedDetail) {
    super(EbokLocaleChangedEvent.type, detail);
  }
}

export interface EbokPaymentStartDetail {
  paymentId: string;
  /** The payment operator's page the browser is about to open. */
  redirectUrl: string;
  /** Decimal string, e.g. "245.67". */
  amount: string;
  currency: string;
}

/**
 * `ebok-payment-start`: a payment was created and the browser is about to go to the payment operator.
 * Cancelable: call `preventDefault()` to open `detail.redirectUrl` yourself (e.g. in an app's web view).
 */
export class EbokPaymentStartEvent extends EbokEvent<EbokPaymentStartDetail> {
  static readonly type = 'ebok-payment-start';
  constructor(detail: EbokPaymentStartDetail) {
    super(EbokPaymentStartEvent.type, detail, { cancelable: true });
  }
}

export interface EbokPaymentResultDetail {
  paymentId: string;
  status: 'pending' | 'paid' | 'declined' | 'cancelled' | 'expired';
}

/** `ebok-payment-result`: back from the payment operator, the widget learned the payment's outcome from the API. */
export class EbokPaymentResultEvent extends EbokEvent<EbokPaymentResultDetail> {
  static readonly type = 'ebok-payment-result';
  constructor(detail: EbokPaymentResultDetail) {
    super(EbokPaymentResultEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-payment-start': EbokPaymentStartEvent;
    'ebok-payment-result': EbokPaymentResultEvent;
    'ebok-error': EbokErrorEvent;
    'ebok-session-expired': EbokSessionExpiredEvent;
    'ebok-navigate': EbokNavigateEvent;
  }
  interface WindowEventMap {
    'ebok-locale-changed': EbokLocaleChangedEvent;
  }
}
