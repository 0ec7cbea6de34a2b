/**
 * Named scenarios: lists of MSW handlers that override the default answers (put them first). Use them in a
 * story's `parameters.msw.handlers` or through `createHandlers({ scenario })`.
 */
import { HttpResponse, delay, http, type HttpHandler } from 'msw';
import { instantFromNow } from './data.js';
import { API_BASE, OPERATION_LIST, mswPath, type OperationId, type OperationInfo } from './operations.js';
import { problemResponse } from './problem.js';
import { createState, defaultWorld, invalidCredentials, loginLocked, noSession, operationHandler, resolverHandlers, type MockContext, type World } from './resolvers.js';

/** What each scenario does (for a Storybook toolbar or docs). */
export const SCENARIOS = {
  'signed-out': 'No session: personal operations answer 401 unauthenticated until a sign-in (getSession and logout answer 204, as the contract says).',
  'session-expired': 'The session timed out: personal operations answer 401 session_expired until a sign-in (getSession and logout answer 204).',
  'balance-overdue': 'Balance 245.67 PLN, all of it overdue (two documents, the oldest due 40 days ago); paying the balance pays that.',
  'balance-due': 'Balance 310.00 PLN due in 9 days, nothing overdue: red, "Do zapłaty … do …".',
  'balance-overpaid': 'Credit of 120.00 PLN: the open invoice (85.40) is smaller than the overpayment; nothing to pay.',
  'balance-settled': 'Balance 0.00 PLN, nothing open, no next payment.',
  'balance-over-cap': 'Balance 5234.18 PLN, over the 4300.00 PLN per-transaction cap: paying it all answers 422 payment_amount_over_cap.',
  empty: 'A new customer: every list is empty, the balance is zero, there is no consumption.',
  'server-error': 'Every operation answers 500 internal_error.',
  timeout: 'No operation ever answers (the request hangs until the client gives up).',
  slow: 'Every operation answers normally after 1.5 s (loading states).',
  'rate-limited': 'Every operation answers 429 rate_limited with Retry-After: 30.',
  unavailable: 'Every operation answers 503 service_unavailable with Retry-After: 120.',
  malformed: 'Every operation answers 200 with a body that is not valid JSON.',
  'malformed-shape': 'Every operation answers 200 with valid JSON of the wrong shape.',
  offline: 'Every request fails with a network error.',
  locked: 'Sign-in answers 401 invalid_credentials even for the right password (identical to a wrong password).',
  'lock-notice': 'Sign-in answers 401 login_locked (lockedUntil 15 min ahead) for any login and password, as after repeated failed sign-ins.',
  throttled: 'Sign-in, MFA and the reset/reminder/activation requests answer 429 too_many_attempts with Retry-After: 900.',
  'payments-disabled': 'Online payments are off: portal config says so, no document is payable, createPayment answers 403 payments_disabled.',
  'reading-window-closed': 'The reading window is closed: the context says so and submitReading answers 422 reading_window_closed.',
  'terms-changed': 'The utility published new terms (2099-01): a login answers terms_required until acceptTerms; the portal config shows them.',
} as const satisfies Record<string, string>;

export type ScenarioName = keyof typeof SCENARIOS;

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

/** How long the `slow` scenario waits before the normal answer. */
export const SLOW_DELAY_MS = 1500;
/** `Retry-After` of the `rate-limited`, `unavailable` and `throttled` scenarios, in seconds. */
export const RETRY_AFTER = { rateLimited: 30, unavailable: 120, throttled: 900 } as const;

/** A body that is not JSON at all: a truncated document, as from a proxy that cut the answer. */
export const MALFORMED_BODY = '{"items": [{"id": "doc_2025_03_0412", "number": "FV/2025/0';
/** Valid JSON that matches no answer of the contract. */
export const WRONG_SHAPE_BODY = { data: { ok: true }, items: 'nie-lista', status: 42, nextCursor: 7 } as const;

const AUTH_THROTTLED: readonly OperationId[] = ['login', 'verifyMfa', 'resendMfa', 'requestPasswordReset', 'requestLoginReminder', 'resendActivation'];
/** The balance and paying it (`scope: balance` pays the balance the scenario shows). */
const BALANCE_OPERATIONS: readonly OperationId[] = ['getBalance', 'createPayment'];
const LIST_OPERATIONS: readonly OperationId[] = [
  'listPoints',
  'listContracts',
  'listDocuments',
  'listPayments',
  'listReadings',
  'listTickets',
  'listMessages',
  'listOutages',
  'getBalance',
  'getConsumption',
];

/** One handler per operation of the contract, all answering with `answer`. */
function everyOperation(base: string, answer: (op: OperationInfo, request: Request) => Response | undefined | Promise<Response | undefined>, ops: readonly OperationInfo[] = OPERATION_LIST): HttpHandler[] {
  return ops.map((op) => http[op.method](mswPath(base, op.path), ({ request }) => answer(op, request)));
}

function only(ids: readonly OperationId[]): OperationInfo[] {
  return OPERATION_LIST.filter((op) => ids.includes(op.id));
}

/**
 * Starts the state without a session (`expired`: ended by a timeout). While there is none, personal operations
 * answer `401 unauthenticated` / `401 session_expired`; `getSession` and `logout` (both 204 without a session)
 * and `changePassword` with a `changeToken` (no session needed) go on to the next handler. After a sign-in
 * through the default handlers (which share the state), everything goes on to them.
 */
function withoutSession(base: string, ctx: MockContext, expired: boolean): HttpHandler[] {
  const { state } = ctx;
  state.signedIn = false;
  state.expired = expired;
  return everyOperation(
    base,
    async (op, request) => {
      if (state.signedIn || op.id === 'logout' || op.id === 'getSession') return undefined;
      if (op.id === 'changePassword') {
        const body: unknown = await request
          .clone()
          .json()
          .catch(() => undefined);
        if (typeof body === 'object' && body !== null && 'changeToken' in body) return undefined;
      }
      return noSession(state);
    },
    OPERATION_LIST.filter((op) => op.personal),
  );
}

/** The handlers of the default behaviour over a changed world, for the given operations. */
function withWorld(base: string, ctx: MockContext, change: Partial<World>, ids: readonly OperationId[]): HttpHandler[] {
  return resolverHandlers(only(ids), base, { ...ctx, world: { ...ctx.world, ...change } });
}

/**
 * The handlers of scenario `name` under `base`. They answer only what the scenario changes; put them before the
 * default handlers (as `createHandlers({ scenario })` does). `ctx` shares the state of the default handlers; a
 * standalone call gets its own.
 */
export function scenarioHandlers(name: ScenarioName, base: string = API_BASE, ctx?: MockContext): HttpHandler[] {
  const context: MockContext = ctx ?? { world: defaultWorld, state: createState(new Date()), now: () => new Date(), checkCsrf: false };
  switch (name) {
    case 'signed-out':
      return withoutSession(base, context, false);
    case 'session-expired':
      return withoutSession(base, context, true);
    case 'balance-overdue':
      return withWorld(base, context, { balance: 'overdue' }, BALANCE_OPERATIONS);
    case 'balance-due':
      return withWorld(base, context, { balance: 'due' }, BALANCE_OPERATIONS);
    case 'balance-overpaid':
      return withWorld(base, context, { balance: 'overpaid' }, BALANCE_OPERATIONS);
    case 'balance-settled':
      return withWorld(base, context, { balance: 'settled' }, BALANCE_OPERATIONS);
    case 'balance-over-cap':
      return withWorld(base, context, { balance: 'over-cap' }, BALANCE_OPERATIONS);
    case 'empty':
      return withWorld(base, context, { empty: true }, LIST_OPERATIONS);
    case 'terms-changed':
      return withWorld(base, context, { termsChanged: true }, ['getPortalConfig', 'login', 'verifyMfa', 'acceptTerms']);
    case 'payments-disabled':
      return withWorld(base, context, { paymentsEnabled: false }, [
        'getPortalConfig',
        'createPayment',
        'listDocuments',
        'getDocument',
      ]);
    case 'reading-window-closed':
      return withWorld(base, context, { readingWindowOpen: false }, ['getReadingContext', 'submitReading']);
    case 'server-error':
      return everyOperation(base, () =>
        problemResponse(500, 'internal_error', {
          detail: 'Spróbuj ponownie później. Jeśli błąd się powtórzy, podaj konsultantowi identyfikator zgłoszenia.',
          extra: { instance: 'urn:uuid:4fa06d8c-2e5b-4a7f-9c9b-6b5d4e3a8f55' },
        }),
      );
    case 'timeout':
      return everyOperation(base, async () => {
        await delay('infinite');
        return undefined;
      });
    case 'slow':
      return everyOperation(base, async () => {
        await delay(SLOW_DELAY_MS);
        return undefined;
      });
    case 'rate-limited':
      return everyOperation(base, () =>
        problemResponse(429, 'rate_limited', {
          detail: 'Spróbuj ponownie za chwilę.',
          extra: { retryAfter: RETRY_AFTER.rateLimited },
          headers: { 'Retry-After': String(RETRY_AFTER.rateLimited) },
        }),
      );
    case 'unavailable':
      return everyOperation(base, () =>
        problemResponse(503, 'service_unavailable', {
          detail: 'Trwają prace serwisowe. Spróbuj ponownie za kilka minut.',
          extra: { retryAfter: RETRY_AFTER.unavailable },
          headers: { 'Retry-After': String(RETRY_AFTER.unavailable) },
        }),
      );
    case 'malformed':
      return everyOperation(base, () => new HttpResponse(MALFORMED_BODY, { status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } }));
    case 'malformed-shape':
      return everyOperation(base, () => HttpResponse.json(WRONG_SHAPE_BODY, { status: 200, headers: { 'Cache-Control': 'no-store' } }));
    case 'offline':
      return everyOperation(base, () => HttpResponse.error());
    case 'locked':
      return [
        operationHandler('login', base, context, async ({ request }) => {
          // Malformed requests still get their own answers; a well-formed sign-in is refused like a wrong password.
          const body: unknown = await request.json().catch(() => undefined);
          if (typeof body !== 'object' || body === null || !('identifier' in body) || !('password' in body)) {
            return problemResponse(422, 'validation_failed', { detail: 'Popraw zaznaczone pola.' });
          }
          return invalidCredentials();
        }),
      ];
    case 'lock-notice':
      return [operationHandler('login', base, context, () => loginLocked(new Date()))];
    case 'throttled':
      return everyOperation(
        base,
        () => {
          const seconds = RETRY_AFTER.throttled;
          return problemResponse(429, 'too_many_attempts', {
            detail: 'Spróbuj ponownie za 15 minut albo zresetuj hasło.',
            extra: { retryAfter: seconds, lockedUntil: instantFromNow(new Date(), seconds) },
            headers: { 'Retry-After': String(seconds) },
          });
        },
        only(AUTH_THROTTLED),
      );
  }
}

/** Is `name` one of the scenarios? (For a Storybook toolbar value or a URL parameter.) */
export function isScenarioName(name: unknown): name is ScenarioName {
  return typeof name === 'string' && Object.hasOwn(SCENARIOS, name);
}
