/**
 * The customer's consents: the accepted terms (read-only), each marketing consent separately with the moment it was
 * given or withdrawn, and e-invoice (on for good where the utility's eBOK means e-invoices, seed 003). Every change
 * is recorded in `consent_changes` (audit) with its time and channel.
 */
import { fieldError, type FieldError } from './problem.ts';
import { json, validationError, type Ctx, type Handler, type Utility } from './core.ts';
import { customerOf } from './customer.ts';
import { warsawIso } from '../../src/i18n/calendar.ts';

interface ChoiceRow {
  consent: string;
  given: boolean;
  changed_at: Date;
}

function utilityOf(ctx: Ctx): Utility {
  return ctx.app.utilities.get(ctx.user!.utility_id) ?? ctx.utility;
}

async function consents(ctx: Ctx) {
  const c = await customerOf(ctx);
  const utility = utilityOf(ctx);
  const rows = await ctx.db.query<ChoiceRow>('SELECT consent, given, changed_at FROM marketing_consents WHERE customer_id = $1', [c.id]);
  const byId = new Map(rows.map((r) => [r.consent, r]));
  return {
    terms: { accepted: Boolean(c.terms_accepted_at), version: c.terms_version ?? utility.config.terms.version, acceptedAt: warsawIso(new Date(c.terms_accepted_at ?? c.consents_updated_at)) },
    marketing: utility.config.marketingConsents.map((kind) => {
      const row = byId.get(kind.id);
      return { id: kind.id, title: kind.title, description: kind.description, given: row?.given ?? false, changedAt: row ? warsawIso(new Date(row.changed_at)) : null };
    }),
    eInvoice: c.e_invoice || utility.config.eInvoiceRequired,
    updatedAt: warsawIso(new Date(c.consents_updated_at)),
  };
}

export const getConsents: Handler = async (ctx) => json(200, await consents(ctx));

export const updateConsents: Handler = async (ctx) => {
  const b = ctx.body as { marketing?: { id: string; given: boolean }[]; eInvoice?: boolean };
  const c = await customerOf(ctx);
  const utility = utilityOf(ctx);
  const en = ctx.lang === 'en';
  const errors: FieldError[] = [];
  const known = new Set(utility.config.marketingConsents.map((k) => k.id));
  const wanted = new Map<string, boolean>();
  (b.marketing ?? []).forEach((item, i) => {
    if (!known.has(item.id)) errors.push(fieldError(`/marketing/${i}/id`, 'unknown_value', ctx.lang, undefined, en ? 'There is no such consent.' : 'Nie ma takiej zgody.'));
    else if (wanted.has(item.id)) errors.push(fieldError(`/marketing/${i}/id`, 'not_allowed', ctx.lang, undefined, en ? 'This consent is listed twice.' : 'Ta zgoda jest na liście dwa razy.'));
    else wanted.set(item.id, item.given);
  });
  if (b.eInvoice === false && utility.config.eInvoiceRequired) {
    errors.push(
      fieldError('/eInvoice', 'not_allowed', ctx.lang, undefined, en ? 'Using the eBOK means e-invoices: it cannot be turned off here.' : 'Korzystanie z eBOK oznacza e-fakturę: nie można jej tu wyłączyć.'),
    );
  }
  if (errors.length) throw validationError(ctx.lang, errors);

  const current = new Map((await ctx.db.query<ChoiceRow>('SELECT consent, given, changed_at FROM marketing_consents WHERE customer_id = $1', [c.id])).map((r) => [r.consent, r.given]));
  // Only a change gets a new date and an audit row: a consent sent with the value it has keeps its date (one never
  // decided is not given).
  const changes = [...wanted].filter(([id, given]) => (current.get(id) ?? false) !== given);
  const eInvoiceChanged = b.eInvoice !== undefined && b.eInvoice !== c.e_invoice;
  if (changes.length || eInvoiceChanged) {
    await ctx.db.transaction(async (tx) => {
      for (const [id, given] of changes) {
        await tx.query(
          'INSERT INTO marketing_consents (customer_id, consent, given, changed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (customer_id, consent) DO UPDATE SET given = EXCLUDED.given, changed_at = EXCLUDED.changed_at',
          [c.id, id, given, ctx.now],
        );
      }
      if (eInvoiceChanged) await tx.query('UPDATE customers SET e_invoice = $2 WHERE id = $1', [c.id, b.eInvoice]);
      const log: [string, boolean][] = changes.map(([id, given]) => [`marketing:${id}`, given]);
      if (eInvoiceChanged) log.push(['eInvoice', b.eInvoice!]);
      await tx.query('UPDATE customers SET consents_updated_at = $2 WHERE id = $1', [c.id, ctx.now]);
      for (const [consent, value] of log) {
        await tx.query('INSERT INTO consent_changes (customer_id, consent, value, channel, changed_at) VALUES ($1, $2, $3, $4, $5)', [c.id, consent, value, 'portal', ctx.now]);
      }
    });
  }
  return json(200, await consents(ctx));
};

export function consentHandlers(): Record<string, Handler> {
  return { getConsents, updateConsents };
}
