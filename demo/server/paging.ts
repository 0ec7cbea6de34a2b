/** Opaque cursors bound to their query, and in-memory pages for short lists. */
import { ApiError, fieldError } from './problem.ts';
import type { Ctx } from './core.ts';
import { sha256 } from './util.ts';

/**
 * What a cursor is bound to: the operation, its path, its query (without `cursor` and `limit`) and the user.
 * `defaults` are the contract's defaults of query parameters, so that leaving one out is the same query as
 * sending its default.
 */
export function queryHash(ctx: Ctx, defaults: Readonly<Record<string, unknown>> = {}): string {
  const q = Object.entries({ ...defaults, ...ctx.query })
    .filter(([k]) => k !== 'cursor' && k !== 'limit')
    .sort(([a], [b]) => a.localeCompare(b));
  return sha256(`${ctx.op.id}|${JSON.stringify(ctx.params)}|${JSON.stringify(q)}|${ctx.user?.id ?? ''}`).slice(0, 16);
}

export function encodeCursor(ctx: Ctx, data: unknown, defaults?: Readonly<Record<string, unknown>>): string {
  return Buffer.from(JSON.stringify({ h: queryHash(ctx, defaults), d: data })).toString('base64url');
}

function badCursor(ctx: Ctx): ApiError {
  return new ApiError('validation_failed', ctx.lang === 'en' ? 'The cursor is not valid for this query.' : 'Kursor nie pasuje do tego zapytania.', {
    fields: [fieldError('cursor', 'invalid_format', ctx.lang, undefined, ctx.lang === 'en' ? 'Invalid cursor; start from the first page.' : 'Nieprawidłowy kursor; zacznij od pierwszej strony.')],
  });
}

/** The data of the `cursor` query parameter, or `null` for the first page; 422 when it is not ours. */
export function decodeCursor<T>(ctx: Ctx, check: (d: unknown) => d is T, defaults?: Readonly<Record<string, unknown>>): T | null {
  const raw = ctx.query.cursor;
  if (typeof raw !== 'string') return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { h?: unknown; d?: unknown };
    if (parsed.h !== queryHash(ctx, defaults) || !check(parsed.d)) throw badCursor(ctx);
    return parsed.d;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw badCursor(ctx);
  }
}

export function limitOf(ctx: Ctx): number {
  return typeof ctx.query.limit === 'number' ? ctx.query.limit : 20;
}

const isPos = (d: unknown): d is { id: string; i: number } =>
  typeof d === 'object' && d !== null && typeof (d as { id?: unknown }).id === 'string' && typeof (d as { i?: unknown }).i === 'number';

/** A page of an already sorted short list; the cursor remembers the last id (and its index as a fallback). */
export function pageOf<T extends { id: string }>(ctx: Ctx, all: T[]): { items: T[]; nextCursor: string | null; total: number } {
  const limit = limitOf(ctx);
  const pos = decodeCursor(ctx, isPos);
  let start = 0;
  if (pos) {
    const at = all.findIndex((x) => x.id === pos.id);
    start = at >= 0 ? at + 1 : Math.min(pos.i + 1, all.length);
  }
  const items = all.slice(start, start + limit);
  const last = items[items.length - 1];
  const nextCursor = start + limit < all.length && last ? encodeCursor(ctx, { id: last.id, i: start + items.length - 1 }) : null;
  return { items, nextCursor, total: all.length };
}
