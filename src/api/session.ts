import type { components } from './schema.js';
import type { EbokSessionExpiredDetail } from '../core/events.js';

export type Session = components['schemas']['Session'];
export type SessionUser = components['schemas']['SessionUser'];
export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

export interface SessionState {
  readonly status: SessionStatus;
  readonly user?: SessionUser;
  readonly csrfToken?: string | null;
  /** When the server ends the session without activity (ISO date-time). */
  readonly idleExpiresAt?: string;
  /** When the server ends it whatever happens. */
  readonly absoluteExpiresAt?: string;
  readonly idleTimeoutSeconds?: number;
  readonly absoluteTimeoutSeconds?: number;
}

type BroadcastMessage = { type: 'logout' } | { type: 'login' };

export interface SessionBackend {
  /** GET /auth/session: the current session, or null when signed out. */
  load(signal?: AbortSignal): Promise<Session | null>;
  /** POST /auth/logout. */
  logout(): Promise<void>;
  /** Forget cached personal data. */
  clearPersonalData(): void;
  /** The session ended without a logout here (once per ending): the client tells the page. */
  ended(detail: EbokSessionExpiredDetail): void;
}

/**
 * The customer's session for one API base, shared by every widget on the page (and, through
 * BroadcastChannel, by the other tabs of the same site): who is signed in, the CSRF token, the timeouts.
 * Widgets subscribe and re-render when it changes. Nothing of it is written to web storage.
 */
export class SessionStore {
  private current: SessionState = { status: 'unknown' };
  private readonly listeners = new Set<(state: SessionState) => void>();
  private channel: BroadcastChannel | undefined;
  private loading: Promise<SessionState> | undefined;
  /** When the customer last signed in on this page (for the client's diagnosis of a lost cookie). */
  signedInAt: number | undefined;
  /** Why the last session ended: a logout here, or the reason the session expired. */
  endedBy: 'logout' | EbokSessionExpiredDetail['reason'] | undefined;

  constructor(
    readonly apiBase: string,
    private readonly backend: SessionBackend,
  ) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`ebok-session:${apiBase}`);
    this.channel?.addEventListener('message', (event: MessageEvent<BroadcastMessage>) => {
      if (event.data?.type === 'logout') this.end('logout-elsewhere', false);
      if (event.data?.type === 'login') this.refresh().catch(() => undefined);
    });
  }

  get state(): SessionState {
    return this.current;
  }

  get signedIn(): boolean {
    return this.current.status === 'signed-in';
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Asks the server who is signed in (once at a time; concurrent callers share the answer). A caller's signal
   * stops only its own wait: the shared request goes on for the others (a widget whose data task restarts,
   * e.g. when the English texts arrive, must not cancel the session check every widget of the page waits on).
   */
  refresh(signal?: AbortSignal): Promise<SessionState> {
    this.loading ??= this.backend
      .load()
      .then((session) => {
        if (session) this.set(fromSession(session));
        else if (this.current.status === 'signed-in') this.end('expired', true);
        else this.set({ status: 'signed-out' });
        return this.current;
      })
      .finally(() => (this.loading = undefined));
    return signal ? untilAborted(this.loading, signal) : this.loading;
  }

  /** Resolves the session status once: known already, or asked of the server. */
  async ready(signal?: AbortSignal): Promise<SessionState> {
    return this.current.status === 'unknown' ? this.refresh(signal) : this.current;
  }

  /** After a login (or a finished two-step code): every widget and every tab learns it. */
  signIn(session: Session): void {
    this.signedInAt = Date.now();
    this.backend.clearPersonalData();
    this.set(fromSession(session));
    this.broadcast({ type: 'login' });
  }

  /** The server extended the idle timeout (an answer carried new expiry times). */
  update(session: Session): void {
    if (this.current.status === 'signed-in') this.set(fromSession(session));
  }

  /** The customer logs out: the server ends the session, this page and the other tabs forget it. */
  async logout(): Promise<void> {
    this.endedBy = 'logout';
    try {
      await this.backend.logout();
    } finally {
      this.backend.clearPersonalData();
      this.set({ status: 'signed-out' });
      this.broadcast({ type: 'logout' });
    }
  }

  /**
   * The session ended without a logout here (a 401, the idle timeout, a logout in another tab):
   * forget personal data and tell the backend once (the client fires `ebok-session-expired` on the page).
   */
  end(reason: EbokSessionExpiredDetail['reason'], broadcast = true): void {
    const wasSignedIn = this.current.status === 'signed-in';
    if (wasSignedIn) this.endedBy = reason;
    this.backend.clearPersonalData();
    this.set({ status: 'signed-out' });
    if (broadcast) this.broadcast({ type: 'logout' });
    if (wasSignedIn) this.backend.ended({ apiBase: this.apiBase, reason });
  }

  /**
   * Stops listening to other tabs and forgets the listeners (tests, or a page tearing the widgets down).
   * A widget that still holds the store keeps working on this page; it just no longer tells other tabs.
   */
  close(): void {
    this.channel?.close();
    this.channel = undefined;
    this.listeners.clear();
  }

  private broadcast(message: BroadcastMessage): void {
    this.channel?.postMessage(message);
  }

  private set(next: SessionState): void {
    const before = this.current;
    this.current = next;
    if (
      before.status !== next.status ||
      before.user?.id !== next.user?.id ||
      before.csrfToken !== next.csrfToken ||
      before.idleExpiresAt !== next.idleExpiresAt
    ) {
      for (const listener of [...this.listeners]) listener(next);
    }
  }
}

function fromSession(session: Session): SessionState {
  return {
    status: 'signed-in',
    user: session.user,
    csrfToken: session.csrfToken,
    idleExpiresAt: session.idleExpiresAt,
    absoluteExpiresAt: session.absoluteExpiresAt,
    idleTimeoutSeconds: session.idleTimeoutSeconds,
    absoluteTimeoutSeconds: session.absoluteTimeoutSeconds,
  };
}

/** `promise`, or the signal's reason as soon as it aborts (the promise itself goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
