import { msg, str } from '@lit/localize';
import { EbokApiError } from '../api/errors.js';
import { formatLifetime } from '../i18n/format.js';

/** What kind of failure it was, as a customer would tell them apart. */
export type FailureKind =
  | 'offline'
  | 'network'
  | 'timeout'
  | 'throttled'
  | 'unavailable'
  | 'session'
  | 'malformed'
  | 'in-progress'
  | 'disabled'
  | 'unexpected';

/** Any failure, in words: what the widget shows, announces and reports in `ebok-error`. */
export interface Failure {
  kind: FailureKind;
  /** The `code` of `ebok-error`: the API problem's code, the client's transport code, or `unexpected`. */
  code: string;
  /** The HTTP status when the API answered. */
  status?: number;
  /** The first sentence: what happened. */
  message: string;
  /** The second: what the customer can do now (and that nothing typed was lost, for forms). */
  detail: string;
  /** Trying the same again later may work: offer "Try again". */
  retryable: boolean;
  /** Seconds the server asked to wait, when it said. */
  retryAfter?: number;
  /** `warning` for a lost connection (nothing is wrong with the customer's data), else `error`. */
  tone: 'error' | 'warning';
}

export interface FailureContext {
  /** Loading data (default) or sending something (a form, an action such as a payment). */
  action?: 'load' | 'send';
  /** The sentence for a failure with no better words, e.g. "Nie udało się wczytać salda." */
  failed?: string;
  /** The sentence when the service is down (5xx), e.g. "Logowanie jest chwilowo niedostępne." */
  unavailable?: string;
  /** What the customer typed stays in the form: say so. Default: true when sending. */
  keepsInput?: boolean;
  /** The request is sent again by itself once the customer logs in again (a 401 in the middle of a form). */
  resumesAfterLogin?: boolean;
}

/**
 * Turns any failure (an `EbokApiError`, or anything else that was thrown) into the words every widget uses
 * for it, whether it may be retried, and when. The one place for the wording of network, timeout, 429 and
 * 5xx failures; widgets add their own words only for codes that mean something to them
 * (`invalid_credentials`, `payment_amount_over_cap` …) before calling this.
 */
export function describeFailure(error: unknown, context: FailureContext = {}): Failure {
  const sending = context.action === 'send';
  const kept = context.keepsInput ?? sending;
  const keepNote = kept ? msg('Wpisane dane zostały w formularzu.') : '';
  const withNote = (text: string) => (keepNote ? `${text} ${keepNote}` : text);
  const failed = context.failed ?? (sending ? msg('Nie udało się wysłać formularza.') : msg('Nie udało się wczytać danych.'));
  const api = error instanceof EbokApiError ? error : undefined;
  const base = { code: api?.code ?? 'unexpected', ...(api?.status ? { status: api.status } : {}) };
  const make = (kind: FailureKind, message: string, detail: string, retryable: boolean, tone: Failure['tone'] = 'error'): Failure => ({
    ...base,
    kind,
    message,
    detail,
    retryable,
    tone,
    ...(api?.retryAfter !== undefined ? { retryAfter: api.retryAfter } : {}),
  });

  if (!api) return make('unexpected', failed, withNote(msg('Spróbuj ponownie za chwilę.')), true);
  if (api.code === 'network_error') {
    return api.offline
      ? make(
          'offline',
          msg('Brak połączenia z internetem.'),
          kept ? withNote(msg('Sprawdź połączenie i spróbuj ponownie.')) : msg('Dane wczytamy, gdy połączenie wróci.'),
          true,
          'warning',
        )
      : make('network', msg('Nie udało się połączyć z serwerem.'), withNote(msg('Sprawdź połączenie z internetem i spróbuj ponownie.')), true);
  }
  if (api.code === 'timeout') return make('timeout', msg('Serwer nie odpowiada.'), withNote(msg('Spróbuj ponownie za chwilę.')), true);
  if (api.code === 'malformed_response') {
    return make('malformed', msg('Serwer odpowiedział w nieoczekiwany sposób.'), withNote(msg('Spróbuj ponownie za chwilę.')), true);
  }
  if (api.status === 429) {
    const wait = api.retryAfter;
    return make(
      'throttled',
      msg('Zbyt wiele prób.'),
      wait ? msg(str`Spróbuj ponownie za ${formatLifetime(wait)}.`) : msg('Poczekaj kilka minut i spróbuj ponownie.'),
      true,
    );
  }
  if (api.status === 401) {
    return make(
      'session',
      msg('Twoja sesja wygasła.'),
      context.resumesAfterLogin ? msg('Zaloguj się ponownie – wyślemy to zaraz potem.') : msg('Zaloguj się ponownie.'),
      false,
    );
  }
  if (api.code === 'idempotency_in_progress') return make('in-progress', msg('Poprzednie wysłanie jeszcze trwa.'), msg('Spróbuj ponownie za chwilę.'), true);
  if (api.code === 'feature_disabled' || api.code === 'payments_disabled') {
    return make('disabled', msg('Ta funkcja jest chwilowo wyłączona.'), msg('Skontaktuj się z Biurem Obsługi Klienta.'), false);
  }
  if (api.status >= 500) {
    return make('unavailable', context.unavailable ?? msg('Serwis jest chwilowo niedostępny.'), withNote(msg('Spróbuj ponownie za kilka minut.')), true);
  }
  return make('unexpected', failed, withNote(msg('Spróbuj ponownie za chwilę.')), true);
}

/** The failure in one line: "Serwer nie odpowiada. Spróbuj ponownie za chwilę." */
export function failureText(failure: Failure): string {
  return `${failure.message} ${failure.detail}`.trim();
}
