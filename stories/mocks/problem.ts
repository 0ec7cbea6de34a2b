import { HttpResponse } from 'msw';
import type { components } from '../../src/api/schema.js';

export type Problem = components['schemas']['Problem'];
export type ProblemCode = components['schemas']['ProblemCode'];
export type FieldError = components['schemas']['FieldError'];

/** Extension members of a problem besides the RFC 9457 ones and `code`. */
export type ProblemExtra = Partial<Omit<Problem, 'type' | 'title' | 'status' | 'code'>>;

/** Short Polish titles per code, as in the contract's examples (widgets never show them: they translate `code`). */
const TITLES: Record<ProblemCode, string> = {
  malformed_request: 'Nieprawidłowe żądanie',
  validation_failed: 'Niepoprawne dane',
  invalid_credentials: 'Nieprawidłowy login lub hasło',
  login_locked: 'Konto może być czasowo zablokowane',
  too_many_attempts: 'Zbyt wiele prób',
  account_not_activated: 'Konto nie jest aktywne',
  password_change_required: 'Ustaw nowe hasło',
  mfa_required: 'Wymagane dodatkowe potwierdzenie',
  mfa_invalid_code: 'Nieprawidłowy kod',
  mfa_expired: 'Kod wygasł',
  token_invalid_or_expired: 'Link jest nieważny',
  token_used: 'Link został już użyty',
  token_expired: 'Link wygasł',
  password_policy_violation: 'Hasło nie spełnia wymagań',
  unauthenticated: 'Zaloguj się',
  session_expired: 'Sesja wygasła',
  csrf_failed: 'Odrzucono żądanie',
  forbidden: 'Brak uprawnień',
  feature_disabled: 'Funkcja niedostępna',
  not_found: 'Nie znaleziono',
  conflict: 'Operacja niemożliwa w obecnym stanie',
  idempotency_key_reuse: 'Klucz idempotencji użyty ponownie',
  idempotency_in_progress: 'Żądanie w toku',
  reading_window_closed: 'Odczyt można podać w oknie odczytowym',
  reading_out_of_range: 'Nietypowy odczyt',
  reading_lower_than_previous: 'Odczyt niższy od poprzedniego',
  reading_duplicate: 'Odczyt już zapisany',
  payment_amount_over_cap: 'Kwota przekracza limit jednej płatności',
  payment_nothing_to_pay: 'Brak kwoty do zapłaty',
  payments_disabled: 'Płatności online są niedostępne',
  attachment_too_large: 'Plik jest za duży',
  attachment_type_not_allowed: 'Niedozwolony typ pliku',
  payload_too_large: 'Żądanie jest za duże',
  method_not_allowed: 'Metoda niedozwolona',
  rate_limited: 'Zbyt wiele żądań',
  service_unavailable: 'Usługa chwilowo niedostępna',
  internal_error: 'Wystąpił błąd',
};

/**
 * An RFC 9457 problem as the contract defines it: `type` is `urn:ebok-widgets:problem:<code>`, `title` the
 * code's Polish title, `status` repeated from the answer. `extra` adds `fields`, `retryAfter`, `cap`, ...
 */
export function problem(status: number, code: ProblemCode, detail?: string, extra: ProblemExtra = {}): Problem {
  return {
    type: `urn:ebok-widgets:problem:${code}`,
    title: TITLES[code],
    status,
    ...(detail === undefined ? {} : { detail }),
    code,
    ...extra,
  };
}

export interface ProblemResponseInit {
  detail?: string;
  extra?: ProblemExtra;
  /** Extra headers, e.g. `Retry-After`. `Content-Type` and `Cache-Control` are always set. */
  headers?: Record<string, string>;
}

/** A `problem(...)` answered as `application/problem+json` with `Cache-Control: no-store`. */
export function problemResponse(status: number, code: ProblemCode, init: ProblemResponseInit = {}): HttpResponse<Problem> {
  return HttpResponse.json(problem(status, code, init.detail, init.extra), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...init.headers },
  });
}

/** A `422 validation_failed` with one entry per refused field. */
export function validationProblem(fields: FieldError[], detail = 'Popraw zaznaczone pola.'): HttpResponse<Problem> {
  return problemResponse(422, 'validation_failed', { detail, extra: { fields } });
}

/** One refused field for `validationProblem`. */
export function fieldError(field: string, code: FieldError['code'], message: string, more: Partial<FieldError> = {}): FieldError {
  return { field, code, message, ...more };
}
