/** Building blocks the persona files share. */
import { addDays, warsawIso } from '../../src/i18n/calendar.js';
import type { DayClock } from './clock.js';
import { TERMS_VERSION } from './consents.js';
import { pointHistory, type PointProfile } from './history.js';
import type { Account, MonthlyValue, PersonaContract, PersonaReading, Schemas } from './types.js';

/** The password of every demo login (the one-time-password account has its own, see `jednorazowe`). */
export const DEMO_PASSWORD = 'Demo-Haslo-2026';

export const address = (street: string | null, building: string, apartment: string | null, postalCode: string, city: string, postOffice: string | null = null): Schemas['Address'] => ({
  street,
  buildingNumber: building,
  apartmentNumber: apartment,
  postalCode,
  city,
  postOffice,
  country: 'PL',
});

/**
 * Notification preferences: every e-mail (security e-mails cannot be turned off), and, when `sms` (a confirmed
 * phone), SMS for due dates, planned works, reading windows and collection notices; the reminder 3 days ahead.
 */
export const preferences = (sms: boolean): Schemas['NotificationPreferences'] => ({
  email: { new_invoice: true, due_date: true, planned_works: true, reading_window: true, collection: true, security: true },
  sms: { new_invoice: false, due_date: sms, planned_works: sms, reading_window: sms, collection: sms, security: false },
  dueDateReminderDays: 3,
});

/** An active account with the demo password, created 400 days ago, without a second factor. */
export function account(clock: DayClock, fields: Pick<Account, 'userId' | 'login'> & Partial<Account>): Account {
  return { password: DEMO_PASSWORD, phone: null, mfa: null, status: 'active', mustChangePassword: false, lockedUntil: null, createdAt: clock.at(-400), ...fields };
}

/** The terms the utilities publish, as the customer accepted them 400 days ago. */
export function terms(clock: DayClock): { termsVersion: string; termsAcceptedAt: Date; consentsUpdatedAt: Date } {
  const acceptedAt = clock.at(-400);
  return { termsVersion: TERMS_VERSION, termsAcceptedAt: acceptedAt, consentsUpdatedAt: acceptedAt };
}

/** `build()` once, on first use. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

/** The consumption and readings of several points, computed once. */
export function histories(profiles: readonly PointProfile[], clock: DayClock) {
  const all = once(() => profiles.map((p) => pointHistory(p, clock)));
  return {
    all,
    consumption: once((): MonthlyValue[] => all().flatMap((h) => [...h.consumption])),
    readings: once((): PersonaReading[] => all().flatMap((h) => [...h.readings])),
  };
}

/** A message of the notification history; `sentAt` and `readAt` never lie in the future. */
export function message(
  clock: DayClock,
  id: string,
  channel: Schemas['MessageChannel'],
  event: Schemas['MessageEvent'],
  subject: string | null,
  body: string,
  sent: Date,
  read: Date | null,
): Schemas['Message'] {
  return { id, channel, event, subject, body, sentAt: warsawIso(clock.past(sent)), readAt: read ? warsawIso(clock.past(read)) : null };
}

/** `2026-10-15` → `15.10.2026`, as a Polish text writes a day. */
export const plDate = (date: string): string => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** A ticket message. */
export function ticketMessage(
  id: string,
  author: 'customer' | 'consultant',
  authorName: string,
  body: string,
  at: Date,
  attachments: Schemas['AttachmentInfo'][] = [],
): Schemas['TicketMessage'] {
  return { id, author, authorName, body, createdAt: warsawIso(at), attachments };
}

/** A ticket with its thread; created and updated when its first and last messages were, by the last author. */
export function ticket(fields: Pick<Schemas['Ticket'], 'id' | 'number' | 'categoryId' | 'subject' | 'status'> & Partial<Pick<Schemas['Ticket'], 'pointId' | 'documentId'>>, messages: Schemas['TicketMessage'][]): Schemas['TicketDetail'] {
  const first = messages[0]!;
  const last = messages[messages.length - 1]!;
  return { pointId: null, documentId: null, ...fields, createdAt: first.createdAt, updatedAt: last.createdAt, lastMessageAuthor: last.author, messages };
}

/** Attachment metadata for bytes. */
export const attachment = (id: string, name: string, contentType: Schemas['AttachmentType'], bytes: Uint8Array): Schemas['AttachmentInfo'] => ({ id, name, size: bytes.length, contentType });

const CONTRACT_TITLES: Record<Schemas['UtilityKind'], { contract: string; terms: string; prices: (product: string) => string }> = {
  electricity: { contract: 'Umowa kompleksowa sprzedaży energii elektrycznej', terms: 'Ogólne warunki umowy', prices: (product) => `Cennik ${product}` },
  gas: { contract: 'Umowa kompleksowa dostarczania paliwa gazowego', terms: 'Ogólne warunki umowy', prices: (product) => `Cennik ${product}` },
  water: { contract: 'Umowa o zaopatrzenie w wodę i odprowadzanie ścieków', terms: 'Regulamin dostarczania wody i odprowadzania ścieków', prices: () => 'Taryfa dla zbiorowego zaopatrzenia w wodę i zbiorowego odprowadzania ścieków' },
  heat: { contract: 'Umowa kompleksowa dostawy ciepła', terms: 'Ogólne warunki umowy', prices: (product) => `Cennik ${product}` },
};

/**
 * A signed contract with its documents (seed 004 "Umowy"): the contract itself, signed two weeks before it started,
 * the terms and the price list of the offer (not signed), then each annex `[title, signed day]`, oldest first.
 */
export function contract(fields: Omit<PersonaContract, 'documents'>, annexes: readonly (readonly [string, string])[] = []): PersonaContract {
  const titles = CONTRACT_TITLES[fields.kind];
  const key = fields.id.replace(/^ctr_/, '');
  const documents: Schemas['ContractDocument'][] = [
    { id: `cdoc_${key}_1`, title: titles.contract, kind: 'contract', signedDate: addDays(fields.startDate, -14) },
    { id: `cdoc_${key}_2`, title: titles.terms, kind: 'terms', signedDate: null },
    { id: `cdoc_${key}_3`, title: titles.prices(fields.product), kind: 'price_list', signedDate: null },
    ...annexes.map(([title, signedDate], i): Schemas['ContractDocument'] => ({ id: `cdoc_${key}_${i + 4}`, title, kind: 'annex', signedDate })),
  ];
  return { ...fields, documents };
}
