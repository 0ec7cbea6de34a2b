/**
 * A scripted stand-in for the network: answers requests with queued or routed responses and records
 * every request it saw (method, URL, headers, body). For unit tests of the client; integration tests
 * talk to the reference server instead. The fixtures (`balanceAt`, `sessionAt`, `portalConfigOf`) come
 * from the demo personas (demo/personas), the world the reference server and the mocks serve too.
 */
import { addDays, warsawDate } from '../../src/i18n/calendar.js';
import { balanceOf, persona, sessionOf, type Persona, type PersonaKey, type Schemas } from '../../demo/personas/index.js';

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

/** The persona the unit-test fixtures are built from: energia@example.com (Jan Kowalski), as in the demo and the mocks. */
export const FIXTURE_PERSONA: PersonaKey = 'energia';

/**
 * The balance of the fixture persona as GET /balance answers it at `now` (default: the real now, or the faked
 * clock), derived from its documents as the reference server and the mocks derive it: 245.67 PLN owed, all of
 * it one invoice overdue since ten days, as of `now`. Built from `now`, so it stays overdue whatever day the
 * tests run.
 */
export function balanceAt(now: number = Date.now()): Omit<Schemas['Balance'], 'oldestDueDate'> & { oldestDueDate: string } {
  const at = new Date(now);
  const balance = balanceOf(persona(FIXTURE_PERSONA, at), at);
  if (balance.oldestDueDate === null) throw new Error('The fixture persona has no overdue invoice');
  return { ...balance, oldestDueDate: balance.oldestDueDate };
}

/**
 * The fixture persona's session as GET /auth/session answers it at `now`: signed in at `now`, the idle deadline
 * 15 minutes and the absolute one 12 hours later (the energy portal's timeouts). The CSRF token is the fake
 * API's own, `csrf-123` (a real session has a random one).
 */
export function sessionAt(now: number = Date.now()): Schemas['Session'] & { csrfToken: string } {
  const at = new Date(now);
  return { ...sessionOf(persona(FIXTURE_PERSONA, at), at), csrfToken: 'csrf-123' };
}

/** A calendar date `days` from `now` in Poland (negative: before), for fixtures that carry due dates. */
export function dateFromToday(days: number, now: number = Date.now()): string {
  return addDays(warsawDate(new Date(now)), days);
}

/**
 * GET /portal-config of a persona's utility (default the fixture persona's: the energy portal), a fresh copy a
 * test may change: the demo's real configuration instead of a hand-written one.
 */
export function portalConfigOf(who: PersonaKey | Persona = FIXTURE_PERSONA): Schemas['PortalConfig'] {
  return structuredClone((typeof who === 'string' ? persona(who) : who).utility.config);
}
