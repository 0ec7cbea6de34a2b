import type { components } from '../../api/schema.js';
import { EbokApiError } from '../../api/errors.js';
import { validatePassword, type PasswordRule } from '../../validation/index.js';

export type PortalConfig = components['schemas']['PortalConfig'];
export type PasswordPolicy = components['schemas']['PasswordPolicy'];
export type LoginIdentifierKind = components['schemas']['LoginIdentifierKind'];
export type MfaChallenge = components['schemas']['MfaChallenge'];
export type LoginResult = components['schemas']['LoginSignedIn'] | MfaChallenge;

/** Which identifiers the login field accepts, as one key for the label and hint. */
export type IdentifierLabel = 'email' | 'pesel_nip' | 'login' | 'email_pesel_nip' | 'email_login' | 'pesel_nip_login' | 'all' | 'unknown';

export interface IdentifierField {
  label: IdentifierLabel;
  /** Only when a single kind makes the keyboard certain: e-mail → `email`, PESEL/NIP → `numeric`. */
  inputmode: 'email' | 'numeric' | undefined;
}

/**
 * The identifier field for the kinds the portal accepts (`PortalConfig.loginIdentifierKinds`). Without a
 * configuration (not loaded yet, or unavailable) it asks generically and lets the server decide.
 */
export function identifierField(kinds: readonly LoginIdentifierKind[] | undefined): IdentifierField {
  const set = new Set(kinds ?? []);
  const email = set.has('email');
  const peselNip = set.has('pesel_nip');
  const login = set.has('login');
  if (set.size === 0) return { label: 'unknown', inputmode: undefined };
  if (set.size === 1 && email) return { label: 'email', inputmode: 'email' };
  if (set.size === 1 && peselNip) return { label: 'pesel_nip', inputmode: 'numeric' };
  if (set.size === 1) return { label: 'login', inputmode: undefined };
  if (email && peselNip && !login) return { label: 'email_pesel_nip', inputmode: undefined };
  if (email && login && !peselNip) return { label: 'email_login', inputmode: undefined };
  if (peselNip && login && !email) return { label: 'pesel_nip_login', inputmode: undefined };
  return { label: 'all', inputmode: undefined };
}

export type PolicyRule = 'min_length' | 'max_length' | 'upper' | 'lower' | 'digit' | 'special';

export interface PolicyCheck {
  rule: PolicyRule;
  met: boolean;
  /** The number in the rule's text (lengths). */
  value?: number;
}

const RULE_OF: Record<PolicyRule, PasswordRule> = {
  min_length: 'too_short',
  max_length: 'too_long',
  upper: 'needs_upper',
  lower: 'needs_lower',
  digit: 'needs_digit',
  special: 'needs_special',
};

/**
 * The password policy as a checklist for `password`, in a fixed order: length first, then the character
 * classes the policy requires. Which rules are met comes from the shared validator (validation/password.ts),
 * so the login's change-password step and registration judge a password alike. The maximum length is
 * listed only once it is exceeded. The server checks again and has the last word.
 */
export function policyChecklist(password: string, policy: PasswordPolicy): PolicyCheck[] {
  const unmet = new Set(validatePassword(password, policy));
  const met = (rule: PolicyRule) => !unmet.has(RULE_OF[rule]);
  const checks: PolicyCheck[] = [{ rule: 'min_length', met: met('min_length'), value: policy.minLength }];
  if (!met('max_length')) checks.push({ rule: 'max_length', met: false, value: policy.maxLength });
  if (policy.requireUpper) checks.push({ rule: 'upper', met: met('upper') });
  if (policy.requireLower) checks.push({ rule: 'lower', met: met('lower') });
  if (policy.requireDigit) checks.push({ rule: 'digit', met: met('digit') });
  if (policy.requireSpecial) checks.push({ rule: 'special', met: met('special') });
  return checks;
}

/** The password meets every rule of the policy (no policy: anything not empty, the server decides). */
export function meetsPolicy(password: string, policy: PasswordPolicy | undefined): boolean {
  if (!policy) return password.length > 0;
  return policyChecklist(password, policy).every((check) => check.met);
}

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

/** What went wrong, as the login widget tells it apart. */
export type LoginFailure =
  | 'invalid_credentials'
  | 'throttled'
  | 'not_activated'
  | 'password_change_required'
  | 'offline'
  | 'network'
  | 'timeout'
  | 'unavailable'
  | 'unexpected';

/** The kind of failure of a login-family call, from the error's code (never its text). */
export function failureOf(error: unknown): LoginFailure {
  if (!(error instanceof EbokApiError)) return 'unexpected';
  switch (error.code) {
    case 'invalid_credentials':
      return 'invalid_credentials';
    case 'too_many_attempts':
    case 'rate_limited':
      return 'throttled';
    case 'account_not_activated':
      return 'not_activated';
    case 'password_change_required':
      return 'password_change_required';
    case 'network_error':
      return error.offline ? 'offline' : 'network';
    case 'timeout':
      return 'timeout';
    default:
      return error.status >= 500 ? 'unavailable' : 'unexpected';
  }
}

/** A login answer the widget can act on (a broken body must not sign anybody in). */
export function isLoginResult(value: unknown): value is LoginResult {
  const v = value as Partial<LoginResult> | null;
  if (!v || typeof v !== 'object') return false;
  if (v.status === 'signed_in') return isSession((v as { session?: unknown }).session);
  if (v.status === 'mfa_required') return typeof v.challengeId === 'string';
  return false;
}

export function isSession(value: unknown): value is components['schemas']['Session'] {
  const s = value as Partial<components['schemas']['Session']> | null;
  return !!s && typeof s === 'object' && !!s.user && typeof s.user.displayName === 'string' && typeof s.idleExpiresAt === 'string';
}
