/** The side channel for e-mails and SMS: nothing is really sent, everything lands in the `outbox` table. */
import type { Queryable } from './db.ts';

export interface OutboxItem {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  subject: string | null;
  body: string;
  links: string[];
  code?: string;
  createdAt: string;
}

const LINK = /https?:\/\/[^\s<>"]+/g;

export async function sendEmail(db: Queryable, to: string, subject: string, body: string, code?: string): Promise<void> {
  const links = body.match(LINK) ?? [];
  await db.query('INSERT INTO outbox (channel, recipient, subject, body, links, code) VALUES ($1, $2, $3, $4, $5, $6)', ['email', to, subject, body, links, code ?? null]);
}

export async function sendSms(db: Queryable, to: string, body: string, code?: string): Promise<void> {
  await db.query('INSERT INTO outbox (channel, recipient, subject, body, links, code) VALUES ($1, $2, NULL, $3, $4, $5)', ['sms', to, body, [], code ?? null]);
}

interface Row {
  id: number;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  links: string[];
  code: string | null;
  created_at: Date;
}

export async function listOutbox(db: Queryable, to?: string, limit = 200): Promise<OutboxItem[]> {
  const rows = to
    ? await db.query<Row>('SELECT * FROM outbox WHERE lower(recipient) = lower($1) ORDER BY id DESC LIMIT $2', [to, limit])
    : await db.query<Row>('SELECT * FROM outbox ORDER BY id DESC LIMIT $1', [limit]);
  return rows.map((r) => {
    const item: OutboxItem = {
      id: `obx_${r.id}`,
      channel: r.channel,
      to: r.recipient,
      subject: r.subject,
      body: r.body,
      links: r.links,
      createdAt: new Date(r.created_at).toISOString(),
    };
    if (r.code) item.code = r.code;
    return item;
  });
}
