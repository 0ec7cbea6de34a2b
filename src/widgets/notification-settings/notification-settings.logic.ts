import type { components } from '../../api/schema.js';
import type { FieldError } from '../../api/errors.js';

export type Preferences = components['schemas']['NotificationPreferences'];
export type Topic = keyof components['schemas']['NotificationEvents'];
export type Channel = 'email' | 'sms';

/** The topics in the order the grid shows them. */
export const TOPICS: readonly Topic[] = ['new_invoice', 'due_date', 'collection', 'planned_works', 'reading_window', 'security'];
export const CHANNELS: readonly Channel[] = ['email', 'sms'];
/** The reminder's days before the due date the contract allows. */
export const MIN_DAYS = 1;
export const MAX_DAYS = 14;

/** What the grid needs: the stored matrix and whether the profile has a (confirmed) phone for SMS. */
export interface SettingsData {
  preferences: Preferences;
  phone: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The answer of `getNotificationPreferences` has every topic of both channels and the reminder's days. */
export function isPreferences(value: unknown): value is Preferences {
  if (!isRecord(value)) return false;
  const days = value['dueDateReminderDays'];
  if (typeof days !== 'number' || !Number.isInteger(days)) return false;
  return CHANNELS.every((channel) => {
    const events = value[channel];
    return isRecord(events) && TOPICS.every((topic) => typeof events[topic] === 'boolean');
  });
}

/** Security e-mails stay on whatever is stored or chosen (the server refuses turning them off). */
export function locked(channel: Channel, topic: Topic): boolean {
  return channel === 'email' && topic === 'security';
}

/** A choice in the grid: a copy with one switch flipped (the locked one stays on). */
export function withChoice(prefs: Preferences, channel: Channel, topic: Topic, on: boolean): Preferences {
  if (locked(channel, topic)) return prefs;
  return { ...prefs, [channel]: { ...prefs[channel], [topic]: on } };
}

export function withDays(prefs: Preferences, days: number): Preferences {
  return { ...prefs, dueDateReminderDays: Math.min(MAX_DAYS, Math.max(MIN_DAYS, Math.round(days))) };
}

/**
 * What is sent: security e-mails on, and — without a phone — every SMS off (the server would refuse them), so a
 * matrix stored before the phone was removed can still be saved.
 */
export function outgoing(prefs: Preferences, phone: string | null): Preferences {
  const sms = phone ? prefs.sms : (Object.fromEntries(TOPICS.map((t) => [t, false])) as Preferences['sms']);
  return { email: { ...prefs.email, security: true }, sms, dueDateReminderDays: prefs.dueDateReminderDays };
}

export function same(a: Preferences, b: Preferences): boolean {
  return a.dueDateReminderDays === b.dueDateReminderDays && CHANNELS.every((c) => TOPICS.every((t) => a[c][t] === b[c][t]));
}

/** Why the server refused a save, by what the customer can do about it. */
export type Refusal = 'phone' | 'security' | 'days' | 'other';

export function refusalOf(fields: readonly FieldError[]): Refusal {
  if (fields.some((f) => f.code === 'phone_required')) return 'phone';
  if (fields.some((f) => f.field === '/email/security')) return 'security';
  if (fields.some((f) => f.field === '/dueDateReminderDays')) return 'days';
  return 'other';
}
