import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController } from 'lit';
import type { EbokApiElement } from '../core/api-element.js';
import type { EbokClient } from '../api/client.js';
import { EbokApiError } from '../api/errors.js';
import type { SessionStatus } from '../api/session.js';
import { currentLocale } from '../i18n/locale.js';
import { useClients } from '../core/clients.js';

export type ApiTaskStatus = 'no-api' | 'signed-out' | 'pending' | 'complete' | 'error' | 'offline';

export interface ApiTaskOptions<T, A extends readonly unknown[]> {
  /** Loads the data; pass `signal` to the client so leaving the page aborts the request. */
  load: (client: EbokClient, signal: AbortSignal, args: A) => Promise<T>;
  /** Further inputs; the data is loaded again when one of them changes. */
  args?: () => A;
  /** Personal data needs a signed-in customer (default); public data (outages, config) does not. */
  personal?: boolean;
}

export interface ApiTaskRenderers<T> {
  pending?: () => unknown;
  complete: (value: T) => unknown;
  error?: (error: EbokApiError | Error, retry: () => void) => unknown;
  offline?: (retry: () => void) => unknown;
  signedOut?: () => unknown;
  noApi?: () => unknown;
}

/**
 * Data for a widget, built on @lit/task:
 * - runs when the widget connects, and again when its client (API base), the session (login, logout),
 *   the signed-in customer or the language changes, or when `args` change;
 * - aborts the request when the widget leaves the page;
 * - does not call the API for personal data while signed out;
 * - tells `pending / complete / error / offline / signed-out` apart, and retries by itself when the
 *   device comes back online.
 */
export class ApiTask<T, A extends readonly unknown[] = []> implements ReactiveController {
  private readonly task: Task<[EbokClient | undefined, boolean, SessionStatus | undefined, string | undefined, string, ...A], T>;
  private unsubscribe: (() => void) | undefined;
  private subscribedTo: EbokClient | undefined;
  private readonly onOnline = () => {
    if (this.status === 'offline' || this.status === 'error') this.retry();
  };

  constructor(
    private readonly host: EbokApiElement,
    private readonly options: ApiTaskOptions<T, A>,
  ) {
    // A widget that reads the API through a task has its client from its first frame (api/client-source.ts).
    useClients();
    this.task = new Task(host, {
      task: async ([client, , sessionStatus, , , ...args], { signal }) => {
        if (!client) throw this.host.waitingForProvider ? new WaitingForProviderError() : new NoApiError();
        if (options.personal !== false) {
          if (sessionStatus === 'unknown') {
            // Ask who is signed in (one request per page, shared); the answer changes the args and
            // starts the next run, which loads the data. This run just waits to be superseded.
            await client.session.ready(signal);
            await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
          }
          if (sessionStatus !== 'signed-in') throw new SignedOutError();
        }
        return options.load(client, signal, args);
      },
      args: () => {
        const client = this.host.client;
        // The customer too: another one signing in without a logout seen here must not see the first one's data.
        // Public data is the same for anyone: the session's answer must not abort and repeat its request.
        const session = this.options.personal === false ? undefined : client?.session.state;
        // Waiting for a provider's code, then not: the task runs again (to "no API" if the provider has none).
        return [client, this.host.waitingForProvider, session?.status, session?.user?.id, currentLocale(), ...(this.options.args?.() ?? ([] as unknown as A))] as [
          EbokClient | undefined,
          boolean,
          SessionStatus | undefined,
          string | undefined,
          string,
          ...A,
        ];
      },
    });
    // After the task: a widget that adds its tasks once connected (the balance tile's behaviour) gets
    // `hostConnected` at once.
    host.addController(this);
  }

  get status(): ApiTaskStatus {
    switch (this.task.status) {
      case TaskStatus.COMPLETE:
        return 'complete';
      case TaskStatus.ERROR: {
        const error = this.task.error;
        if (error instanceof NoApiError) return 'no-api';
        if (error instanceof WaitingForProviderError) return 'pending';
        if (error instanceof SignedOutError) return 'signed-out';
        if (error instanceof EbokApiError && error.code === 'network_error' && !navigator.onLine) return 'offline';
        return 'error';
      }
      default:
        return 'pending';
    }
  }

  get value(): T | undefined {
    return this.task.value;
  }

  get error(): unknown {
    return this.task.error;
  }

  /** Settles when the current run does (tests, and widgets that chain work). */
  get taskComplete(): Promise<T> {
    return this.task.taskComplete;
  }

  /** Loads again now (the "Try again" button). */
  retry = (): void => {
    const error = this.task.error;
    if (error instanceof EbokApiError && error.code === 'malformed_response') this.host.client?.forgetCached();
    void this.task.run();
  };

  render(renderers: ApiTaskRenderers<T>): unknown {
    switch (this.status) {
      case 'complete':
        return renderers.complete(this.task.value as T);
      case 'pending':
        return renderers.pending?.();
      case 'signed-out':
        return renderers.signedOut?.();
      case 'no-api':
        // A widget already taken off the page (its last update after a reset) tells the developer nothing.
        if (this.host.isConnected) this.host.reportMissingApi();
        return renderers.noApi?.() ?? renderers.error?.(new Error('no API base configured'), this.retry);
      case 'offline':
        return renderers.offline?.(this.retry) ?? renderers.error?.(this.task.error as Error, this.retry);
      default:
        return renderers.error?.(this.task.error as Error, this.retry);
    }
  }

  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
    // Coming back after a move in the DOM: finish what the disconnect aborted.
    if (this.task.status === TaskStatus.PENDING || this.task.status === TaskStatus.ERROR) void this.task.run();
  }

  hostUpdate(): void {
    // Follow the session of whichever client the widget uses now.
    // An update can run after the widget left the page; subscribing then would leak the listener.
    if (!this.host.isConnected) return;
    const client = this.host.client;
    if (client !== this.subscribedTo) {
      this.unsubscribe?.();
      this.subscribedTo = client;
      this.unsubscribe = client?.session.subscribe(() => this.host.requestUpdate());
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
    this.task.abort();
  }
}

class NoApiError extends Error {
  override name = 'NoApiError';
}

/** The `<ebok-provider>` around the widget is not defined yet: loading, not "no API". */
class WaitingForProviderError extends Error {
  override name = 'WaitingForProviderError';
}

class SignedOutError extends Error {
  override name = 'SignedOutError';
}
