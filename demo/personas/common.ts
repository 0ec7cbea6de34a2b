/** Building blocks the persona files share. */
import { warsawIso } from '../../src/i18n/calendar.js';
import type { DayClock } from './clock.js';
import { TERMS_VERSION } from './consents.js';
import { pointHistory, type PointProfile } from './history.js';
import type { Account, MonthlyValue, PersonaReading, Schemas } from './types.js';

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
