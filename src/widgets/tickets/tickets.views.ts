import { msg } from '@lit/localize';
import type { TicketScope, TicketStatus } from './tickets.logic.js';

/** The words of `<ebok-tickets>`: pure, the element holds the state. */

/** A status as a customer says it. */
export function statusText(status: TicketStatus): string {
  switch (status) {
    case 'in_progress':
      return msg('W realizacji');
    case 'awaiting_customer':
      return msg('Czeka na Twoją odpowiedź');
    case 'resolved':
      return msg('Rozwiązane');
    case 'closed':
      return msg('Zamknięte');
    default:
      return msg('Nowe');
  }
}

export function scopeText(scope: TicketScope): string {
  switch (scope) {
    case 'open':
      return msg('W toku');
    case 'finished':
      return msg('Zakończone');
    default:
      return msg('Wszystkie');
  }
}

/** What the thread says of a ticket's status, under its title: what happens next. */
export function statusHint(status: TicketStatus): string {
  switch (status) {
    case 'in_progress':
      return msg('Konsultant zajmuje się Twoją sprawą. Odpowiedź zobaczysz tutaj i dostaniesz ją e-mailem.');
    case 'awaiting_customer':
      return msg('Konsultant prosi o odpowiedź. Napisz ją poniżej, a sprawa wróci do realizacji.');
    case 'resolved':
      return msg('Sprawa jest rozwiązana. Jeśli coś jest jeszcze niejasne, odpowiedz, a otworzymy ją ponownie.');
    case 'closed':
      return msg('To zgłoszenie jest zamknięte i nie można już na nie odpowiedzieć. Jeśli sprawa nie jest załatwiona, napisz nowe zgłoszenie.');
    default:
      return msg('Zgłoszenie czeka na konsultanta. Odpowiemy w ciągu 14 dni.');
  }
}
