import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { describedBy, fieldError, hint } from './fields.js';
import { currentLocale, intlLocale } from '../i18n/locale.js';
import { byteSizeText, filePicker } from './photo.views.js';
import type { AttachmentLimits, AttachmentProblem, AttachmentsController, RejectedFile } from './attachments.js';

/**
 * The attachments field of a message: a drop zone whose pickers are labelled buttons ("Dodaj pliki", and "Zrób
 * zdjęcie" where images are taken), which also takes files dropped on it or pasted into the form; the list of
 * files with a thumbnail (images) or the type (PDF), the size, the upload's progress and "Usuń"; the files that
 * could not be added, with why. One live region says what changed, once: a progress bar is read when reached,
 * never announced on every step (a fault of well-known uploaders that repeat it).
 *
 * Style it with `photoStyles` (the pickers and the drop zone) and `attachmentsStyles`.
 * Parts: `attachments` (the field), `dropzone`, `photo-input` (each picker), `attachment` (one file),
 * `attachment-remove`, `attachment-progress`.
 */

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };

/** A file's type and size for people: "PDF, 312 kB" (a sent attachment's, a chosen one's). */
export function fileText(type: string, size: number): string {
  return `${TYPE_NAMES[type] ?? ''}, ${byteSizeText(size)}`;
}

/** "PDF, JPG lub PNG, do 10 MB każdy, najwyżej 5 plików." */
export function limitsText(limits: AttachmentLimits): string {
  const names = limits.types.map((t) => TYPE_NAMES[t] ?? t);
  const list = new Intl.ListFormat(intlLocale(currentLocale()), { type: 'disjunction' }).format(names);
  const size = byteSizeText(limits.maxBytes);
  const count = limits.maxCount;
  return limits.maxCount === 1 ? msg(str`Jeden plik ${list}, do ${size}.`) : msg(str`Pliki ${list}, do ${size} każdy, najwyżej ${count}.`);
}

export function attachmentProblemText(problem: AttachmentProblem, limits: AttachmentLimits): string {
  const size = byteSizeText(limits.maxBytes);
  const names = new Intl.ListFormat(intlLocale(currentLocale()), { type: 'disjunction' }).format(limits.types.map((t) => TYPE_NAMES[t] ?? t));
  const count = limits.maxCount;
  switch (problem) {
    case 'type':
      return msg(str`Ten rodzaj pliku nie jest przyjmowany. Wybierz plik ${names}.`);
    case 'too_large':
      return msg(str`Plik jest większy niż ${size}.`);
    case 'too_many':
      return msg(str`Można dołączyć najwyżej tyle plików: ${count}.`);
    case 'unreadable':
      return msg('Nie udało się odczytać pliku.');
  }
}

function rejectedText(file: RejectedFile, limits: AttachmentLimits): string {
  const name = file.name;
  const why = attachmentProblemText(file.problem, limits);
  return msg(str`Nie dodaliśmy pliku „${name}”: ${why}`);
}

/** The words of the controller's live region ("Dodano: skan.pdf"). */
export const attachmentWords = {
  added: (names: string[]): string => {
    const list = names.join(', ');
    return msg(str`Dodano: ${list}.`);
  },
  removed: (name: string): string => msg(str`Usunięto: ${name}.`),
};

export interface AttachmentsFieldOptions {
  /** The first picker's id (the field's name in the form). */
  id: string;
  label: string;
  /** A server's refusal of the files, under the field. */
  error?: string | undefined;
  /** Nothing can change while the message goes. */
  busy?: boolean;
}

function progressText(sent: number): string {
  const percent = new Intl.NumberFormat(intlLocale(currentLocale()), { style: 'percent' }).format(sent);
  return msg(str`Wysłano ${percent}`);
}

export function attachmentsField(a: AttachmentsController, o: AttachmentsFieldOptions): TemplateResult {
  const { limits } = a;
  const images = limits.types.some((t) => t.startsWith('image/'));
  const full = a.room === 0;
  const described = describedBy({ id: o.id, error: o.error }, true);
  const accept = limits.types.join(',');
  const status = [a.said, ...a.rejected.map((r) => rejectedText(r, limits)), a.preparing ? msg('Przygotowujemy plik…') : ''].filter(Boolean).join(' ');
  return html`<fieldset
    class="photo attachments ${a.dragging ? 'photo--over' : ''}"
    part="attachments"
    @dragover=${a.onDragOver}
    @dragleave=${a.onDragLeave}
    @drop=${a.onDrop}
  >
    <legend class="field__label">${o.label} <span class="field__optional">${msg('(opcjonalnie)')}</span></legend>
    ${hint(o.id, limitsText(limits))}
    <div class="photo__drop" part="dropzone" ?hidden=${full}>
      <div class="photo__actions">
        ${filePicker({ id: o.id, text: msg('Dodaj pliki'), accept, multiple: limits.maxCount > 1, inputRef: a.inputRef, describedBy: described, invalid: !!o.error, onFiles: (files) => void a.add(files) })}
        ${images
          ? html`<span class="attachments__camera">
              ${filePicker({ id: `${o.id}-camera`, text: msg('Zrób zdjęcie'), accept: 'image/*', camera: true, secondary: true, describedBy: described, onFiles: (files) => void a.add(files) })}
            </span>`
          : nothing}
      </div>
      <p class="photo__drop-hint">${msg('Możesz też przeciągnąć pliki tutaj albo wkleić zrzut ekranu.')}</p>
    </div>
    ${full ? html`<p class="attachments__full">${msg('Dodano najwięcej plików, ile można.')}</p>` : nothing}
    ${a.rejected.length
      ? html`<ul class="attachments__rejected">
          ${a.rejected.map((r) => html`<li>${rejectedText(r, limits)}</li>`)}
        </ul>`
      : nothing}
    <p class="visually-hidden" role="status">${status}</p>
    ${a.items.length
      ? html`<ul class="attachments__list">
          ${repeat(
            a.items,
            (item) => item.id,
            (item) => html`<li class="attachment" part="attachment">
              ${item.previewUrl ? html`<img class="attachment__thumb" src=${item.previewUrl} alt="" />` : html`<span class="attachment__type" aria-hidden="true">${TYPE_NAMES[item.file?.type ?? ''] ?? '…'}</span>`}
              <span class="attachment__text">
                <span class="attachment__name">${item.name}</span>
                <span class="attachment__size">${item.file ? fileText(item.file.type, item.file.size) : msg('Przygotowujemy plik…')}</span>
                ${item.sent === undefined
                  ? nothing
                  : html`<progress class="attachment__progress" part="attachment-progress" max="1" .value=${item.sent} aria-label=${msg(str`Wysyłanie pliku ${item.name}`)}></progress>
                      <span class="attachment__size" aria-hidden="true">${progressText(item.sent)}</span>`}
              </span>
              <button
                class="button button--secondary attachment__remove"
                part="attachment-remove"
                type="button"
                aria-label=${msg(str`Usuń plik ${item.name}`)}
                aria-disabled=${o.busy ? 'true' : 'false'}
                @click=${(e: Event) => {
                  if (o.busy) return;
                  const list = (e.currentTarget as HTMLElement).closest('ul')!;
                  a.remove(item.id, (index) => list.querySelectorAll<HTMLElement>('.attachment__remove')[index]);
                }}
              >
                ${msg('Usuń')}
              </button>
            </li>`,
          )}
        </ul>`
      : nothing}
    ${fieldError({ id: o.id, error: o.error })}
  </fieldset>`;
}
