import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EbokClient } from '../../api/client.js';

/** The portal as its session needs it: its client (own `api-base`, a provider's, the page's). */
export interface PortalSessionHost extends ReactiveControllerHost, HTMLElement {
  readonly client: EbokClient | undefined;
}

/**
 * Who is signed in, for the portal (portal.ts): follows the session of the client in use (a login or a logout
 * re-renders the portal), and when it cannot be learnt (the API unreachable, the device offline) says so, asks
 * again with `check` ("Try again") and by itself when the device comes back online.
 */
export class PortalSession implements ReactiveController {
  /** Why who is signed in could not be learnt. */
  problem: 'offline' | 'error' | undefined;
  private watched: EbokClient | undefined;
  private unwatch: (() => void) | undefined;

  constructor(private readonly host: PortalSessionHost) {
    host.addController(this);
  }

  get status(): 'unknown' | 'signed-in' | 'signed-out' {
    return this.host.client?.session.state.status ?? 'unknown';
  }

  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    this.unwatch?.();
    this.unwatch = undefined;
    this.watched = undefined;
  }

  /** Before each update: the client may have changed (an `api-base`, a provider that arrived). */
  hostUpdate(): void {
    const client = this.host.isConnected ? this.host.client : undefined;
    if (client === this.watched) return;
    this.unwatch?.();
    this.watched = client;
    this.unwatch = client?.session.subscribe(() => this.host.requestUpdate());
    this.check();
  }

  /** Asks who is signed in; a failure shows an error (or offline) with "Try again" instead of the sections. */
  readonly check = (): void => {
    const client = this.watched;
    if (!client) return;
    this.setProblem(undefined);
    client.session.ready().catch(() => {
      if (client === this.watched) this.setProblem(navigator.onLine === false ? 'offline' : 'error');
    });
  };

  private setProblem(problem: 'offline' | 'error' | undefined): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.host.requestUpdate();
  }

  private readonly onOnline = (): void => {
    if (this.problem) this.check();
  };
}
