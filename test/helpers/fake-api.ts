/**
 * A scripted stand-in for the network: answers requests with queued or routed responses and records
 * every request it saw (method, URL, headers, body). For unit tests of the client; integration tests
 * talk to the reference server instead.
 */
import { addDays, warsawDate, warsawIso } from '../../src/i18n/calendar.js';

export interface Seen {
  method: string;
  url: string;
  path: string;
  headers: Headers;
  body: string;
  signal: AbortSignal;
}

type Answer = Response | Error | ((request: Request) => Response | Promise<Response>) | 'hang';

export class FakeApi {
  readonly seen: Seen[] = [];
  private readonly routes: { method: string; path: string; answers: Answer[] }[] = [];

  /** Queue answers for METHOD PATH (path after /api/v1); the last one repeats. A later `on()` for the same route replaces it. */
  on(method: string, path: string, ...answers: Answer[]): this {
    this.routes.push({ method, path, answers });
    return this;
  }

  calls(method: string, path: string): Seen[] {
    return this.seen.filter((s) => s.method === method && s.path === path);
  }

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^.*\/api\/v1/, '');
    this.seen.push({
      method: request.method,
      url: request.url,
      path,
      headers: request.headers,
      body: await request.clone().text(),
      signal: request.signal,
    });
    // The route added last wins, so a test can override what beforeEach set up.
    const route = this.routes.findLast((r) => r.method === request.method && r.path === path);
    if (!route) return json(404, { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' }, 'application/problem+json');
    const answer = route.answers.length > 1 ? route.answers.shift()! : route.answers[0]!;
    if (answer === 'hang') {
      return new Promise((_, reject) => {
        const fail = () => reject(new DOMException('The request was aborted', 'AbortError'));
        if (request.signal.aborted) fail();
        request.signal.addEventListener('abort', fail, { once: true });
      });
    }
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(request);
    return answer.clone();
  };
}

export function json(status: number, body: unknown, type = 'application/json', headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json(status, { type: `urn:ebok-widgets:problem:${code}`, title: code, status, code, ...extra }, 'application/problem+json', headers);
}

/**
 * The balance of the fixture customer as GET /balance answers it at `now` (default: the real now, or the
 * faked clock): 245.67 PLN owed, all of it overdue since 38 days, as of an hour ago. Built from `now` so
 * the overdue invoice stays overdue whatever day the tests run.
 */
export function balanceAt(now: number = Date.now()) {
  const today = warsawDate(new Date(now));
  return {
    balance: { amount: '245.67', currency: 'PLN' },
    openDocumentsTotal: { amount: '245.67', currency: 'PLN' },
    overdue: { amount: '245.67', currency: 'PLN' },
    oldestDueDate: addDays(today, -38),
    overdueCount: 1,
    nextPayment: null as { amount: { amount: string; currency: string }; dueDate: string } | null,
    unallocatedPayments: { amount: '0.00', currency: 'PLN' },
    asOf: warsawIso(new Date(now - 3_600_000)),
    currency: 'PLN',
  };
}

/**
 * Jan Kowalski's session as GET /auth/session answers it at `now`: the idle deadline 15 minutes and the
 * absolute one 8 hours after `now` (the mock API's and the reference server's timeouts).
 */
export function sessionAt(now: number = Date.now()) {
  return {
    user: { id: 'u1', displayName: 'Jan Kowalski', email: 'energia@example.com', customerKind: 'person' as const },
    csrfToken: 'csrf-123',
    idleExpiresAt: warsawIso(new Date(now + 900_000)),
    absoluteExpiresAt: warsawIso(new Date(now + 28_800_000)),
    idleTimeoutSeconds: 900,
    absoluteTimeoutSeconds: 28800,
  };
}

/** A calendar date `days` from `now` in Poland (negative: before), for fixtures that carry due dates. */
export function dateFromToday(days: number, now: number = Date.now()): string {
  return addDays(warsawDate(new Date(now)), days);
}
