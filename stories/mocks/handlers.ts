/**
 * MSW 2 handlers for every operation of the contract (src/api/openapi.yaml), for stories and tests.
 *
 * ```ts
 * import { createHandlers } from '../mocks/handlers.js';
 * export const Overdue = { parameters: { msw: { handlers: createHandlers({ scenario: 'balance-overdue' }) } } };
 * // tests, without a service worker:
 * const response = await getResponse(createHandlers({ base: '/api/v1' }), new Request('/api/v1/balance'));
 * ```
 *
 * Demo sign-in: the demo logins of the reference server (`energia@example.com`, `gaz@`, `woda@`, `firma@`) with
 * `Demo-Haslo-2026`, each answering with its own persona's data; `2fa@example.com` with the same password asks
 * for a code, and `123456` is the code. See README.md in this folder for everything the mock understands.
 */
import type { HttpHandler } from 'msw';
import { API_BASE, OPERATION_LIST, normalizeBase } from './operations.js';
import { createState, defaultWorld, resolverHandlers, type MockContext } from './resolvers.js';
import { scenarioHandlers, type ScenarioName } from './scenarios.js';
import type { PersonaKey } from './data.js';

export { API_BASE };
export { OPERATIONS, OPERATION_LIST, type OperationId, type OperationInfo } from './operations.js';
export { problem, problemResponse, type Problem, type ProblemCode } from './problem.js';
export { SCENARIOS, SCENARIO_NAMES, SLOW_DELAY_MS, RETRY_AFTER, MALFORMED_BODY, WRONG_SHAPE_BODY, scenarioHandlers, isScenarioName, type ScenarioName } from './scenarios.js';
export { DEMO, type PersonaKey } from './data.js';

export interface HandlerOptions {
  /**
   * The API base the handlers answer under; default `API_BASE` (`http://localhost:8787/api/v1`). A relative
   * base such as `/api/v1` is resolved by MSW against the page's location.
   */
  base?: string;
  /** Scenario(s) whose handlers go first, in the order given; the default answers follow. */
  scenario?: ScenarioName | readonly ScenarioName[];
  /** The clock of the mock (default: the real one). Fixtures and deadlines are computed from it per request. */
  now?: () => Date;
  /** Answer `403 csrf_failed` when a state-changing personal request lacks the session's `X-CSRF-Token`. Default `false`. */
  checkCsrf?: boolean;
  /**
   * Who is signed in at the start (default `energia`, energia@example.com); signing in as another demo login
   * switches to that persona. The personas are those of demo/personas, which the reference server seeds too.
   */
  persona?: PersonaKey;
}

/**
 * One handler per operation (46), answering from the fixtures with the contract's rules, behind the handlers of
 * the chosen scenario(s). Each call has its own state (sign-in, created payments, readings, tickets, replies), so
 * stories and tests do not leak into each other. The session starts signed in (as `options.persona`, energia by default).
 */
export function createHandlers(options: HandlerOptions = {}): HttpHandler[] {
  const base = normalizeBase(options.base ?? API_BASE);
  const now = options.now ?? (() => new Date());
  const ctx: MockContext = { world: defaultWorld, state: createState(now(), options.persona), now, checkCsrf: options.checkCsrf ?? false };
  const scenarios: readonly ScenarioName[] = options.scenario === undefined ? [] : typeof options.scenario === 'string' ? [options.scenario] : options.scenario;
  return [...scenarios.flatMap((name) => scenarioHandlers(name, base, ctx)), ...resolverHandlers(OPERATION_LIST, base, ctx)];
}
