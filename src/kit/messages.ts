import { msg, str } from '@lit/localize';
import { formatLifetime } from '../i18n/format.js';
import type { CustomerNumberReason, EmailReason, NipReason, PeselReason, PhoneReason, PpeReason } from '../validation/index.js';

/**
 * The words of the forms, in one place so every widget says the same thing the same way: why an identifier
 * was refused, how long a link is valid. (The error count is the field kit's, beside the summary.)
 */

/**
 * "Czas ważności linku: 72 godziny." in one message for every widget that sends a link, so the text is
 * translated once (and extracted the same way on every machine).
 */
export function linkLifetime(seconds: number): string {
  const lifetime = formatLifetime(seconds);
  return msg(str`Czas ważności linku: ${lifetime}.`);
}

/** Why a PESEL was refused, in words the customer can act on. */
export function peselError(reason: PeselReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj numer PESEL.');
    case 'format':
      return msg('PESEL ma 11 cyfr.');
    case 'checksum':
      return msg('Numer PESEL jest niepoprawny. Sprawdź, czy nie ma literówki.');
    case 'date':
      return msg('Ten PESEL zawiera datę, która nie istnieje. Sprawdź, czy nie ma literówki.');
  }
}

export function nipError(reason: NipReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj numer NIP.');
    case 'format':
      return msg('NIP ma 10 cyfr (może mieć przedrostek PL i kreski).');
    case 'checksum':
      return msg('Numer NIP jest niepoprawny. Sprawdź, czy nie ma literówki.');
  }
}

export function ppeError(reason: PpeReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj numer punktu poboru (PPE) z faktury.');
    case 'format':
      return msg('Numer PPE ma 18 cyfr i zaczyna się od 590. Przepisz go z faktury.');
    case 'prefix':
      return msg('Numer PPE zaczyna się od 590. Przepisz go z faktury.');
    case 'checksum':
      return msg('Numer PPE jest niepoprawny. Sprawdź, czy nie ma literówki.');
  }
}

export function customerNumberError(reason: CustomerNumberReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj numer klienta z faktury.');
    case 'format':
      return msg('Numer klienta składa się z cyfr (może mieć kreski). Przepisz go z faktury.');
    case 'length':
      return msg('Numer klienta ma od 4 do 20 znaków. Przepisz go z faktury.');
  }
}

export function emailError(reason: EmailReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj adres e-mail.');
    case 'format':
      return msg('Podaj adres e-mail w postaci nazwa@domena.pl.');
    case 'too_long':
      return msg('Adres e-mail jest za długi.');
  }
}

export function phoneError(reason: PhoneReason): string {
  switch (reason) {
    case 'empty':
      return msg('Podaj numer telefonu.');
    case 'format':
      return msg('Podaj numer telefonu komórkowego: 9 cyfr, np. 601 234 567.');
    case 'country':
      return msg('Podaj polski numer telefonu (+48).');
    case 'leading_zero':
      return msg('Numer nie zaczyna się od 0. Wpisz 9 cyfr, np. 601 234 567.');
  }
}
