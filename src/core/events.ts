/**
 * Typed DOM events of ebok-widgets. A leaf module: it imports nothing, so every layer may use it. Every public outcome event is an `EbokEvent`: it bubbles and is
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
  /**
   * A stable machine-readable code: the API problem `code`, or the client's own (`network_error`, `timeout`,
   * `malformed_response`); `unexpected` for a failure that did not come from the API at all.
   */
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

  /** The event for any failure a widget showed with `message`: the API's code and status when it has them. */
  static from(error: unknown, message: string): EbokErrorEvent {
    const api = error as { code?: unknown; status?: unknown } | null;
    const code = typeof api?.code === 'string' ? api.code : 'unexpected';
    return new EbokErrorEvent({ code, message, ...(typeof api?.status === 'number' ? { status: api.status } : {}) });
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

export interface EbokRegisterSuccessDetail {
  /** The e-mail the activation link went to, masked by the API (`j*****i@e*****e.com`). */
  maskedEmail: string;
  /** How long the activation link is valid, in seconds. */
  activationLinkExpiresInSeconds: number;
}

/**
 * `ebok-register-success`: the registration was accepted. The answer is the same whether or not an account
 * or contract exists (the truth goes by e-mail), so this says "sent", never "account created".
 */
export class EbokRegisterSuccessEvent extends EbokEvent<EbokRegisterSuccessDetail> {
  static readonly type = 'ebok-register-success';
  constructor(detail: EbokRegisterSuccessDetail) {
    super(EbokRegisterSuccessEvent.type, detail);
  }
}

/** `ebok-password-reset-requested`: a reset link was asked for (neutral: says nothing about the account). */
export class EbokPasswordResetRequestedEvent extends EbokEvent<undefined> {
  static readonly type = 'ebok-password-reset-requested';
  constructor() {
    super(EbokPasswordResetRequestedEvent.type, undefined);
  }
}

/** `ebok-password-reset-done`: a new password was set with a reset link; the customer can now log in. */
export class EbokPasswordResetDoneEvent extends EbokEvent<undefined> {
  static readonly type = 'ebok-password-reset-done';
  constructor() {
    super(EbokPasswordResetDoneEvent.type, undefined);
  }
}

/** `ebok-login-reminder-requested`: a login reminder was asked for (neutral: says nothing about the account). */
export class EbokLoginReminderRequestedEvent extends EbokEvent<undefined> {
  static readonly type = 'ebok-login-reminder-requested';
  constructor() {
    super(EbokLoginReminderRequestedEvent.type, undefined);
  }
}

/** `ebok-account-activated`: the activation link worked; the account is active and the customer can log in. */
export class EbokAccountActivatedEvent extends EbokEvent<undefined> {
  static readonly type = 'ebok-account-activated';
  constructor() {
    super(EbokAccountActivatedEvent.type, undefined);
  }
}

/** `ebok-activation-resent`: a new activation link was asked for (neutral: says nothing about the account). */
export class EbokActivationResentEvent extends EbokEvent<undefined> {
  static readonly type = 'ebok-activation-resent';
  constructor() {
    super(EbokActivationResentEvent.type, undefined);
  }
}

/** Who is signed in: the session's user summary (the contract's `SessionUser`). */
export interface EbokUserSummary {
  id: string;
  displayName: string;
  email: string;
  customerKind: 'person' | 'business';
}

export interface EbokLoginSuccessDetail {
  /** Who signed in (the session's user summary: id, displayName, email, customerKind). */
  user: EbokUserSummary;
  /** The API base the customer signed in to. */
  apiBase: string;
}

/** `ebok-login-success`: the customer signed in through `<ebok-login>` (after the password, or after the two-step code). */
export class EbokLoginSuccessEvent extends EbokEvent<EbokLoginSuccessDetail> {
  static readonly type = 'ebok-login-success';
  constructor(detail: EbokLoginSuccessDetail) {
    super(EbokLoginSuccessEvent.type, detail);
  }
}

export interface EbokLogoutDetail {
  /** The API base whose session the customer ended. */
  apiBase: string;
}

/** `ebok-logout`: the customer logged out with a widget on this page (the server ended the session). */
export class EbokLogoutEvent extends EbokEvent<EbokLogoutDetail> {
  static readonly type = 'ebok-logout';
  constructor(detail: EbokLogoutDetail) {
    super(EbokLogoutEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-payment-start': EbokPaymentStartEvent;
    'ebok-payment-result': EbokPaymentResultEvent;
    'ebok-error': EbokErrorEvent;
    'ebok-session-expired': EbokSessionExpiredEvent;
    'ebok-navigate': EbokNavigateEvent;
    'ebok-register-success': EbokRegisterSuccessEvent;
    'ebok-password-reset-requested': EbokPasswordResetRequestedEvent;
    'ebok-password-reset-done': EbokPasswordResetDoneEvent;
    'ebok-login-reminder-requested': EbokLoginReminderRequestedEvent;
    'ebok-account-activated': EbokAccountActivatedEvent;
    'ebok-activation-resent': EbokActivationResentEvent;
    'ebok-login-success': EbokLoginSuccessEvent;
    'ebok-logout': EbokLogoutEvent;
  }
  interface WindowEventMap {
    'ebok-locale-changed': EbokLocaleChangedEvent;
  }
}
