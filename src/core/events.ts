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

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-error': EbokErrorEvent;
    'ebok-session-expired': EbokSessionExpiredEvent;
    'ebok-navigate': EbokNavigateEvent;
  }
  interface WindowEventMap {
    'ebok-locale-changed': EbokLocaleChangedEvent;
  }
}
