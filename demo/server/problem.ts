/** RFC 9457 problems with the contract's codes, titles in Polish and English. */
import { randomUUID } from 'node:crypto';

export type Lang = 'pl' | 'en';

export interface FieldError {
  field: string;
  code: string;
  message: string;
  params?: Record<string, string | number | boolean>;
  registerId?: string;
}

const TITLES: Record<string, [number, string, string]> = {
  malformed_request: [400, 'Nieprawidłowe żądanie', 'Malformed request'],
  validation_failed: [422, 'Niepoprawne dane', 'Invalid data'],
  invalid_credentials: [401, 'Nieprawidłowy login lub hasło', 'Wrong login or password'],
  login_locked: [401, 'Konto może być czasowo zablokowane', 'The account may be locked for a while'],
  too_many_attempts: [429, 'Zbyt wiele prób', 'Too many attempts'],
  account_not_activated: [403, 'Konto nie jest aktywne', 'The account is not active'],
  password_change_required: [403, 'Ustaw nowe hasło', 'Set a new password'],
  mfa_required: [401, 'Wymagane dodatkowe potwierdzenie', 'Second factor required'],
  mfa_invalid_code: [422, 'Nieprawidłowy kod', 'Wrong code'],
  mfa_expired: [422, 'Kod wygasł', 'The code expired'],
  token_invalid_or_expired: [422, 'Link jest nieważny', 'The link is not valid'],
  token_used: [422, 'Link został już użyty', 'The link was already used'],
  token_expired: [422, 'Link wygasł', 'The link expired'],
  password_policy_violation: [422, 'Hasło nie spełnia wymagań', 'The password does not meet the rules'],
  unauthenticated: [401, 'Zaloguj się', 'Please sign in'],
  session_expired: [401, 'Sesja wygasła', 'The session expired'],
  csrf_failed: [403, 'Odrzucono żądanie', 'Request refused'],
  forbidden: [403, 'Brak uprawnień', 'Not allowed'],
  feature_disabled: [403, 'Funkcja niedostępna', 'Feature not available'],
  not_found: [404, 'Nie znaleziono', 'Not found'],
  conflict: [409, 'Operacja niemożliwa w obecnym stanie', 'Not possible in the current state'],
  idempotency_key_reuse: [422, 'Klucz idempotencji użyty ponownie', 'Idempotency key reused'],
  idempotency_in_progress: [409, 'Żądanie w toku', 'Request in progress'],
  reading_window_closed: [422, 'Odczyt można podać w oknie odczytowym', 'Readings are accepted in the reading window'],
  reading_out_of_range: [422, 'Nietypowy odczyt', 'Unusual reading'],
  reading_lower_than_previous: [422, 'Odczyt niższy od poprzedniego', 'Reading lower than the previous one'],
  reading_duplicate: [422, 'Odczyt już zapisany', 'Reading already recorded'],
  payment_amount_over_cap: [422, 'Kwota przekracza limit jednej płatności', 'The amount exceeds the per-payment limit'],
  payment_nothing_to_pay: [422, 'Brak kwoty do zapłaty', 'Nothing to pay'],
  payments_disabled: [403, 'Płatności online są niedostępne', 'Online payments are not available'],
  attachment_too_large: [422, 'Plik jest za duży', 'The file is too large'],
  attachment_type_not_allowed: [422, 'Niedozwolony typ pliku', 'File type not allowed'],
  payload_too_large: [413, 'Żądanie jest za duże', 'The request is too large'],
  method_not_allowed: [405, 'Metoda niedozwolona', 'Method not allowed'],
  rate_limited: [429, 'Zbyt wiele żądań', 'Too many requests'],
  service_unavailable: [503, 'Usługa chwilowo niedostępna', 'Service temporarily unavailable'],
  internal_error: [500, 'Wystąpił błąd', 'An error occurred'],
};

export class ApiError extends Error {
  constructor(
    public readonly code: string,
    public readonly detail?: string,
    public readonly extra: { fields?: FieldError[]; headers?: Record<string, string>; status?: number } & Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export function statusOf(code: string): number {
  return TITLES[code]?.[0] ?? 500;
}

export function problemBody(code: string, lang: Lang, detail?: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const t = TITLES[code] ?? TITLES.internal_error!;
  const rest = Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'headers' && k !== 'status'));
  const body: Record<string, unknown> = {
    type: `urn:ebok-widgets:problem:${code}`,
    title: lang === 'en' ? t[2] : t[1],
    status: typeof extra.status === 'number' ? extra.status : t[0],
    code,
  };
  if (detail) body.detail = detail;
  body.instance = `urn:uuid:${randomUUID()}`;
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) body[k] = v;
  return body;
}

/** Picks `pl` or `en` from Accept-Language (default `pl`). */
export function pickLang(header: string | undefined): Lang {
  if (!header) return 'pl';
  const langs = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const l of langs) if (l.tag === 'pl' || l.tag === 'en') return l.tag;
  return 'pl';
}

/** A field error with a message in the language asked for. */
export function fieldError(field: string, code: string, lang: Lang, params?: FieldError['params'], message?: string): FieldError {
  const e: FieldError = { field, code, message: message ?? fieldMessage(code, lang, params) };
  if (params) e.params = params;
  return e;
}

const FIELD_MESSAGES: Record<string, [string, string]> = {
  required: ['To pole jest wymagane.', 'This field is required.'],
  invalid_format: ['Niepoprawny format.', 'Invalid format.'],
  invalid_checksum: ['Numer jest niepoprawny. Sprawdź, czy nie ma literówki.', 'The number is not valid. Check for typos.'],
  too_short: ['Za krótki tekst.', 'Too short.'],
  too_long: ['Za długi tekst.', 'Too long.'],
  too_small: ['Wartość jest za mała.', 'The value is too small.'],
  too_large: ['Wartość jest za duża.', 'The value is too large.'],
  too_many_items: ['Za dużo elementów.', 'Too many items.'],
  not_allowed: ['Ta wartość nie jest dozwolona.', 'This value is not allowed.'],
  must_be_true: ['Aby kontynuować, zaakceptuj regulamin.', 'Accept the terms to continue.'],
  exactly_one_required: ['Podaj dokładnie jedną z tych wartości.', 'Give exactly one of these values.'],
  incorrect: ['Nieprawidłowa wartość.', 'Incorrect value.'],
  unknown_value: ['Nie znaleziono takiej pozycji.', 'No such item.'],
  not_payable: ['Tego dokumentu nie można teraz opłacić.', 'This document cannot be paid now.'],
  in_future: ['Data nie może być z przyszłości.', 'The date cannot be in the future.'],
  expired: ['Kod albo link wygasł lub został już użyty. Poproś o nowy.', 'The code or link has expired or was already used. Ask for a new one.'],
  phone_required: ['Aby dostawać SMS-y, dodaj numer telefonu w danych kontaktowych.', 'Add a phone number to receive text messages.'],
  password_too_short: ['Hasło jest za krótkie.', 'The password is too short.'],
  password_too_long: ['Hasło jest za długie.', 'The password is too long.'],
  password_missing_upper: ['Hasło musi zawierać wielką literę.', 'The password needs an upper-case letter.'],
  password_missing_lower: ['Hasło musi zawierać małą literę.', 'The password needs a lower-case letter.'],
  password_missing_digit: ['Hasło musi zawierać cyfrę.', 'The password needs a digit.'],
  password_missing_special: ['Hasło musi zawierać znak specjalny.', 'The password needs a special character.'],
  password_breached: ['To hasło wyciekło w znanych wyciekach danych. Wybierz inne.', 'This password is known from data breaches. Choose another.'],
  password_contains_identifier: ['Hasło nie może zawierać loginu.', 'The password must not contain the login.'],
  password_same_as_current: ['Nowe hasło musi różnić się od obecnego.', 'The new password must differ from the current one.'],
  reading_out_of_range: ['Odczyt jest nietypowy.', 'The reading is unusual.'],
  reading_lower_than_previous: ['Odczyt jest niższy od poprzedniego.', 'The reading is lower than the previous one.'],
  reading_duplicate: ['Ten odczyt został już zapisany.', 'This reading was already recorded.'],
  attachment_too_large: ['Plik jest za duży.', 'The file is too large.'],
  attachment_type_not_allowed: ['Niedozwolony typ pliku.', 'File type not allowed.'],
};

export function fieldMessage(code: string, lang: Lang, params?: FieldError['params']): string {
  const m = FIELD_MESSAGES[code] ?? FIELD_MESSAGES.invalid_format!;
  let text = lang === 'en' ? m[1] : m[0];
  if (params && (code === 'password_too_short' || code === 'too_short') && params.min !== undefined) {
    text = lang === 'en' ? `At least ${String(params.min)} characters.` : `Co najmniej ${String(params.min)} znaków.`;
  }
  if (params && code === 'too_large' && params.max !== undefined) {
    text = lang === 'en' ? `At most ${String(params.max)}.` : `Wartość może wynosić najwyżej ${String(params.max)}.`;
  }
  return text;
}
