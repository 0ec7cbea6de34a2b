/**
 * The notification preferences: channels (e-mail, SMS) × topics, and how many days before the due date the reminder
 * comes. SMS needs the profile's (confirmed) phone; security e-mails stay on whatever the body says.
 */
import { fieldError, type FieldError } from './problem.ts';
import { json, validationError, type Handler } from './core.ts';
import { customerOf } from './customer.ts';

export type Channel = 'email' | 'sms';
export interface NotificationPrefs {
  email: Record<string, boolean>;
  sms: Record<string, boolean>;
  dueDateReminderDays: number;
}

/** Every topic of the matrix, in the contract's order. */
export const TOPICS = ['new_invoice', 'due_date', 'planned_works', 'reading_window', 'collection', 'security'] as const;

/** What a customer row stored before collection, security and the reminder's days existed reads as today's defaults. */
export function storedPrefs(raw: Partial<NotificationPrefs> | null | undefined): NotificationPrefs {
  const channel = (name: Channel): Record<string, boolean> => {
    const stored = raw?.[name] ?? {};
    const out: Record<string, boolean> = {};
    for (const topic of TOPICS) out[topic] = typeof stored[topic] === 'boolean' ? stored[topic] : name === 'email' || (topic === 'collection' && Boolean(stored['due_date']));
    return out;
  };
  const email = channel('email');
  email['security'] = true;
  const days = raw?.dueDateReminderDays;
  return { email, sms: channel('sms'), dueDateReminderDays: typeof days === 'number' && days >= 1 && days <= 14 ? days : 3 };
}

export const getNotificationPreferences: Handler = async (ctx) => json(200, storedPrefs((await customerOf(ctx)).notification_prefs));

export const updateNotificationPreferences: Handler = async (ctx) => {
  const b = ctx.body as NotificationPrefs;
  const lang = ctx.lang;
  const errors: FieldError[] = [];
  if (!b.email.security) {
    errors.push(fieldError('/email/security', 'not_allowed', lang, undefined, lang === 'en' ? 'Security e-mails cannot be turned off: they warn you when someone else uses your account.' : 'E-maili o bezpieczeństwie nie można wyłączyć: ostrzegają, gdy ktoś inny używa Twojego konta.'));
  }
  const phone = (await ctx.db.query<{ phone: string | null }>('SELECT phone FROM users WHERE id = $1', [ctx.user!.id]))[0]?.phone;
  if (!phone) {
    for (const topic of TOPICS) {
      if (b.sms[topic]) errors.push(fieldError(`/sms/${topic}`, 'phone_required', lang, undefined, lang === 'en' ? 'To get text messages, add a phone number in your contact details.' : 'Aby dostawać SMS-y, dodaj numer telefonu w danych kontaktowych.'));
    }
  }
  if (errors.length) throw validationError(lang, errors);
  const stored: NotificationPrefs = { email: { ...b.email }, sms: { ...b.sms }, dueDateReminderDays: b.dueDateReminderDays };
  await ctx.db.query('UPDATE customers SET notification_prefs = $2 WHERE id = $1', [ctx.user!.customer_id, stored]);
  return json(200, stored);
};

export function notificationHandlers(): Record<string, Handler> {
  return { getNotificationPreferences, updateNotificationPreferences };
}
