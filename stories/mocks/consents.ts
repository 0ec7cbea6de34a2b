/**
 * The mocks' consents and terms: the update of `updateConsents` (each marketing consent by id, e-invoice, the
 * utility's "e-invoice required" rule) and the terms a utility publishes anew, which a customer must accept at the
 * next login (`terms_required`, then `acceptTerms`). The same rules as the reference server (demo/server/consents.ts
 * and terms.ts); resolvers.ts wires them to requests.
 */
import type { components } from '../../src/api/schema.js';
import { warsawIso } from '../../src/i18n/calendar.js';
import { fieldError, type FieldError } from './problem.js';

type S = components['schemas'];

/** The challenge of a `terms_required` answer in the mocks (one at a time). */
export const TERMS_CHALLENGE_ID = 'trm_Vd3kQ8zLm2Xp7RtN4wYb';

/**
 * The terms a utility publishes in the `terms-changed` scenario: newer than any demo customer accepted, published
 * the day before `now` (so the stories and tests hold on any day).
 */
export function newTerms(now: Date): S['TermsDocument'] {
  return {
    version: '2099-01',
    url: '/regulamin.html',
    publishedAt: new Date(now.getTime() - 86_400_000).toISOString(),
    summary: {
      pl: 'Zmieniliśmy zasady wysyłania e-faktur i czas odpowiedzi na zgłoszenia (do 14 dni).',
      en: 'We changed how e-invoices are sent and how long an answer to a ticket takes (up to 14 days).',
    },
  };
}

export interface TermsChallenge {
  version: string;
  expiresAt: number;
  used: boolean;
}

/** The answer that stops a login until the terms are accepted; no session exists yet. */
export function termsRequired(terms: S['TermsDocument'], now: Date): { answer: S['TermsRequired']; challenge: TermsChallenge } {
  const expiresAt = now.getTime() + 15 * 60_000;
  return {
    answer: { status: 'terms_required', challengeId: TERMS_CHALLENGE_ID, terms: structuredClone(terms), expiresAt: warsawIso(new Date(expiresAt)) },
    challenge: { version: terms.version, expiresAt, used: false },
  };
}

/** Why an acceptance is refused: `expired` (used, unknown, past its time) or `conflict` (not the current version). */
export function acceptanceRefusal(challenge: TermsChallenge | undefined, body: { challengeId: string; version: string }, current: string, now: Date): 'expired' | 'conflict' | undefined {
  if (!challenge || body.challengeId !== TERMS_CHALLENGE_ID || challenge.used || now.getTime() > challenge.expiresAt) return 'expired';
  if (body.version !== current) return 'conflict';
  return undefined;
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ConsentsChange {
  marketing: Map<string, boolean>;
  eInvoice: boolean | undefined;
}

/** Checks an `updateConsents` body against the consents the customer has and the portal's rule; field errors or the change. */
export function parseConsentsUpdate(body: Json, consents: S['Consents'], eInvoiceRequired: boolean): { errors: FieldError[] } | { change: ConsentsChange } {
  const errors: FieldError[] = [];
  for (const key of Object.keys(body)) if (key !== 'marketing' && key !== 'eInvoice') errors.push(fieldError(`/${key}`, 'not_allowed', 'Nieznane pole.'));
  if (Object.keys(body).length === 0) errors.push(fieldError('/marketing', 'required', 'Podaj choć jedną zgodę.'));
  const marketing = new Map<string, boolean>();
  const known = new Set(consents.marketing.map((m) => m.id));
  if (body.marketing !== undefined) {
    if (!Array.isArray(body.marketing) || body.marketing.length === 0 || body.marketing.length > 20) errors.push(fieldError('/marketing', 'invalid_format', 'Oczekiwano listy zgód.'));
    else {
      body.marketing.forEach((item: unknown, i) => {
        const at = `/marketing/${i}`;
        if (!isRecord(item) || typeof item.id !== 'string' || typeof item.given !== 'boolean' || Object.keys(item).some((k) => k !== 'id' && k !== 'given')) {
          errors.push(fieldError(at, 'invalid_format', 'Każda zgoda ma id i given (tak/nie).'));
        } else if (!known.has(item.id)) errors.push(fieldError(`${at}/id`, 'unknown_value', 'Nie ma takiej zgody.'));
        else if (marketing.has(item.id)) errors.push(fieldError(`${at}/id`, 'not_allowed', 'Ta zgoda jest na liście dwa razy.'));
        else marketing.set(item.id, item.given);
      });
    }
  }
  let eInvoice: boolean | undefined;
  if (body.eInvoice !== undefined) {
    if (typeof body.eInvoice !== 'boolean') errors.push(fieldError('/eInvoice', 'invalid_format', 'Oczekiwano wartości tak/nie.'));
    else if (!body.eInvoice && eInvoiceRequired) errors.push(fieldError('/eInvoice', 'not_allowed', 'Korzystanie z eBOK oznacza e-fakturę: nie można jej tu wyłączyć.'));
    else eInvoice = body.eInvoice;
  }
  return errors.length > 0 ? { errors } : { change: { marketing, eInvoice } };
}

/** The consents after a change; a consent sent with its current value keeps its date. */
export function applyConsentsChange(consents: S['Consents'], change: ConsentsChange, now: Date): S['Consents'] {
  const at = warsawIso(now);
  let changed = change.eInvoice !== undefined && change.eInvoice !== consents.eInvoice;
  const marketing = consents.marketing.map((m) => {
    const given = change.marketing.get(m.id);
    if (given === undefined || given === m.given) return m;
    changed = true;
    return { ...m, given, changedAt: at };
  });
  return { ...consents, marketing, eInvoice: change.eInvoice ?? consents.eInvoice, updatedAt: changed ? at : consents.updatedAt };
}
