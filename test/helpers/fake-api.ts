/**
 * A scripted stand-in for the network: answers requests with queued or routed responses and records
 * every request it saw (method, URL, headers, body). For unit tests of the client; integration tests
 * talk to the reference server instead.
 */
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

export const BALANCE = {
  balance: { amount: '245.67', currency: 'PLN' },
  openDocumentsTotal: { amount: '245.67', currency: 'PLN' },
  overdue: { amount: '245.67', currency: 'PLN' },
  oldestDueDate: '2026-10-15',
  overdueCount: 1,
  nextPayment: null,
  unallocatedPayments: { amount: '0.00', currency: 'PLN' },
  asOf: '2026-11-22T08:00:00+01:00',
  currency: 'PLN',
};

export const SESSION = {
  user: { id: 'u1', displayName: 'Jan Kowalski', email: 'energia@example.com', customerKind: 'person' as const },
  csrfToken: 'csrf-123',
  idleExpiresAt: '2026-11-22T09:15:00+01:00',
  absoluteExpiresAt: '2026-11-22T16:00:00+01:00',
  idleTimeoutSeconds: 900,
  absoluteTimeoutSeconds: 28800,
};
