import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EbokClient } from '../api/client.js';
import { newIdempotencyKey } from '../api/client.js';
import { EbokApiError } from '../api/errors.js';
import { EbokErrorEvent } from '../core/events.js';
import { describeFailure, failureText, type Failure, type FailureContext } from './failure.js';

/** A widget that talks to the API: a Lit host with the client it uses now. */
export type ApiHost = ReactiveControllerHost & HTMLElement & { readonly client: EbokClient | undefined };

/**
 * One Idempotency-Key per body: sending the same data again (after a timeout or a 5xx) reuses the key, so a
 * request that did reach the server is answered from its record instead of being done twice; changed data
 * gets a new key (the server would refuse a key reused with another body).
 */
export class IdempotencyKeys {
  private current?: { key: string; body: string };

  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.current?.body !== text) this.current = { key: newIdempotencyKey(), body: text };
    return this.current.key;
  }

  /** Forget the key (after success, or when the server said it was reused). */
  reset(): void {
    this.current = undefined;
  }
}

export interface ActionOptions<B, R> {
  /** Sends the request; `idempotencyKey` is the same for the same body until it succeeds. */
  send: (client: EbokClient, body: B, idempotencyKey: string) => Promise<R>;
  /** The answer arrived. */
  done: (value: R, body: B) => void | Promise<void>;
  /**
   * A failure the widget words itself (a field error, a code that means something to it): return true and
   * the controller neither describes it nor reports it. Otherwise it becomes `failure` and an `ebok-error`.
   */
  failed?: (error: unknown, body: B) => boolean | Promise<boolean>;
  /** A failure was described (shown by the widget as it likes: a notice, the dialog's message). */
  described?: (failure: Failure, error: unknown) => void;
  /** The words for failures with no better ones (see `describeFailure`). */
  context?: FailureContext;
  /**
   * Personal data: on a 401 the request waits for the customer to log in again (in any widget, any tab)
   * and is then sent again by itself with the same key, so nothing is lost and nothing is done twice.
   */
  resumeAfterLogin?: boolean;
  /**
   * Someone else logged in while the request waited for a login (a shared computer after the idle logout): it is
   * not sent for them; the widget forgets what the first customer typed.
   */
  otherCustomer?: () => void;
}

/**
 * A state-changing request started by the customer: one at a time (a double click sends once), with one
 * idempotency key per body (a retry of the same data is answered from the server's record), the failure
 * described in words and reported as `ebok-error`, and — for personal data — sent again after a new login.
 */
export class ActionController<B, R = unknown> implements ReactiveController {
  /** A request is under way. */
  busy = false;
  /** The last failure the controller described (cleared when a new run starts). */
  failure: Failure | undefined;
  private readonly keys = new IdempotencyKeys();
  private waiting: { body: B; unsubscribe: () => void } | undefined;
  /** Who was signed in when the last request started. */
  private sender: string | undefined;

  constructor(
    private readonly host: ApiHost,
    private readonly options: ActionOptions<B, R>,
  ) {
    host.addController(this);
  }

  /** Waiting for the customer to log in again, to send once more. */
  get waitingForLogin(): boolean {
    return this.waiting !== undefined;
  }

  /** Sends `body` unless a request is already under way. */
  async run(body: B): Promise<void> {
    const client = this.host.client;
    if (this.busy || !client) return;
    this.stopWaiting();
    this.sender = client.session.state.user?.id ?? this.sender;
    this.busy = true;
    this.failure = undefined;
    this.host.requestUpdate();
    let value: R;
    try {
      value = await this.options.send(client, body, this.keys.keyFor(body));
    } catch (error) {
      this.busy = false;
      this.host.requestUpdate();
      await this.fail(error, body, client);
      return;
    }
    this.keys.reset();
    this.busy = false;
    this.host.requestUpdate();
    await this.options.done(value, body);
  }

  /** Forgets a pending resend and the last failure (the customer cancelled, or left the step). */
  cancel(): void {
    this.stopWaiting();
    this.failure = undefined;
    this.keys.reset();
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stopWaiting();
  }

  private async fail(error: unknown, body: B, client: EbokClient): Promise<void> {
    const api = error instanceof EbokApiError ? error : undefined;
    if (api?.code === 'idempotency_key_reuse') this.keys.reset();
    if (await this.options.failed?.(error, body)) return;
    const resumes = !!this.options.resumeAfterLogin && api?.status === 401;
    this.failure = describeFailure(error, { ...this.options.context, resumesAfterLogin: resumes });
    this.host.requestUpdate();
    this.host.dispatchEvent(EbokErrorEvent.from(error, failureText(this.failure)));
    if (resumes) this.waitForLogin(body, client);
    this.options.described?.(this.failure, error);
  }

  private waitForLogin(body: B, client: EbokClient): void {
    const unsubscribe = client.session.subscribe((state) => {
      if (state.status !== 'signed-in') return;
      this.stopWaiting();
      if (this.sender !== undefined && state.user?.id !== undefined && state.user.id !== this.sender) {
        this.cancel();
        this.options.otherCustomer?.();
        return;
      }
      void this.run(body);
    });
    this.waiting = { body, unsubscribe };
  }

  private stopWaiting(): void {
    this.waiting?.unsubscribe();
    this.waiting = undefined;
  }
}
