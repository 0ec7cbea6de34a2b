import { EbokApiError } from './errors.js';
import { diagnose } from './diagnose.js';

export { diagnose, resetDiagnostics, type DiagnosticCode } from './diagnose.js';

/**
 * The error for an answer that is not the contract's, with the diagnosis: `what` says what came
 * ("GET /balance answered without the amounts").
 */
export function malformedResponse(apiBase: string, what: string, status = 200): EbokApiError {
  diagnose('malformed_response', `${apiBase}: ${what}, which is not what the eBOK API contract says (openapi.yaml in the package); the widget shows an error instead.`, {
    scope: `${apiBase} ${what}`,
  });
  return new EbokApiError({ status, code: 'malformed_response', detail: what });
}

/** Roughly the "site" of a host (its registrable domain), enough to tell a cross-site API from a same-site one. */
export function siteOf(hostname: string): string {
  const labels = hostname.split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels.at(-1)!)) return hostname;
  const secondLevel = new Set(['com', 'net', 'org', 'gov', 'edu', 'co', 'waw', 'biz', 'info']);
  const take = secondLevel.has(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-take).join('.');
}
