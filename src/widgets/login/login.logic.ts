import type { components } from '../../api/schema.js';
import { EbokApiError } from '../../api/errors.js';
import type { FailureKind } from './login.machine.js';

export type PortalConfig = components['schemas']['PortalConfig'];
export type PasswordPolicy = components['schemas']['PasswordPolicy'];
export type LoginIdentifierKind = components['schemas']['LoginIdentifierKind'];
export type MfaChallenge = components['schemas']['MfaChallenge'];
export type TermsRequired = components['schemas']['TermsRequired'];
export type LoginResult = components['schemas']['LoginSignedIn'] | MfaChallenge | TermsRequired;
/** What the code step may answer: signed in, or new terms to accept first. */
export type VerifyResult = components['schemas']['LoginSignedIn'] | TermsRequired;
export type Session = components['schemas']['Session'];

export { identifierField, type IdentifierField, type IdentifierLabel } from './login.credentials.js';

/** A one-time code as typed or pasted ("123 456", "123-456") → digits only. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

/** The contract's code format: 4 to 8 digits. */
export function isValidCode(code: string): boolean {
  return /^[0-9]{4,8}$/.test(normalizeCode(code));
}

/**
 * How long to wait after a throttled answer, in seconds: `Retry-After` (or the problem's `retryAfter`),
 * else `lockedUntil`; undefined when the server said neither.
 */
export function waitSeconds(error: EbokApiError, now: number = Date.now()): number | undefined {
  if (error.retryAfter !== undefined) return error.retryAfter;
  const until = error.problem?.lockedUntil ? Date.parse(error.problem.lockedUntil) : NaN;
  return Number.isNaN(until) ? undefined : Math.max(0, Math.ceil((until - now) / 1000));
}

/** Epoch ms of an API date-time, or undefined when it is missing or unreadable. */
export function instant(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * How a login-family call failed, for the flow (login.machine.ts), from the error's code (never its text).
 * Failures that mean nothing special to the login are `other`: `describeFailure` words them.
 */
export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof EbokApiError)) return 'other';
  switch (error.code) {
    case 'invalid_credentials':
      return 'invalid_credentials';
    case 'login_locked':
      return 'locked';
    case 'too_many_attempts':
    case 'rate_limited':
      return 'throttled';
    case 'account_not_activated':
      return 'not_activated';
    case 'password_change_required':
      return 'password_change_required';
    case 'mfa_invalid_code':
      return 'invalid_code';
    case 'mfa_expired':
      return 'code_expired';
    case 'token_invalid_or_expired':
    case 'token_used':
      return 'token_expired';
    case 'password_policy_violation':
    case 'validation_failed':
      return 'policy';
    case 'conflict':
      return 'conflict';
    default:
      return 'other';
  }
}

/** A login answer the widget can act on (a broken body must not sign anybody in). */
export function isLoginResult(value: unknown): value is LoginResult {
  const v = value as Partial<LoginResult> | null;
  if (!v || typeof v !== 'object') return false;
  if (v.status === 'signed_in') return isSession((v as { session?: unknown }).session);
  if (v.status === 'mfa_required') return typeof v.challengeId === 'string';
  if (v.status === 'terms_required') return typeof v.challengeId === 'string' && isTerms(v.terms);
  return false;
}

function isTerms(value: unknown): value is TermsRequired['terms'] {
  const t = value as Partial<TermsRequired['terms']> | null;
  return !!t && typeof t === 'object' && typeof t.version === 'string' && typeof t.url === 'string';
}

export function isSession(value: unknown): value is components['schemas']['Session'] {
  const s = value as Partial<components['schemas']['Session']> | null;
  return !!s && typeof s === 'object' && !!s.user && typeof s.user.displayName === 'string' && typeof s.idleExpiresAt === 'string';
}
