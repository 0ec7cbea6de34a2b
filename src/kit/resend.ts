import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { EbokApiError } from '../api/errors.js';

/**
 * The request never got an answer: no connection, or the connection broke or timed out (one bar of signal in a
 * basement). The server may or may not have it; sending it again with the same Idempotency-Key is safe either way.
 */
export function notDelivered(error: unknown): boolean {
  return error instanceof EbokApiError && (error.code === 'network_error' || error.code === 'timeout');
}

/**
 * A request the customer made while the device could not reach the API, kept in memory (never in storage:
 * it holds personal data) and sent again by itself: when the browser says it is online again, and every
 * `everyMs` meanwhile (a phone may say "online" with a signal too weak to carry anything, and never fire
 * `online`). The caller resends with the same body, so the same idempotency key: never done twice.
 *
 * A module of its own, loaded only by the widgets that queue (the meter reading), not by every form.
 */
export class ResendWhenOnline<B> implements ReactiveController {
  /** The request waiting for a connection. */
  pending: B | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly resend: (body: B) => void | Promise<void>,
    private readonly everyMs = 15_000,
  ) {
    host.addController(this);
  }

  /** Keeps `body` to send once the device is online again. */
  hold(body: B): void {
    this.pending = body;
    this.listen();
    this.host.requestUpdate();
  }

  /** Forgets the waiting request (it was sent, or the customer started again). */
  clear(): void {
    this.pending = undefined;
    this.stop();
    this.host.requestUpdate();
  }

  /** Tries now (the customer pressed "send now", or the connection came back). */
  readonly flush = (): void => {
    const body = this.pending;
    if (body === undefined) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    this.pending = undefined;
    this.stop();
    this.host.requestUpdate();
    void this.resend(body);
  };

  hostConnected(): void {
    if (this.pending !== undefined) this.listen();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private listen(): void {
    if (this.timer !== undefined) return;
    window.addEventListener('online', this.flush);
    this.timer = setInterval(this.flush, this.everyMs);
  }

  private stop(): void {
    window.removeEventListener('online', this.flush);
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
