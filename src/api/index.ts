export { EbokClient, newIdempotencyKey, normalizeApiBase, type ClientOptions, type ApiData, type GetPath } from './client.js';
export { EbokApiError, isApiError, parseRetryAfter, type EbokErrorCode, type ProblemCode, type FieldError } from './errors.js';
export { SessionStore, type Session, type SessionState, type SessionStatus, type SessionUser } from './session.js';
export { configure, getClient, pageApiBase, resetClients } from './registry.js';
export { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
export type { paths, components, operations } from './schema.js';
