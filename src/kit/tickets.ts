import type { components } from '../api/schema.js';
import type { AttachmentLimits, AttachmentType } from './attachments.js';
import { malformedResponse } from '../api/diagnostics.js';
import type { EbokClient } from '../api/client.js';

/**
 * What the ticket widgets share: the categories (their limits for attachments), loaded by the form to write one and
 * by the list to name them and to check a reply's files.
 */

export type TicketCategory = components['schemas']['TicketCategory'];

const TYPES: readonly AttachmentType[] = ['application/pdf', 'image/jpeg', 'image/png'];
const KINDS = ['question', 'complaint', 'outage_report', 'request'];

/** The categories an answer holds that a widget can offer (a malformed entry is left out, not a broken page). */
export function usableCategories(answer: unknown): TicketCategory[] | undefined {
  const items = (answer as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return undefined;
  return items.filter(
    (c): c is TicketCategory =>
      typeof c === 'object' &&
      c !== null &&
      typeof (c as TicketCategory).id === 'string' &&
      KINDS.includes((c as TicketCategory).kind) &&
      typeof (c as TicketCategory).label?.pl === 'string',
  );
}

/** `GET /tickets/categories`, the usable ones; an answer without items is a malformed answer. */
export async function loadCategories(client: EbokClient, signal: AbortSignal): Promise<TicketCategory[]> {
  const categories = usableCategories(await client.get('/tickets/categories', { signal }));
  if (!categories) throw malformedResponse(client.apiBase, 'GET /tickets/categories answered without items');
  return categories;
}

/** The attachments a category takes; none when it takes none (or says nonsense). */
export function limitsOf(category: TicketCategory | undefined): AttachmentLimits {
  if (!category?.allowsAttachments) return { maxCount: 0, maxBytes: 0, types: [] };
  const types = (Array.isArray(category.allowedTypes) ? category.allowedTypes : []).filter((t): t is AttachmentType => TYPES.includes(t));
  return { maxCount: Math.max(0, Math.min(10, Math.floor(category.maxAttachments) || 0)), maxBytes: Math.max(0, category.maxAttachmentBytes || 0), types };
}
