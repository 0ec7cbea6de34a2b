/** The signed-in customer's row, for the handlers of its data (profile.ts, consents.ts, notifications.ts, points.ts). */
import { ApiError } from './problem.ts';
import type { Ctx } from './core.ts';

interface CustomerRow {
  id: string;
  number: string;
  kind: 'person' | 'business';
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  national_id_type: 'pesel' | 'nip';
  national_id: string;
  address: Record<string, unknown>;
  e_invoice: boolean;
  terms_version: string | null;
  terms_accepted_at: Date | null;
  consents_updated_at: Date;
  notification_prefs: { email: Record<string, boolean>; sms: Record<string, boolean>; dueDateReminderDays?: number };
}

export async function customerOf(ctx: Ctx): Promise<CustomerRow> {
  const row = (await ctx.db.query<CustomerRow>('SELECT * FROM customers WHERE id = $1', [ctx.user!.customer_id]))[0];
  if (!row) throw new ApiError('not_found');
  return row;
}
