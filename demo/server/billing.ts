/** Balance, financial documents (with PDFs), online payments and their allocation. */
import { ApiError, fieldError, type FieldError } from './problem.ts';
import { json, requireFeature, siteLink, validationError, type AppState, type Ctx, type Handler } from './core.ts';
import type { Queryable } from './db.ts';
import { decodeCursor, encodeCursor, limitOf } from './paging.ts';
import { addDays, warsawDate, warsawInstant, warsawIso } from '../../src/i18n/calendar.ts';
import { formatPln, fromCents, money, randomId, randomToken, toCents } from './util.ts';
import { invoicePdf } from './pdf.ts';
import { sendEmail } from './outbox.ts';

/** The document status in SQL; `today` is `warsawDate(now)`, so overdue follows the rule of `isOverdue` (src/i18n/calendar.ts). */
const STATUS_SQL = (today: string) =>
  `CASE WHEN d.gross - d.paid <= 0 THEN 'paid' WHEN d.due_date < DATE '${today}' THEN 'overdue' WHEN d.paid > 0 THEN 'partially_paid' ELSE 'unpaid' END`;

export const PAYMENT_STATUS_SQL = `CASE WHEN p.status = 'pending' AND p.expires_at <= now() THEN 'expired' ELSE p.status END`;

async function ownPoint(ctx: Ctx, pointId: string): Promise<void> {
  const rows = await ctx.db.query('SELECT 1 FROM points WHERE id = $1 AND customer_id = $2', [pointId, ctx.user!.customer_id]);
  if (rows.length === 0) throw new ApiError('not_found');
}

// ---------- balance ----------
export const getBalance: Handler = async (ctx) => {
  // Not both: the contract's `x-query-schema` refuses that before this runs.
  const { pointId, contractId } = ctx.query as { pointId?: string; contractId?: string };
  const today = warsawDate(ctx.now);
  const params: unknown[] = [ctx.user!.customer_id, today];
  let filter = '';
  if (pointId) {
    await ownPoint(ctx, pointId);
    params.push(pointId);
    filter = 'AND $3 = ANY(d.point_ids)';
  } else if (contractId) {
    const rows = await ctx.db.query('SELECT 1 FROM contracts WHERE id = $1 AND customer_id = $2', [contractId, ctx.user!.customer_id]);
    if (rows.length === 0) throw new ApiError('not_found');
    params.push(contractId);
    filter = 'AND d.point_ids && ARRAY(SELECT id FROM points WHERE contract_id = $3)';
  }
  const agg = (
    await ctx.db.query<{ open_total: string; overdue: string; overdue_count: number; oldest: string | null }>(
      `SELECT COALESCE(SUM(d.gross - d.paid), 0)::text AS open_total,
         COALESCE(SUM(d.gross - d.paid) FILTER (WHERE d.gross - d.paid > 0 AND d.due_date < $2::date), 0)::text AS overdue,
         (COUNT(*) FILTER (WHERE d.gross - d.paid > 0 AND d.due_date < $2::date))::int AS overdue_count,
         to_char(MIN(d.due_date) FILTER (WHERE d.gross - d.paid > 0 AND d.due_date < $2::date), 'YYYY-MM-DD') AS oldest
       FROM documents d WHERE d.customer_id = $1 AND d.gross <> d.paid ${filter}`,
      params,
    )
  )[0]!;
  const next = (
    await ctx.db.query<{ due: string; amount: string }>(
      `SELECT to_char(d.due_date, 'YYYY-MM-DD') AS due, SUM(d.gross - d.paid)::text AS amount FROM documents d
       WHERE d.customer_id = $1 AND d.gross - d.paid > 0 AND d.due_date >= $2::date ${filter}
       GROUP BY d.due_date ORDER BY d.due_date LIMIT 1`,
      params,
    )
  )[0];
  // Unallocated payments belong to the customer, not to a point or a contract.
  const unallocated = pointId || contractId ? 0 : await unallocatedCents(ctx.db, ctx.user!.customer_id);
  const open = toCents(agg.open_total);
  return json(200, {
    balance: money(open - unallocated),
    openDocumentsTotal: money(open),
    overdue: money(toCents(agg.overdue)),
    oldestDueDate: agg.oldest,
    overdueCount: agg.overdue_count,
    nextPayment: next ? { amount: money(toCents(next.amount)), dueDate: next.due } : null,
    unallocatedPayments: money(unallocated),
    asOf: warsawIso(ctx.now),
    currency: 'PLN',
  });
};

export async function unallocatedCents(db: Queryable, customerId: string): Promise<number> {
  const row = (
    await db.query<{ v: string }>(
      `SELECT (COALESCE((SELECT SUM(amount) FROM payments WHERE customer_id = $1 AND status = 'paid'), 0)
        - COALESCE((SELECT SUM(a.amount) FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE p.customer_id = $1), 0))::text AS v`,
      [customerId],
    )
  )[0];
  return toCents(row?.v ?? '0');
}

// ---------- documents ----------
interface DocRow {
  id: string;
  number: string;
  type: string;
  issue_date: string;
  due_date: string;
  period_from: string | null;
  period_to: string | null;
  net: string;
  vat: string;
  gross: string;
  paid: string;
  remaining: string;
  status: string;
  point_ids: string[];
  corrects_id: string | null;
  has_pdf: boolean;
  covered: boolean;
  lines?: { description: string; quantity: string | null; unit: string | null; net: string; vatRate: string; gross: string }[];
}

const DOC_COLUMNS = (today: string) => `d.id, d.number, d.type, to_char(d.issue_date, 'YYYY-MM-DD') AS issue_date, to_char(d.due_date, 'YYYY-MM-DD') AS due_date,
  to_char(d.period_from, 'YYYY-MM-DD') AS period_from, to_char(d.period_to, 'YYYY-MM-DD') AS period_to,
  d.net::text AS net, d.vat::text AS vat, d.gross::text AS gross, d.paid::text AS paid, (d.gross - d.paid)::text AS remaining,
  ${STATUS_SQL(today)} AS status, d.point_ids, d.corrects_id, d.has_pdf,
  EXISTS (SELECT 1 FROM payments p WHERE p.customer_id = d.customer_id AND p.status = 'pending' AND p.expires_at > now() AND d.id = ANY(p.document_ids)) AS covered`;

function summary(ctx: Ctx, r: DocRow) {
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    gross: money(toCents(r.gross)),
    remaining: money(toCents(r.remaining)),
    status: r.status,
    pointIds: r.point_ids,
    correctsDocumentId: r.corrects_id,
    hasPdf: r.has_pdf,
    payable: toCents(r.remaining) > 0 && ctx.utility.config.features.payments && !r.covered,
  };
}

/**
 * The orders of `sort` and their keyset: the columns of the cursor key in order, and whether each runs
 * descending. Date sorts break ties by id in their direction; `amount` sorts break ties by issue date, newest
 * first, then id descending (the contract), whichever way the amount runs. Each has an index in exactly this
 * order (migrations 001 and 004), so a page is an index range scan from the cursor on.
 */
interface SortSpec {
  readonly keys: readonly { readonly col: 'issue_date' | 'due_date' | 'gross'; readonly desc: boolean }[];
}
const byDate = (col: 'issue_date' | 'due_date', desc: boolean): SortSpec => ({ keys: [{ col, desc }] });
const byAmount = (desc: boolean): SortSpec => ({ keys: [{ col: 'gross', desc }, { col: 'issue_date', desc: true }] });
const SORTS: Record<string, SortSpec> = {
  '-issueDate': byDate('issue_date', true),
  issueDate: byDate('issue_date', false),
  '-dueDate': byDate('due_date', true),
  dueDate: byDate('due_date', false),
  '-amount': byAmount(true),
  amount: byAmount(false),
};
/** The contract's default of `sort`: a cursor of a query without `sort` holds for `sort=-issueDate` too. */
const DOCUMENT_DEFAULTS = { sort: '-issueDate' } as const;

/** The ORDER BY of a sort: its keys, then the id (descending when the last key is). */
function orderBy(spec: SortSpec): string {
  const idDesc = spec.keys[spec.keys.length - 1]!.desc;
  return [...spec.keys.map((k) => `d.${k.col} ${k.desc ? 'DESC' : 'ASC'}`), `d.id ${idDesc ? 'DESC' : 'ASC'}`].join(', ');
}

/**
 * "After the cursor" in a sort's order, with `$n` placeholders from `first`. When every key runs one way it
 * is one row comparison; otherwise (ascending amount, then newest issue date) the leading key bounds the
 * index range and the rest decide among equal amounts.
 */
function afterCursor(spec: SortSpec, first: number): string {
  const cast = (col: string) => (col === 'gross' ? 'numeric' : 'date');
  const cols = [...spec.keys.map((k) => ({ sql: `d.${k.col}`, type: cast(k.col), desc: k.desc })), { sql: 'd.id', type: 'text', desc: spec.keys[spec.keys.length - 1]!.desc }];
  const param = (i: number) => `$${first + i}::${cols[i]!.type}`;
  if (cols.every((c) => c.desc === cols[0]!.desc)) {
    return `(${cols.map((c) => c.sql).join(', ')}) ${cols[0]!.desc ? '<' : '>'} (${cols.map((_, i) => param(i)).join(', ')})`;
  }
  const [lead, ...rest] = cols;
  const restDesc = rest[0]!.desc;
  if (!rest.every((c) => c.desc === restDesc)) throw new Error('a sort with more than one change of direction');
  const tail = `(${rest.map((c) => c.sql).join(', ')}) ${restDesc ? '<' : '>'} (${rest.map((_, i) => param(i + 1)).join(', ')})`;
  return `${lead!.sql} ${lead!.desc ? '<=' : '>='} ${param(0)} AND (${lead!.sql} ${lead!.desc ? '<' : '>'} ${param(0)} OR ${tail})`;
}

/** A calendar date PostgreSQL takes (years 1–9999; the contract's `format: date` lets year 0 through). */
export const isSqlDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;
const isAmount = (v: unknown): v is string => typeof v === 'string' && /^-?\d{1,12}\.\d{2}$/.test(v);
/** A cursor's key for `spec`: its key values (a date or an amount each), then the id. */
const isKeyOf =
  (spec: SortSpec) =>
  (d: unknown): d is string[] =>
    Array.isArray(d) &&
    d.length === spec.keys.length + 1 &&
    spec.keys.every((k, i) => (k.col === 'gross' ? isAmount(d[i]) : typeof d[i] === 'string' && isSqlDate(d[i]))) &&
    isId(d[spec.keys.length]);

/**
 * The status filter as conditions an index can serve (the same rule as STATUS_SQL). Without `paid` every
 * match is an open document, said in so many words so the planner takes the partial `documents_open_*` indexes.
 */
function statusFilter(statuses: string[], today: string): string {
  const open = 'd.gross - d.paid > 0';
  const parts = statuses.map((s) => {
    if (s === 'paid') return 'd.gross - d.paid <= 0';
    if (s === 'overdue') return `(${open} AND d.due_date < ${today})`;
    if (s === 'partially_paid') return `(${open} AND d.due_date >= ${today} AND d.paid > 0)`;
    return `(${open} AND d.due_date >= ${today} AND d.paid <= 0)`;
  });
  return statuses.includes('paid') ? `(${parts.join(' OR ')})` : `${open} AND (${parts.join(' OR ')})`;
}

interface TotalEntry {
  version: string;
  total: number;
}

/**
 * Counted totals per database, keyed by customer, Polish day (statuses turn overdue at midnight) and
 * filters, each valid for one version of the customer's documents (`document_versions`, moved on by a
 * trigger at every change, so it holds across server processes sharing one PostgreSQL).
 */
const totalsByDb = new WeakMap<Queryable, Map<string, TotalEntry>>();
const MAX_TOTALS = 2000;

function rememberTotal(db: Queryable, key: string, entry: TotalEntry): void {
  let totals = totalsByDb.get(db);
  if (!totals) totalsByDb.set(db, (totals = new Map<string, TotalEntry>()));
  totals.delete(key);
  if (totals.size >= MAX_TOTALS) totals.delete(totals.keys().next().value!);
  totals.set(key, entry);
}

export const listDocuments: Handler = async (ctx) => {
  const q = ctx.query as { status?: string[]; type?: string[]; from?: string; to?: string; pointId?: string; q?: string; sort?: string };
  for (const name of ['from', 'to'] as const) {
    const value = q[name];
    if (value !== undefined && !isSqlDate(value)) throw validationError(ctx.lang, [fieldError(name, 'invalid_format', ctx.lang)]);
  }
  if (q.from && q.to && q.to < q.from) throw validationError(ctx.lang, [fieldError('to', 'too_small', ctx.lang)]);
  if (q.pointId) await ownPoint(ctx, q.pointId);
  const customerId = ctx.user!.customer_id;
  const today = warsawDate(ctx.now);
  const sort = SORTS[q.sort ?? '-issueDate']!;
  const where: string[] = ['d.customer_id = $1'];
  const params: unknown[] = [customerId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  const search = q.q ? q.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`) : undefined;
  if (q.status?.length) {
    const withDate = q.status.some((st) => st !== 'paid');
    if (withDate) params.push(today);
    where.push(statusFilter(q.status, `$${params.length}::date`));
  }
  if (q.type?.length) add('d.type = ANY(?::text[])', q.type);
  if (q.from) add('d.issue_date >= ?::date', q.from);
  if (q.to) add('d.issue_date <= ?::date', q.to);
  if (q.pointId) add('? = ANY(d.point_ids)', q.pointId);
  if (search) add("lower(d.number) LIKE '%' || ? || '%'", search);
  const filter = where.join(' AND ');
  const filterParams = [...params];
  const cursor = decodeCursor(ctx, isKeyOf(sort), DOCUMENT_DEFAULTS);
  if (cursor) {
    const first = params.length + 1;
    params.push(...cursor);
    where.push(afterCursor(sort, first));
  }
  const limit = limitOf(ctx);
  params.push(limit + 1);
  // The version of the customer's documents comes along with the page (one statement, one snapshot).
  const rows = await ctx.db.query<DocRow & { version: string | null }>(
    `SELECT ${DOC_COLUMNS(today)}, (SELECT version::text FROM document_versions WHERE customer_id = $1) AS version
     FROM documents d WHERE ${where.join(' AND ')} ORDER BY ${orderBy(sort)} LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(ctx, [...sort.keys.map((k) => last[k.col]), last.id], DOCUMENT_DEFAULTS) : null;
  // `total` comes with the first page (later pages leave it out, as the contract allows). A first page that
  // is also the last one is its own count; otherwise the count is made once per filter and version of the
  // customer's documents, not on every request.
  let total: number | undefined;
  if (!cursor) {
    if (!nextCursor) total = page.length;
    else {
      const key = JSON.stringify([customerId, today, [...(q.status ?? [])].sort(), [...(q.type ?? [])].sort(), q.from, q.to, q.pointId, search]);
      const known = totalsByDb.get(ctx.db)?.get(key);
      if (known && known.version === (last!.version ?? '0')) total = known.total;
      else {
        const row = (
          await ctx.db.query<{ v: string | null; n: number }>(
            `SELECT (SELECT version::text FROM document_versions WHERE customer_id = $1) AS v, (SELECT COUNT(*)::int FROM documents d WHERE ${filter}) AS n`,
            filterParams,
          )
        )[0]!;
        rememberTotal(ctx.db, key, { version: row.v ?? '0', total: row.n });
        total = row.n;
      }
    }
  }
  return json(200, { items: page.map((r) => summary(ctx, r)), nextCursor, ...(total === undefined ? {} : { total }) });
};

async function loadDoc(ctx: Ctx, id: string): Promise<DocRow> {
  const today = warsawDate(ctx.now);
  const row = (await ctx.db.query<DocRow>(`SELECT ${DOC_COLUMNS(today)}, d.lines FROM documents d WHERE d.id = $1 AND d.customer_id = $2`, [id, ctx.user!.customer_id]))[0];
  if (!row) throw new ApiError('not_found');
  return row;
}

async function allocatedPayments(ctx: Ctx, docId: string) {
  const rows = await ctx.db.query<{ payment_id: string; date: string; amount: string; method: string | null }>(
    `SELECT a.payment_id, to_char(a.allocated_on, 'YYYY-MM-DD') AS date, a.amount::text AS amount, p.method
     FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE a.document_id = $1 ORDER BY a.allocated_on, a.id`,
    [docId],
  );
  return rows.map((r) => ({ paymentId: r.payment_id, date: r.date, amount: money(toCents(r.amount)), method: r.method ?? 'other' }));
}

export const getDocument: Handler = async (ctx) => {
  const r = await loadDoc(ctx, ctx.params.documentId!);
  return json(200, {
    ...summary(ctx, r),
    net: money(toCents(r.net)),
    vat: money(toCents(r.vat)),
    lines: (r.lines ?? []).map((l) => ({ ...l, net: money(toCents(l.net)), gross: money(toCents(l.gross)) })),
    payments: await allocatedPayments(ctx, r.id),
  });
};

export const getDocumentPdf: Handler = async (ctx) => {
  const r = await loadDoc(ctx, ctx.params.documentId!);
  if (!r.has_pdf) throw new ApiError('not_found');
  const customer = (await ctx.db.query<{ number: string; name: string; address: Record<string, string | null>; nip: string | null }>(
    `SELECT number, COALESCE(company_name, concat_ws(' ', first_name, last_name)) AS name, address,
       CASE WHEN national_id_type = 'nip' THEN national_id END AS nip FROM customers WHERE id = $1`,
    [ctx.user!.customer_id],
  ))[0]!;
  const points = await ctx.db.query<{ code: string; name: string }>('SELECT code, name FROM points WHERE id = ANY($1::text[]) ORDER BY code', [r.point_ids]);
  const pdf = await invoicePdf({
    utilityName: ctx.utility.name,
    number: r.number,
    type: r.type,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    customer,
    points,
    lines: r.lines ?? [],
    net: r.net,
    vat: r.vat,
    gross: r.gross,
    paid: r.paid,
    remaining: r.remaining,
  });
  const ascii = `${r.number.replace(/\//g, '_').replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
  const utf = `${r.number.replace(/\//g, '_')}.pdf`;
  return {
    status: 200,
    raw: pdf,
    contentType: 'application/pdf',
    headers: { 'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf)}` },
  };
};

// ---------- payments ----------
interface PaymentRow {
  id: string;
  status: string;
  amount: string;
  method: string | null;
  document_ids: string[];
  created_at: Date;
  completed_at: Date | null;
  expires_at: Date | null;
  return_url: string | null;
  scope: string;
  customer_id: string;
  cursor_t: string;
  /** The documents of `document_ids`, in their order, with number and type (`null` number: not found). */
  documents: { id: string; number: string | null; type: string | null }[] | string;
}

const PAYMENT_COLUMNS = `p.id, ${PAYMENT_STATUS_SQL} AS status, p.amount::text AS amount, p.method, p.document_ids, p.created_at,
  CASE WHEN p.status = 'pending' AND p.expires_at <= now() THEN p.expires_at ELSE p.completed_at END AS completed_at,
  p.expires_at, p.return_url, p.scope, p.customer_id, to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS cursor_t,
  (SELECT COALESCE(json_agg(json_build_object('id', x.id, 'number', doc.number, 'type', doc.type) ORDER BY x.ord), '[]'::json)
     FROM unnest(p.document_ids) WITH ORDINALITY AS x(id, ord)
     LEFT JOIN documents doc ON doc.id = x.id AND doc.customer_id = p.customer_id) AS documents`;

/**
 * `documents` says what `documentIds` name, one for one; it is left out (the contract makes it optional)
 * should an id no longer name one of the customer's documents, rather than answer a half list.
 */
function paymentDocuments(r: PaymentRow): { documents: { id: string; number: string; type: string }[] } | Record<string, never> {
  const docs = typeof r.documents === 'string' ? (JSON.parse(r.documents) as Exclude<PaymentRow['documents'], string>) : r.documents;
  const complete = docs.length === r.document_ids.length && docs.every((d) => d.number !== null && d.type !== null);
  return complete ? { documents: docs.map((d) => ({ id: d.id, number: d.number!, type: d.type! })) } : {};
}

function paymentBody(r: PaymentRow) {
  return {
    id: r.id,
    status: r.status,
    amount: money(toCents(r.amount)),
    method: r.method,
    documentIds: r.document_ids,
    ...paymentDocuments(r),
    createdAt: warsawIso(new Date(r.created_at)),
    completedAt: r.completed_at ? warsawIso(new Date(r.completed_at)) : null,
  };
}

export async function loadPayment(db: Queryable, id: string, customerId?: string): Promise<PaymentRow | null> {
  const rows = await db.query<PaymentRow>(`SELECT ${PAYMENT_COLUMNS} FROM payments p WHERE p.id = $1 ${customerId ? 'AND p.customer_id = $2' : ''}`, customerId ? [id, customerId] : [id]);
  return rows[0] ?? null;
}

function returnUrlAllowed(ctx: Ctx, url: string): boolean {
  try {
    const u = new URL(url);
    const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return false;
    return ctx.app.allowedOrigins.has(u.origin);
  } catch {
    return false;
  }
}

interface OpenDoc {
  id: string;
  remaining: string;
  covered: boolean;
}

export const createPayment: Handler = async (ctx) => {
  requireFeature(ctx, 'payments');
  const b = ctx.body as { scope: 'balance' | 'documents'; documentIds?: string[]; amount?: { amount: string; currency: string }; method?: string; returnUrl: string };
  const lang = ctx.lang;
  const errors: FieldError[] = [];
  const cfg = ctx.utility.config.payments;
  if (!returnUrlAllowed(ctx, b.returnUrl)) errors.push(fieldError('/returnUrl', 'not_allowed', lang, undefined, lang === 'en' ? 'The return address is not an allowed site.' : 'Adres powrotu nie należy do dozwolonej strony.'));
  if (b.method && !cfg.methods.includes(b.method)) errors.push(fieldError('/method', 'not_allowed', lang));
  if (b.amount && b.amount.currency !== 'PLN') errors.push(fieldError('/amount/currency', 'not_allowed', lang));
  if (b.scope === 'balance' && b.documentIds) errors.push(fieldError('/documentIds', 'not_allowed', lang));
  if (b.scope === 'documents' && !b.documentIds) errors.push(fieldError('/documentIds', 'required', lang));
  if (errors.length) throw validationError(lang, errors);

  const customerId = ctx.user!.customer_id;
  // One payment decision at a time per customer: two tabs paying the same document (each with its own key)
  // must not both see it payable. The customer's row is the lock; the check and the insert commit together.
  const created = await ctx.db.transaction(async (tx) => {
    await tx.query('SELECT id FROM customers WHERE id = $1 FOR UPDATE', [customerId]);
    let dueCents: number;
    let docIds: string[] = [];
    if (b.scope === 'documents') {
      const rows = await tx.query<OpenDoc>(
        `SELECT d.id, (d.gross - d.paid)::text AS remaining,
           EXISTS (SELECT 1 FROM payments p WHERE p.customer_id = d.customer_id AND p.status = 'pending' AND p.expires_at > now() AND d.id = ANY(p.document_ids)) AS covered
         FROM documents d WHERE d.customer_id = $1 AND d.id = ANY($2::text[])`,
        [customerId, b.documentIds],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      b.documentIds!.forEach((id, i) => {
        const d = byId.get(id);
        if (!d) errors.push(fieldError(`/documentIds/${i}`, 'unknown_value', lang));
        else if (toCents(d.remaining) <= 0 || d.covered) {
          errors.push(fieldError(`/documentIds/${i}`, 'not_payable', lang, undefined, toCents(d.remaining) <= 0 ? (lang === 'en' ? 'This document is already paid.' : 'Ten dokument jest już opłacony.') : lang === 'en' ? 'A payment for this document is in progress.' : 'Płatność za ten dokument jest w toku.'));
        }
      });
      if (errors.length) {
        const allPaid = errors.every((e) => e.code === 'not_payable') && rows.every((r) => toCents(r.remaining) <= 0);
        if (allPaid) throw new ApiError('payment_nothing_to_pay');
        throw validationError(lang, errors);
      }
      dueCents = rows.reduce((s, r) => s + toCents(r.remaining), 0);
      docIds = b.documentIds!;
    } else {
      // One pending payment of the balance at a time (each tab its own key would otherwise start one each).
      const pending = (
        await tx.query<{ expires_at: Date }>("SELECT expires_at FROM payments WHERE customer_id = $1 AND scope = 'balance' AND status = 'pending' AND expires_at > $2 ORDER BY expires_at DESC LIMIT 1", [customerId, ctx.now])
      )[0];
      if (pending) {
        const until = warsawIso(pending.expires_at).slice(11, 16);
        throw new ApiError('conflict', lang === 'en' ? `A payment of the balance is in progress; finish it, or pay again after ${until}.` : `Płatność salda jest w toku. Dokończ ją albo zapłać ponownie po ${until}.`);
      }
      const open = toCents(
        (await tx.query<{ v: string }>('SELECT COALESCE(SUM(gross - paid), 0)::text AS v FROM documents WHERE customer_id = $1 AND gross <> paid', [customerId]))[0]?.v ?? '0',
      );
      dueCents = open - (await unallocatedCents(tx, customerId));
    }
    if (dueCents <= 0) throw new ApiError('payment_nothing_to_pay', lang === 'en' ? 'Nothing is due.' : 'Nie ma nic do zapłaty.');
    let amount = dueCents;
    if (b.amount) {
      amount = toCents(b.amount.amount);
      if (amount <= 0) throw validationError(lang, [fieldError('/amount', 'too_small', lang, { min: '0.01' })]);
      if (amount > dueCents) throw validationError(lang, [fieldError('/amount', 'too_large', lang, { max: fromCents(dueCents) })]);
    }
    const cap = cfg.perTransactionCap;
    if (cap && amount > toCents(cap.amount)) {
      throw new ApiError(
        'payment_amount_over_cap',
        lang === 'en' ? `One online payment can be at most ${cap.amount} PLN. You can pay that now and the rest separately.` : `Jedna płatność online może wynieść najwyżej ${formatPln(toCents(cap.amount))}. Możesz zapłacić tę kwotę teraz, a resztę osobno.`,
        { cap },
      );
    }
    const id = randomId('pay');
    const key = randomToken(18);
    const expiresAt = new Date(ctx.now.getTime() + 15 * 60 * 1000);
    await tx.query(
      `INSERT INTO payments (id, customer_id, status, amount, method, scope, document_ids, return_url, created_at, expires_at, page_key)
       VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, customerId, fromCents(amount), b.method ?? null, b.scope, docIds, b.returnUrl, ctx.now, expiresAt, key],
    );
    return { id, key, amount, expiresAt };
  });
  const { id, amount, expiresAt } = created;
  const redirectUrl = `${ctx.app.publicOrigin}/sandbox/pay/${id}?key=${created.key}`;
  return json(201, { id, status: 'pending', amount: money(amount), redirectUrl, expiresAt: warsawIso(expiresAt) });
};

const isPayKey = (d: unknown): d is [string, string] => Array.isArray(d) && d.length === 2 && typeof d[0] === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(d[0]) && typeof d[1] === 'string';

export const listPayments: Handler = async (ctx) => {
  const q = ctx.query as { from?: string; to?: string };
  for (const name of ['from', 'to'] as const) {
    const value = q[name];
    if (value !== undefined && !isSqlDate(value)) throw validationError(ctx.lang, [fieldError(name, 'invalid_format', ctx.lang)]);
  }
  if (q.from && q.to && q.to < q.from) throw validationError(ctx.lang, [fieldError('to', 'too_small', ctx.lang)]);
  const where = ['p.customer_id = $1'];
  const params: unknown[] = [ctx.user!.customer_id];
  if (q.from) {
    params.push(warsawInstant(q.from));
    where.push(`p.created_at >= $${params.length}`);
  }
  if (q.to) {
    params.push(warsawInstant(addDays(q.to, 1)));
    where.push(`p.created_at < $${params.length}`);
  }
  const total = (await ctx.db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM payments p WHERE ${where.join(' AND ')}`, params))[0]?.n ?? 0;
  const cursor = decodeCursor(ctx, isPayKey);
  if (cursor) {
    params.push(cursor[0], cursor[1]);
    where.push(`(p.created_at, p.id) < ($${params.length - 1}::timestamp AT TIME ZONE 'UTC', $${params.length})`);
  }
  const limit = limitOf(ctx);
  params.push(limit + 1);
  const rows = await ctx.db.query<PaymentRow>(`SELECT ${PAYMENT_COLUMNS} FROM payments p WHERE ${where.join(' AND ')} ORDER BY p.created_at DESC, p.id DESC LIMIT $${params.length}`, params);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return json(200, { items: page.map(paymentBody), nextCursor: rows.length > limit && last ? encodeCursor(ctx, [last.cursor_t, last.id]) : null, total });
};

export const getPayment: Handler = async (ctx) => {
  const r = await loadPayment(ctx.db, ctx.params.paymentId!, ctx.user!.customer_id);
  if (!r) throw new ApiError('not_found');
  return json(200, paymentBody(r));
};

/** The payment operator's notification: settles a pending payment (approve allocates it, oldest due first). */
export async function settlePayment(tx: Queryable, id: string, outcome: 'paid' | 'declined' | 'cancelled', app: Pick<AppState, 'publicOrigin' | 'utilities' | 'defaultUtilityId'>): Promise<PaymentRow | null> {
  const p = await loadPayment(tx, id);
  if (!p || p.status !== 'pending') return p;
  const now = new Date();
  if (outcome !== 'paid') {
    await tx.query('UPDATE payments SET status = $2, completed_at = $3 WHERE id = $1', [id, outcome, now]);
    return loadPayment(tx, id);
  }
  const docs = await tx.query<{ id: string; remaining: string; number: string }>(
    `SELECT id, number, (gross - paid)::text AS remaining FROM documents
     WHERE customer_id = $1 AND gross - paid > 0 ${p.scope === 'documents' ? 'AND id = ANY($2::text[])' : ''}
     ORDER BY due_date, issue_date, id`,
    p.scope === 'documents' ? [p.customer_id, p.document_ids] : [p.customer_id],
  );
  let left = toCents(p.amount);
  const allocated: string[] = [];
  const today = warsawDate(now);
  for (const d of docs) {
    if (left <= 0) break;
    const take = Math.min(left, toCents(d.remaining));
    await tx.query('INSERT INTO allocations (payment_id, document_id, amount, allocated_on) VALUES ($1, $2, $3, $4)', [id, d.id, fromCents(take), today]);
    await tx.query('UPDATE documents SET paid = paid + $2 WHERE id = $1', [d.id, fromCents(take)]);
    allocated.push(d.id);
    left -= take;
  }
  await tx.query('UPDATE payments SET status = $2, completed_at = $3, document_ids = $4, method = COALESCE(method, $5) WHERE id = $1', [id, 'paid', now, allocated.length ? allocated : p.document_ids, 'transfer']);
  const msgId = randomId('msg');
  const text = `Dziękujemy za wpłatę ${formatPln(toCents(p.amount))}. Płatność została zaksięgowana${allocated.length ? ` na ${allocated.length === 1 ? 'dokument' : 'dokumenty'} ${docs.filter((d) => allocated.includes(d.id)).map((d) => d.number).join(', ')}` : ' jako nadpłata'}.`;
  await tx.query("INSERT INTO messages (id, customer_id, channel, event, subject, body, sent_at) VALUES ($1, $2, 'portal', 'payment_received', $3, $4, $5)", [msgId, p.customer_id, 'Płatność przyjęta', text, now]);
  const owner = (await tx.query<{ email: string; utility_id: string }>('SELECT u.email, c.utility_id FROM users u JOIN customers c ON c.id = u.customer_id WHERE u.customer_id = $1', [p.customer_id]))[0];
  const utility = owner && (app.utilities.get(owner.utility_id) ?? app.utilities.get(app.defaultUtilityId));
  if (owner && utility) await sendEmail(tx, owner.email, 'Płatność przyjęta', `Dzień dobry,\n\n${text}\nSzczegóły: ${siteLink(app, utility, 'portal')}\n\n${utility.name}`);
  return loadPayment(tx, id);
}

export function billingHandlers(): Record<string, Handler> {
  return { getBalance, listDocuments, getDocument, getDocumentPdf, createPayment, listPayments, getPayment };
}
