import { msg } from '@lit/localize';
import type { components } from '../api/schema.js';

/**
 * A customer's documents (invoices, corrections, interest notes) in words: their status and their kind, as the
 * invoice list shows them and as the forms that refer to a document (a complaint) name them.
 */
type DocumentStatus = components['schemas']['DocumentStatus'];
type DocumentType = components['schemas']['DocumentType'];

/** A status in words, as a customer says it. */
export function statusText(status: DocumentStatus | 'to-pay'): string {
  switch (status) {
    case 'to-pay':
      return msg('Do zapłaty (wszystkie)');
    case 'unpaid':
      return msg('Niezapłacona');
    case 'partially_paid':
      return msg('Częściowo zapłacona');
    case 'overdue':
      return msg('Po terminie');
    default:
      return msg('Zapłacona');
  }
}

export function typeText(type: DocumentType): string {
  switch (type) {
    case 'correction':
      return msg('Korekta faktury');
    case 'interest_note':
      return msg('Nota odsetkowa');
    default:
      return msg('Faktura');
  }
}
