import { msg } from '@lit/localize';
import type { PaymentMethod, PaymentStatus } from './payment-history.logic.js';

/** A payment's status in words, as a customer says it. */
export function statusText(status: PaymentStatus): string {
  switch (status) {
    case 'paid':
      return msg('Wpłynęła');
    case 'declined':
      return msg('Odrzucona');
    case 'cancelled':
      return msg('Anulowana');
    case 'expired':
      return msg('Niedokończona (wygasła)');
    default:
      return msg('Czeka na potwierdzenie');
  }
}

/** How it was paid, in words (`other`: not in the portal, e.g. a bank transfer or at the post office). */
export function methodText(method: PaymentMethod | null | undefined): string {
  switch (method) {
    case 'blik':
      return 'BLIK';
    case 'card':
      return msg('Karta płatnicza');
    case 'transfer':
      return msg('Szybki przelew');
    case 'other':
      return msg('Przelew lub wpłata na poczcie');
    default:
      return msg('Jeszcze nieznany');
  }
}
