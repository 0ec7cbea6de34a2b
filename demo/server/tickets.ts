/** Ticket categories, tickets with attachments, the notification history, and public outages. */
import { ApiError, fieldError, type FieldError } from './problem.ts';
import { json, requireFeature, validationError, type Ctx, type Handler } from './core.ts';
import type { Db, Queryable } from './db.ts';
import { pageOf } from './paging.ts';
import { addDays, warsawDate, warsawInstant, warsawIso } from '../../src/i18n/calendar.ts';
import { fold, pad, randomId } from './util.ts';
import { contentDisposition, detectType, sanitizeFileName, stripMetadata } from './files.ts';
import { sendEmail } from './outbox.ts';

const MB = 1024 * 1024;
const EMERGENCY: Record<string, string> = { electricity: '991', gas: '992', water: '994', heat: '993' };

export function categoriesFor(kind: string) {
  const line = EMERGENCY[kind] ?? '112';
  return [
    {
      id: 'cat_invoice',
      kind: 'complaint',
      label: { pl: 'Reklamacja faktury', en: 'Invoice complaint' },
      description: { pl: 'Błędna kwota, zużycie lub dane na fakturze.', en: 'Wrong amount, consumption or data on an invoice.' },
      requiresPoint: false,
      requiresDocument: true,
      allowsAttachments: true,
      maxAttachments: 5,
      maxAttachmentBytes: 10 * MB,
      allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
    },
    {
      id: 'cat_reading',
      kind: 'question',
      label: { pl: 'Odczyt licznika', en: 'Meter reading' },
      description: null,
      requiresPoint: true,
      requiresDocument: false,
      allowsAttachments: true,
      maxAttachments: 3,
      maxAttachmentBytes: 5 * MB,
      allowedTypes: ['image/jpeg', 'image/png'],
    },
    {
      id: 'cat_outage',
      kind: 'outage_report',
      label: { pl: 'Zgłoszenie awarii', en: 'Report an outage' },
      description: { pl: `W razie zagrożenia życia dzwoń pod numer alarmowy 112 lub pogotowie ${line}.`, en: `If life is in danger call 112 or the emergency line ${line}.` },
      requiresPoint: true,
      requiresDocument: false,
      allowsAttachments: false,
      maxAttachments: 0,
      maxAttachmentBytes: 0,
      allowedTypes: [] as string[],
    },
    {
      id: 'cat_data',
      kind: 'request',
      label: { pl: 'Zmiana danych', en: 'Change of data' },
      description: { pl: 'Zmiana danych osobowych, adresu lub umowy.', en: 'Change of personal data, address or contract.' },
      requiresPoint: false,
      requiresDocument: false,
      allowsAttachments: true,
      maxAttachments: 3,
      maxAttachmentBytes: 10 * MB,
      allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
    },
    {
      id: 'cat_tariff',
      kind: 'request',
      label: { pl: 'Zmiana taryfy', en: 'Tariff change' },
      description: null,
      requiresPoint: true,
      requiresDocument: false,
      allowsAttachments: true,
      maxAttachments: 2,
      maxAttachmentBytes: 10 * MB,
      allowedTypes: ['application/pdf'],
    },
    {
      id: 'cat_question',
      kind: 'question',
      label: { pl: 'Inne pytanie', en: 'Other question' },
      description: null,
      requiresPoint: false,
      requiresDocument: false,
      allowsAttachments: true,
      maxAttachments: 3,
      maxAttachmentBytes: 10 * MB,
      allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
    },
  ];
}

export const listTicketCategories: Handler = (ctx) => {
  requireFeature(ctx, 'tickets');
  return Promise.resolve(json(200, { items: categoriesFor(ctx.utility.kind) }));
};

interface TicketRow {
  id: string;
  number: string;
  category_id: string;
  subject: string;
  status: string;
  point_id: string | null;
  document_id: string | null;
  created_at: Date;
  updated_at: Date;
  last_message_author: string;
}

const ticketJson = (t: TicketRow) => ({
  id: t.id,
  number: t.number,
  categoryId: t.category_id,
  subject: t.subject,
  status: t.status,
  pointId: t.point_id,
  documentId: t.document_id,
  createdAt: warsawIso(new Date(t.created_at)),
  updatedAt: warsawIso(new Date(t.updated_at)),
  lastMessageAuthor: t.last_message_author,
});

async function messagesOf(db: Queryable, ticketId: string, messageId?: string) {
  const msgs = await db.query<{ id: string; author: string; author_name: string; body: string; created_at: Date }>(
    `SELECT id, author, author_name, body, created_at FROM ticket_messages WHERE ticket_id = $1 ${messageId ? 'AND id = $2' : ''} ORDER BY created_at, id`,
    messageId ? [ticketId, messageId] : [ticketId],
  );
  const atts = await db.query<{ id: string; message_id: string; name: string; size: number; content_type: string }>(
    'SELECT id, message_id, name, size, content_type FROM ticket_attachments WHERE ticket_id = $1 ORDER BY position, id',
    [ticketId],
  );
  return msgs.map((m) => ({
    id: m.id,
    author: m.author,
    authorName: m.author_name,
    body: m.body,
    createdAt: warsawIso(new Date(m.created_at)),
    attachments: atts.filter((a) => a.message_id === m.id).map((a) => ({ id: a.id, name: a.name, size: a.size, contentType: a.content_type })),
  }));
}

async function loadTicket(ctx: Ctx): Promise<TicketRow> {
  const t = (await ctx.db.query<TicketRow>('SELECT * FROM tickets WHERE id = $1 AND customer_id = $2', [ctx.params.ticketId, ctx.user!.customer_id]))[0];
  if (!t) throw new ApiError('not_found');
  return t;
}

interface CheckedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

async function checkAttachments(ctx: Ctx, files: File[], category: ReturnType<typeof categoriesFor>[number]): Promise<CheckedFile[]> {
  const lang = ctx.lang;
  const en = lang === 'en';
  if (files.length === 0) return [];
  if (!category.allowsAttachments) throw validationError(lang, [fieldError('/attachments', 'not_allowed', lang, undefined, en ? 'This category takes no attachments.' : 'W tej kategorii nie można dołączać plików.')]);
  if (files.length > category.maxAttachments) throw validationError(lang, [fieldError('/attachments', 'too_many_items', lang, { max: category.maxAttachments })]);
  const tooLarge: FieldError[] = [];
  const badType: FieldError[] = [];
  const out: CheckedFile[] = [];
  for (const [i, f] of files.entries()) {
    if (f.size > category.maxAttachmentBytes) {
      const mb = Math.round(category.maxAttachmentBytes / MB);
      tooLarge.push(fieldError(`/attachments/${i}`, 'attachment_too_large', lang, { maxBytes: category.maxAttachmentBytes }, en ? `The file "${f.name}" is over ${mb} MB.` : `Plik „${f.name}” ma ponad ${mb} MB.`));
      continue;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const type = detectType(bytes);
    if (!type || !category.allowedTypes.includes(type)) {
      const list = category.allowedTypes.map((t) => t.split('/')[1]!.toUpperCase()).join(', ');
      badType.push(fieldError(`/attachments/${i}`, 'attachment_type_not_allowed', lang, undefined, en ? `Allowed files: ${list}.` : `Dozwolone są pliki: ${list}.`));
      continue;
    }
    out.push({ name: sanitizeFileName(f.name, type), type, bytes: stripMetadata(bytes, type) });
  }
  if (tooLarge.length) throw new ApiError('attachment_too_large', undefined, { fields: [...tooLarge, ...badType] });
  if (badType.length) throw new ApiError('attachment_type_not_allowed', undefined, { fields: badType });
  return out;
}

function textFields(ctx: Ctx, allowed: string[]): Record<string, string> {
  const m = ctx.multipart!;
  const errors: FieldError[] = [];
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(m.fields)) {
    if (!allowed.includes(name)) errors.push(fieldError(`/${name}`, 'not_allowed', ctx.lang));
    else if (values.length > 1) errors.push(fieldError(`/${name}`, 'too_many_items', ctx.lang));
    else out[name] = values[0]!;
  }
  for (const name of Object.keys(m.files)) if (name !== 'attachments') errors.push(fieldError(`/${name}`, 'not_allowed', ctx.lang));
  if (errors.length) throw validationError(ctx.lang, errors);
  return out;
}

async function insertMessage(tx: Queryable, ticketId: string, author: string, authorName: string, body: string, at: Date, files: CheckedFile[]): Promise<string> {
  const id = randomId('tmsg');
  await tx.query('INSERT INTO ticket_messages (id, ticket_id, author, author_name, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [id, ticketId, author, authorName, body, at]);
  for (const [position, f] of files.entries()) {
    await tx.query('INSERT INTO ticket_attachments (id, ticket_id, message_id, name, size, content_type, content, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      randomId('att'),
      ticketId,
      id,
      f.name,
      f.bytes.length,
      f.type,
      f.bytes,
      position,
    ]);
  }
  return id;
}

export const createTicket: Handler = async (ctx) => {
  requireFeature(ctx, 'tickets');
  const lang = ctx.lang;
  const f = textFields(ctx, ['categoryId', 'subject', 'message', 'pointId', 'documentId']);
  const schemaErrors = ctx.app.contract.validateBody(ctx.op, f, lang, 'CreateTicketForm');
  if (schemaErrors) throw validationError(lang, schemaErrors);
  const category = categoriesFor(ctx.utility.kind).find((c) => c.id === f.categoryId);
  const errors: FieldError[] = [];
  if (!category) errors.push(fieldError('/categoryId', 'unknown_value', lang));
  if (f.pointId) {
    const ok = await ctx.db.query('SELECT 1 FROM points WHERE id = $1 AND customer_id = $2', [f.pointId, ctx.user!.customer_id]);
    if (!ok.length) errors.push(fieldError('/pointId', 'unknown_value', lang));
  } else if (category?.requiresPoint) errors.push(fieldError('/pointId', 'required', lang, undefined, lang === 'en' ? 'Choose the point of delivery.' : 'Wybierz punkt poboru, którego dotyczy zgłoszenie.'));
  if (f.documentId) {
    const ok = await ctx.db.query('SELECT 1 FROM documents WHERE id = $1 AND customer_id = $2', [f.documentId, ctx.user!.customer_id]);
    if (!ok.length) errors.push(fieldError('/documentId', 'unknown_value', lang));
  } else if (category?.requiresDocument) errors.push(fieldError('/documentId', 'required', lang, undefined, lang === 'en' ? 'Choose the invoice the complaint is about.' : 'Wybierz fakturę, której dotyczy reklamacja.'));
  if (errors.length) throw validationError(lang, errors);
  const files = await checkAttachments(ctx, ctx.multipart!.files.attachments ?? [], category!);
  const id = randomId('tkt');
  const year = warsawDate(ctx.now).slice(0, 4);
  const user = ctx.user!;
  await ctx.db.transaction(async (tx) => {
    // The case number counts the tickets before it: two tickets filed at once (two server processes on one
    // PostgreSQL) take turns here, so no number is given twice (the unique index would refuse the second).
    await tx.query('LOCK TABLE tickets IN SHARE ROW EXCLUSIVE MODE');
    const n = (await tx.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM tickets'))[0]?.n ?? 0;
    await tx.query(
      `INSERT INTO tickets (id, customer_id, number, category_id, subject, status, point_id, document_id, created_at, updated_at, last_message_author)
       VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $8, 'customer')`,
      [id, user.customer_id, `ZG/${year}/${pad(n + 2001, 6)}`, f.categoryId, f.subject!.trim(), f.pointId ?? null, f.documentId ?? null, ctx.now],
    );
    await insertMessage(tx, id, 'customer', user.display_name, f.message!, ctx.now, files);
  });
  const t = (await ctx.db.query<TicketRow>('SELECT * FROM tickets WHERE id = $1', [id]))[0]!;
  await sendEmail(ctx.db, user.email, `Przyjęliśmy zgłoszenie ${t.number}`, `Dzień dobry,\n\nprzyjęliśmy Twoje zgłoszenie ${t.number} „${t.subject}”. Odpowiemy w ciągu 14 dni; odpowiedź zobaczysz w eBOK.\n\n${ctx.utility.name}`);
  return json(201, { ...ticketJson(t), messages: await messagesOf(ctx.db, id) });
};

export const listTickets: Handler = async (ctx) => {
  requireFeature(ctx, 'tickets');
  const status = (ctx.query.status as string[] | undefined) ?? null;
  const rows = await ctx.db.query<TicketRow>(
    `SELECT * FROM tickets WHERE customer_id = $1 ${status ? 'AND status = ANY($2::text[])' : ''} ORDER BY updated_at DESC, id DESC`,
    status ? [ctx.user!.customer_id, status] : [ctx.user!.customer_id],
  );
  return json(200, pageOf(ctx, rows.map(ticketJson)));
};

export const getTicket: Handler = async (ctx) => {
  requireFeature(ctx, 'tickets');
  const t = await loadTicket(ctx);
  return json(200, { ...ticketJson(t), messages: await messagesOf(ctx.db, t.id) });
};

export const replyToTicket: Handler = async (ctx) => {
  requireFeature(ctx, 'tickets');
  const t = await loadTicket(ctx);
  const lang = ctx.lang;
  const f = textFields(ctx, ['message']);
  const schemaErrors = ctx.app.contract.validateBody(ctx.op, f, lang, 'TicketReplyForm');
  if (schemaErrors) throw validationError(lang, schemaErrors);
  if (t.status === 'closed') throw new ApiError('conflict', lang === 'en' ? 'The ticket is closed. Open a new one.' : 'Zgłoszenie jest zamknięte. Utwórz nowe zgłoszenie.');
  const category = categoriesFor(ctx.utility.kind).find((c) => c.id === t.category_id) ?? categoriesFor(ctx.utility.kind)[5]!;
  const files = await checkAttachments(ctx, ctx.multipart!.files.attachments ?? [], category);
  let messageId = '';
  await ctx.db.transaction(async (tx) => {
    messageId = await insertMessage(tx, t.id, 'customer', ctx.user!.display_name, f.message!, ctx.now, files);
    const status = t.status === 'resolved' || t.status === 'awaiting_customer' ? 'open' : t.status;
    await tx.query("UPDATE tickets SET status = $2, updated_at = $3, last_message_author = 'customer' WHERE id = $1", [t.id, status, ctx.now]);
  });
  const [m] = await messagesOf(ctx.db, t.id, messageId);
  return json(201, m);
};

export const getTicketAttachment: Handler = async (ctx) => {
  const t = await loadTicket(ctx);
  const a = (
    await ctx.db.query<{ name: string; content_type: string; content: Uint8Array }>('SELECT name, content_type, content FROM ticket_attachments WHERE id = $1 AND ticket_id = $2', [
      ctx.params.attachmentId,
      t.id,
    ])
  )[0];
  if (!a) throw new ApiError('not_found');
  return {
    status: 200,
    raw: new Uint8Array(a.content),
    contentType: a.content_type,
    headers: { 'Content-Disposition': contentDisposition(a.name), 'X-Content-Type-Options': 'nosniff' },
  };
};

// ---------- messages ----------
export const listMessages: Handler = async (ctx) => {
  requireFeature(ctx, 'messages');
  // The contract has checked the values already (an unknown channel or event is a 422 before this runs).
  const q = ctx.query as { channel?: string; unread?: boolean; event?: string[] };
  const params: unknown[] = [ctx.user!.customer_id];
  let where = 'customer_id = $1';
  if (q.channel) {
    params.push(q.channel);
    where += ` AND channel = $${params.length}`;
  }
  if (q.event?.length) {
    params.push(q.event);
    where += ` AND event = ANY($${params.length}::text[])`;
  }
  if (q.unread !== undefined) where += q.unread ? ' AND read_at IS NULL' : ' AND read_at IS NOT NULL';
  const rows = await ctx.db.query<{ id: string; channel: string; event: string; subject: string | null; body: string; sent_at: Date; read_at: Date | null }>(
    `SELECT * FROM messages WHERE ${where} ORDER BY sent_at DESC, id DESC`,
    params,
  );
  const unread = (await ctx.db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM messages WHERE customer_id = $1 AND read_at IS NULL', [ctx.user!.customer_id]))[0]?.n ?? 0;
  const page = pageOf(
    ctx,
    rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      event: r.event,
      subject: r.channel === 'sms' ? null : r.subject,
      body: r.body,
      sentAt: warsawIso(new Date(r.sent_at)),
      readAt: r.read_at ? warsawIso(new Date(r.read_at)) : null,
    })),
  );
  return json(200, { ...page, unreadCount: unread });
};

export const markMessageRead: Handler = async (ctx) => {
  requireFeature(ctx, 'messages');
  const rows = await ctx.db.query('UPDATE messages SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND customer_id = $2 RETURNING id', [ctx.params.messageId, ctx.user!.customer_id, ctx.now]);
  if (rows.length === 0) throw new ApiError('not_found');
  return { status: 204 };
};

// ---------- outages ----------
export const listOutages: Handler = async (ctx) => {
  const q = ctx.query as { kind?: string; area?: string; from?: string; to?: string };
  const today = warsawDate(ctx.now);
  const from = q.from ?? today;
  const to = q.to ?? addDays(from > today ? from : today, 30);
  if (to < from) throw validationError(ctx.lang, [fieldError('to', 'too_small', ctx.lang)]);
  const rows = await ctx.db.query<{ id: string; kind: string; municipality: string; locality: string | null; postal_codes: string[]; streets: string[]; starts_at: Date; ends_at: Date | null; reason: Record<string, string> }>(
    `SELECT * FROM outages WHERE starts_at < $2 AND (ends_at IS NULL OR ends_at >= $1) ${q.kind ? 'AND kind = $3' : ''} ORDER BY starts_at, id`,
    q.kind ? [warsawInstant(from), warsawInstant(addDays(to, 1)), q.kind] : [warsawInstant(from), warsawInstant(addDays(to, 1))],
  );
  let list = rows;
  if (q.area) {
    const area = q.area.trim();
    if (/^\d{2}-\d{3}$/.test(area)) list = rows.filter((r) => r.postal_codes.includes(area));
    else {
      const needle = fold(area);
      list = rows.filter((r) => fold(r.municipality).includes(needle) || fold(r.locality ?? '').includes(needle));
    }
  }
  const now = ctx.now.getTime();
  return json(
    200,
    pageOf(
      ctx,
      list.map((r) => ({
        id: r.id,
        kind: r.kind,
        area: { municipality: r.municipality, locality: r.locality, postalCodes: r.postal_codes },
        streets: r.streets,
        startsAt: warsawIso(new Date(r.starts_at)),
        endsAt: r.ends_at ? warsawIso(new Date(r.ends_at)) : null,
        reason: r.reason[ctx.lang] ?? r.reason.pl ?? '',
        status: new Date(r.starts_at).getTime() > now ? 'planned' : r.ends_at && new Date(r.ends_at).getTime() < now ? 'ended' : 'ongoing',
      })),
    ),
  );
};

export function ticketHandlers(): Record<string, Handler> {
  return { listTicketCategories, createTicket, listTickets, getTicket, replyToTicket, getTicketAttachment, listMessages, markMessageRead, listOutages };
}

/**
 * A consultant answers a ticket (the utility's back office; the demo's sandbox page and the tests' hook stand in
 * for it): the reply joins the thread, the ticket waits for the customer, and the customer is told in the portal's
 * messages and by e-mail. Answers the ticket's number, or undefined for an unknown or closed ticket.
 */
export async function addConsultantReply(db: Db, ticketId: string, body: string, consultant: string, now: Date): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const t = (await tx.query<TicketRow & { customer_id: string }>('SELECT * FROM tickets WHERE id = $1 FOR UPDATE', [ticketId]))[0];
    if (!t || t.status === 'closed') return undefined;
    const messageId = await insertMessage(tx, t.id, 'consultant', consultant, body, now, []);
    await tx.query("UPDATE tickets SET status = 'awaiting_customer', updated_at = $2, last_message_author = 'consultant' WHERE id = $1", [t.id, now]);
    const text = `Odpowiedzieliśmy na zgłoszenie ${t.number} „${t.subject}”. Odpowiedź przeczytasz w eBOK, w zakładce Zgłoszenia.`;
    // The notice's id names the ticket, so a test that deletes its ticket deletes the notice with it.
    await tx.query("INSERT INTO messages (id, customer_id, channel, event, subject, body, sent_at) VALUES ($1, $2, 'portal', 'ticket_reply', $3, $4, $5)", [
      `msg_r_${t.id}_${messageId}`,
      t.customer_id,
      `Odpowiedź na zgłoszenie ${t.number}`,
      text,
      now,
    ]);
    const users = await tx.query<{ email: string }>('SELECT email FROM users WHERE customer_id = $1', [t.customer_id]);
    for (const u of users) await sendEmail(tx, u.email, `Odpowiedź na zgłoszenie ${t.number}`, `Dzień dobry,\n\n${text}\n`);
    return t.number;
  });
}
