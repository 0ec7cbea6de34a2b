import type { components } from '../../api/schema.js';
import type { TicketCategory } from '../../kit/tickets.js';

export type { TicketCategory };
export { limitsOf } from '../../kit/tickets.js';

export type TicketDetail = components['schemas']['TicketDetail'];
export type DocumentSummary = components['schemas']['DocumentSummary'];
export type Point = components['schemas']['PointOfDelivery'];

/** What the customer types and chooses. */
export interface TicketValues extends Record<string, string> {
  categoryId: string;
  pointId: string;
  documentId: string;
  subject: string;
  message: string;
}

export const EMPTY: TicketValues = { categoryId: '', pointId: '', documentId: '', subject: '', message: '' };
export const ORDER = ['categoryId', 'pointId', 'documentId', 'subject', 'message'] as const;

/** The contract's lengths. */
export const SUBJECT_MAX = 200;
export const MESSAGE_MAX = 5000;

/**
 * The category a host asked for (`category="cat_invoice"` by id, or `category="complaint"` by kind): by id first;
 * by kind, the one that takes a document when the host named one (a complaint about this invoice), else the first.
 */
export function presetCategory(categories: readonly TicketCategory[], wanted: string | undefined, withDocument: boolean): TicketCategory | undefined {
  if (!wanted) return undefined;
  const byId = categories.find((c) => c.id === wanted);
  if (byId) return byId;
  const ofKind = categories.filter((c) => c.kind === wanted);
  return (withDocument ? ofKind.find((c) => c.requiresDocument) : undefined) ?? ofKind[0];
}

/** The text parts of `createTicket`: a point and a document only where the category asks for them. */
export function ticketFields(values: TicketValues, category: TicketCategory | undefined): Record<string, string> | undefined {
  if (!category) return undefined;
  return {
    categoryId: category.id,
    subject: values.subject.trim(),
    message: values.message.trim(),
    ...(category.requiresPoint && values.pointId ? { pointId: values.pointId } : {}),
    ...(category.requiresDocument && values.documentId ? { documentId: values.documentId } : {}),
  };
}

export type TicketProblem = 'category' | 'point' | 'document' | 'subject' | 'subject_long' | 'message' | 'message_long';

/** What is wrong with one field for the category chosen, or undefined. */
export function checkTicket(name: keyof TicketValues, values: TicketValues, category: TicketCategory | undefined): TicketProblem | undefined {
  switch (name) {
    case 'categoryId':
      return category ? undefined : 'category';
    case 'pointId':
      return category?.requiresPoint && !values.pointId ? 'point' : undefined;
    case 'documentId':
      return category?.requiresDocument && !values.documentId ? 'document' : undefined;
    case 'subject':
      return !values.subject.trim() ? 'subject' : values.subject.length > SUBJECT_MAX ? 'subject_long' : undefined;
    case 'message':
      return !values.message.trim() ? 'message' : values.message.length > MESSAGE_MAX ? 'message_long' : undefined;
    default:
      return undefined;
  }
}

/** The documents to choose from: the one chosen first (even when the search no longer finds it), then the others. */
export function documentChoices(found: readonly DocumentSummary[], chosen: DocumentSummary | undefined): DocumentSummary[] {
  if (!chosen) return [...found];
  return [chosen, ...found.filter((d) => d.id !== chosen.id)];
}
