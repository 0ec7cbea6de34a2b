/**
 * The marketing consents the demo utilities ask for, each separately (seed 002: "jakie zgody marketingowe zostały
 * przez Ciebie udzielone"), and the terms of service every utility publishes. The reference server and the mocks
 * answer the same catalogue; a customer's choices are kept per consent with the moment given or withdrawn.
 */
import { warsawIso } from '../../src/i18n/calendar.js';
import type { Schemas } from './types.js';

export type MarketingConsentId = 'email' | 'phone' | 'profiling';

export interface MarketingConsentKind {
  readonly id: MarketingConsentId;
  readonly title: Schemas['LocalizedText'];
  readonly description: Schemas['LocalizedText'];
}

/** The catalogue, in the order the widget shows it. */
export const MARKETING_CONSENTS: readonly MarketingConsentKind[] = [
  {
    id: 'email',
    title: { pl: 'Oferty e-mailem', en: 'Offers by e-mail' },
    description: { pl: 'Informacje o ofertach, promocjach i nowych usługach na Twój adres e-mail.', en: 'News of offers, promotions and new services to your e-mail address.' },
  },
  {
    id: 'phone',
    title: { pl: 'Oferty telefonicznie i SMS-em', en: 'Offers by phone and text message' },
    description: { pl: 'Telefon od konsultanta albo SMS z ofertą na Twój numer.', en: 'A call from a consultant or a text message with an offer to your number.' },
  },
  {
    id: 'profiling',
    title: { pl: 'Oferty dopasowane do zużycia', en: 'Offers that fit your usage' },
    description: {
      pl: 'Na podstawie Twojego zużycia i faktur wybieramy oferty, które mogą Ci się opłacić (profilowanie).',
      en: 'From your usage and invoices we choose offers that may pay off for you (profiling).',
    },
  },
];

/** The catalogue as the portal configuration lists it (copies). */
export function marketingConsentKinds(): Schemas['MarketingConsentKind'][] {
  return MARKETING_CONSENTS.map((kind) => ({ id: kind.id, title: { ...kind.title }, description: { ...kind.description } }));
}

/** What a customer chose for one consent, and when (given or withdrawn). */
export interface MarketingChoice {
  readonly given: boolean;
  readonly changedAt: Date;
}

/** A customer's choices; a consent not listed was never decided (not given, no date). */
export type MarketingChoices = Readonly<Partial<Record<MarketingConsentId, MarketingChoice>>>;

/** The API's list of marketing consents for a customer's choices. */
export function marketingConsentsOf(choices: MarketingChoices): Schemas['MarketingConsent'][] {
  return MARKETING_CONSENTS.map((kind) => {
    const choice = choices[kind.id];
    return { id: kind.id, title: { ...kind.title }, description: { ...kind.description }, given: choice?.given ?? false, changedAt: choice ? warsawIso(choice.changedAt) : null };
  });
}

/** The version of the terms the demo utilities publish at first (every demo customer accepted it). */
export const TERMS_VERSION = '2025-01';

/** The terms every demo utility publishes at first: the demo site's regulamin page. */
export function initialTerms(): Schemas['TermsDocument'] {
  return { version: TERMS_VERSION, url: '/regulamin.html', publishedAt: '2025-01-01T00:00:00+01:00', summary: null };
}
