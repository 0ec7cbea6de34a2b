import { EbokErrorEvent } from '../core/events.js';

/**
 * What the page's developer is told when the widgets are set up wrong: customers see a calm message; the
 * developer gets one `console.warn` per cause (and API) and an `ebok-error` with the cause's code, on the
 * widget or on `document`. The messages are for developers, in English.
 */
export type DiagnosticCode =
  /** No API base anywhere: no `api-base`, no provider's, no `configure({ apiBase })`, no meta tag. */
  | 'no_api_base'
  /** A widget sits in an `<ebok-provider>` whose code never loaded. */
  | 'provider_not_defined'
  /** The API could not be reached while the device is online: down, a wrong URL, or CORS refusing this origin. */
  | 'api_unreachable'
  /** A login worked, then the very next requests were not signed in: the browser did not keep the session cookie. */
  | 'session_cookie_blocked'
  /** The API answered, but not as the contract says (not JSON, a missing field…). */
  | 'malformed_response';

const SAID = Symbol.for('ebok-widgets.diagnostics');

function said(): Set<string> {
  const holder = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  return (holder[SAID] ??= new Set());
}

/** Tells the developer once per `code` and `scope` (an API base, a tag): a console warning and an `ebok-error`. */
export function diagnose(code: DiagnosticCode, message: string, options: { scope?: string; target?: EventTarget } = {}): void {
  const key = `${code} ${options.scope ?? ''}`;
  if (said().has(key)) return;
  said().add(key);
  console.warn(`ebok-widgets (${code}): ${message}`);
  const target = options.target ?? (typeof document === 'undefined' ? undefined : document);
  target?.dispatchEvent(new EbokErrorEvent({ code, message }));
}

/** Forgets what was said (tests). */
export function resetDiagnostics(): void {
  said().clear();
}
