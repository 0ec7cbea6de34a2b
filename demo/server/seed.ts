/**
 * Demo data, seeded once into an empty database: the personas of demo/personas (the one world the mocks and the
 * unit tests use too), laid out around the moment of seeding on the Polish calendar, so an overdue invoice is
 * overdue and a reading window is open on the day the demo starts; `npm run demo:reset` re-seeds. The password
 * of every demo login is DEMO_PASSWORD. This file only turns personas into rows of the server's tables.
 */
import type { Db, Queryable } from './db.ts';
import { DEMO_PASSWORD, demoLogins, demoWorld, PERSONA_KEYS, UTILITIES, type DemoWorld, type Persona } from '../personas/index.ts';
import { fromCents, hashPassword } from './util.ts';

export { DEMO_PASSWORD, UTILITIES };

/** The demo logins and what each shows (the start banner lists them; README "Run it" too). */
export const DEMO_LOGINS = demoLogins();

type Row = unknown[];

/** Inserts rows in statements of at most ~8,000 parameters. */
async function insert(db: Queryable, table: string, columns: string[], rows: Row[]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(8000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    const values = chunk.map((r) => `(${r.map((v) => `$${params.push(v)}`).join(', ')})`);
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

/**
 * Inserts many rows in one statement: each column travels as one array parameter of `types[i]` and
 * `unnest` turns them back into rows (10,000 documents in one round trip). A column typed `text[]` travels
 * as comma-joined text; `jsonb` as JSON text.
 */
async function bulkInsert(db: Queryable, table: string, columns: string[], types: string[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const params = columns.map((_, c) => rows.map((r) => (types[c] === 'text[]' ? (r[c] as string[]).join(',') : r[c])));
  const wire = types.map((t) => (t === 'text[]' || t === 'jsonb' ? 'text' : t));
  const select = types.map((t, c) => (t === 'text[]' ? `string_to_array(c${c}, ',')` : t === 'jsonb' ? `c${c}::jsonb` : `c${c}`));
  await db.query(
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select.join(', ')} FROM unnest(${wire.map((t, c) => `$${c + 1}::${t}[]`).join(', ')}) AS t(${columns.map((_, c) => `c${c}`).join(', ')})`,
    params,
  );
}

/**
 * A database seeded before utilities had a `site` (migration 002), or before a page was added to it (the
 * registration page), gets the demo utilities' sites; pages set in the database win over the demo's.
 */
export async function fillUtilitySites(db: Queryable): Promise<void> {
  for (const u of UTILITIES) await db.query("UPDATE utilities SET site = $2::jsonb || COALESCE(site, '{}'::jsonb) WHERE id = $1", [u.id, JSON.stringify(u.site)]);
  // The same for the terms, the e-invoice rule and the marketing consents of the portal configuration (migration 007).
  for (const u of UTILITIES) {
    const { terms, eInvoiceRequired, marketingConsents } = u.config;
    await db.query('UPDATE utilities SET config = $2::jsonb || config WHERE id = $1', [u.id, JSON.stringify({ terms, eInvoiceRequired, marketingConsents })]);
  }
}

/** Seeds an empty database with the demo world laid out around `now`; answers when the data was seeded. */
export async function seedIfEmpty(db: Db, now = new Date()): Promise<Date> {
  const done = await db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'seeded_at'");
  if (done[0]) return new Date(done[0].value);
  const hashes = new Map<string, string>();
  const world = demoWorld(now);
  const personas = PERSONA_KEYS.map((key) => world.personas[key]);
  await Promise.all(personas.map(async (p) => p.account && hashes.set(p.account.userId, await hashPassword(p.account.password))));
  await db.transaction((tx) => seed(tx, world, personas, hashes));
  // PGlite runs no autovacuum: without statistics the planner takes 10,000 documents for a few dozen.
  await db.exec('ANALYZE');
  return now;
}

async function seed(db: Queryable, world: DemoWorld, personas: readonly Persona[], hashes: ReadonlyMap<string, string>): Promise<void> {
  await insert(db, 'utilities', ['id', 'kind', 'name', 'config', 'site'], world.utilities.map((u) => [u.id, u.kind, u.name, u.config, u.site]));

  await insert(
    db,
    'customers',
    ['id', 'utility_id', 'number', 'kind', 'first_name', 'last_name', 'company_name', 'national_id_type', 'national_id', 'contract_email', 'address', 'e_invoice', 'notification_prefs', 'terms_version', 'terms_accepted_at', 'consents_updated_at', 'regon'],
    personas.map(({ customer: c, utility }) => [c.id, utility.id, c.number, c.kind, c.firstName, c.lastName, c.companyName, c.nationalIdType, c.nationalId, c.contractEmail, c.address, c.eInvoice, c.preferences, c.termsVersion, c.termsAcceptedAt, c.consentsUpdatedAt, c.regon ?? null]),
  );
  await insert(
    db,
    'marketing_consents',
    ['customer_id', 'consent', 'given', 'changed_at'],
    personas.flatMap(({ customer: c }) => Object.entries(c.marketing).map(([consent, choice]) => [c.id, consent, choice.given, choice.changedAt])),
  );
  await insert(
    db,
    'users',
    ['id', 'customer_id', 'email', 'email_lower', 'phone', 'password_hash', 'status', 'mfa_channel', 'must_change_password', 'locked_until', 'created_at'],
    personas.flatMap(({ account: a, customer }) => (a ? [[a.userId, customer.id, a.login, a.login.toLowerCase(), a.phone, hashes.get(a.userId), a.status, a.mfa, a.mustChangePassword, a.lockedUntil, a.createdAt]] : [])),
  );
  await insert(
    db,
    'contracts',
    ['id', 'customer_id', 'number', 'kind', 'product', 'tariff', 'start_date', 'end_date', 'status'],
    personas.flatMap((p) => p.contracts.map((c) => [c.id, p.customer.id, c.number, c.kind, c.product, c.tariff, c.startDate, c.endDate, c.status])),
  );

  // ---------- points, meters, registers ----------
  const points = personas.flatMap((p) => p.points.map((pt) => ({ persona: p, ...pt })));
  await insert(
    db,
    'points',
    ['id', 'customer_id', 'contract_id', 'kind', 'code', 'code_type', 'name', 'address', 'tariff', 'window_anchor', 'window_length', 'window_period'],
    points.map(({ persona, point: pt, window: w }) => [pt.id, persona.customer.id, pt.contractId, pt.kind, pt.code, pt.codeType, pt.name, pt.address, pt.tariff, w.anchor, w.length, w.period]),
  );
  await insert(db, 'meters', ['serial_number', 'point_id', 'kind', 'smart'], points.flatMap(({ point: pt }) => pt.meters.map((m) => [m.serialNumber, pt.id, m.kind, m.smart])));
  await insert(
    db,
    'registers',
    ['id', 'point_id', 'meter_serial', 'position', 'zone', 'obis_code', 'unit', 'direction', 'conversion_factor', 'digits', 'decimals', 'daily_usage', 'unit_price'],
    points.flatMap(({ point: pt, registers: plans }) =>
      pt.meters.flatMap((m) =>
        m.registers.map((r, i) => {
          const plan = plans.find((x) => x.id === r.id);
          return [r.id, pt.id, m.serialNumber, i, r.zone, r.obisCode, r.unit, r.direction, r.conversionFactor, r.digits, r.decimals, (plan?.dailyUsage ?? 0).toFixed(3), (plan?.unitPrice ?? 0).toFixed(4)];
        }),
      ),
    ),
  );

  // ---------- consumption and readings ----------
  await insert(db, 'consumption', ['register_id', 'point_id', 'month', 'value', 'estimated'], personas.flatMap((p) => p.consumption().map((c) => [c.registerId, c.pointId, c.month, c.value.toFixed(3), c.estimated])));
  const readings = personas.flatMap((p) => p.readings());
  await insert(db, 'readings', ['id', 'point_id', 'read_at', 'kind', 'status', 'by_customer', 'created_at'], readings.map((r) => [r.id, r.pointId, r.readAt, r.kind, r.status, r.byCustomer, r.createdAt]));
  await insert(db, 'reading_values', ['reading_id', 'register_id', 'value'], readings.flatMap((r) => r.values.map((v) => [r.id, v.registerId, v.value])));

  // ---------- documents, payments, allocations ----------
  await bulkInsert(
    db,
    'documents',
    ['id', 'customer_id', 'number', 'type', 'issue_date', 'due_date', 'period_from', 'period_to', 'net', 'vat', 'gross', 'paid', 'corrects_id', 'has_pdf', 'point_ids', 'lines'],
    ['text', 'text', 'text', 'text', 'date', 'date', 'date', 'date', 'numeric', 'numeric', 'numeric', 'numeric', 'text', 'boolean', 'text[]', 'jsonb'],
    personas.flatMap((p) =>
      p
        .documents()
        .map((d) => [d.id, p.customer.id, d.number, d.type, d.issueDate, d.dueDate, d.periodFrom, d.periodTo, fromCents(d.net), fromCents(d.vat), fromCents(d.gross), fromCents(d.paid), d.correctsId, d.hasPdf, [...d.pointIds], JSON.stringify(d.lines.map((l) => ({ ...l, net: l.net.amount, gross: l.gross.amount })))]),
    ),
  );
  const payments = personas.flatMap((p) => p.payments().map((pay) => ({ customer: p.customer.id, ...pay })));
  await bulkInsert(
    db,
    'payments',
    ['id', 'customer_id', 'status', 'amount', 'method', 'scope', 'document_ids', 'created_at', 'completed_at', 'expires_at'],
    ['text', 'text', 'text', 'numeric', 'text', 'text', 'text[]', 'timestamptz', 'timestamptz', 'timestamptz'],
    payments.map((p) => [p.id, p.customer, p.status, fromCents(p.amount), p.method, p.scope, [...p.documentIds], p.createdAt, p.completedAt, p.expiresAt]),
  );
  await bulkInsert(db, 'allocations', ['payment_id', 'document_id', 'amount', 'allocated_on'], ['text', 'text', 'numeric', 'date'], payments.flatMap((p) => p.allocations.map((a) => [p.id, a.documentId, fromCents(a.amount), a.on])));

  // ---------- tickets ----------
  const tickets = personas.flatMap((p) => p.tickets.map((t) => ({ persona: p, ...t })));
  await insert(
    db,
    'tickets',
    ['id', 'customer_id', 'number', 'category_id', 'subject', 'status', 'point_id', 'document_id', 'created_at', 'updated_at', 'last_message_author'],
    tickets.map((t) => [t.id, t.persona.customer.id, t.number, t.categoryId, t.subject, t.status, t.pointId, t.documentId, new Date(t.createdAt), new Date(t.updatedAt), t.lastMessageAuthor]),
  );
  await insert(db, 'ticket_messages', ['id', 'ticket_id', 'author', 'author_name', 'body', 'created_at'], tickets.flatMap((t) => t.messages.map((m) => [m.id, t.id, m.author, m.authorName, m.body, new Date(m.createdAt)])));
  await insert(
    db,
    'ticket_attachments',
    ['id', 'ticket_id', 'message_id', 'name', 'size', 'content_type', 'content'],
    tickets.flatMap((t) => t.messages.flatMap((m) => m.attachments.map((a) => [a.id, t.id, m.id, a.name, a.size, a.contentType, t.persona.attachments.get(a.id) ?? new Uint8Array()]))),
  );

  // ---------- notification history ----------
  await insert(
    db,
    'messages',
    ['id', 'customer_id', 'channel', 'event', 'subject', 'body', 'sent_at', 'read_at'],
    personas.flatMap((p) => p.messages.map((m) => [m.id, p.customer.id, m.channel, m.event, m.subject, m.body, new Date(m.sentAt), m.readAt ? new Date(m.readAt) : null])),
  );

  // ---------- outages (public) ----------
  await insert(
    db,
    'outages',
    ['id', 'kind', 'municipality', 'locality', 'postal_codes', 'streets', 'starts_at', 'ends_at', 'reason'],
    world.outages.map((o) => [o.id, o.kind, o.area.municipality, o.area.locality, o.area.postalCodes, o.streets, o.startsAt, o.endsAt, o.reason]),
  );

  await db.query("INSERT INTO meta (key, value) VALUES ('seeded_at', $1)", [world.now.toISOString()]);
}
