import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref, type Ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import { describedBy, fieldError, hint } from './fields.js';
import { currentLocale, intlLocale } from '../i18n/locale.js';
import type { PhotoController, PhotoProblem } from './photo.js';

/**
 * The photo field: a template inside the widget's own shadow root (an `aria-describedby` cannot cross shadow
 * roots), bound to a `PhotoController`. Style it with `photoStyles` next to `formStyles` and `statusStyles`.
 *
 * Parts: `photo` (the field), `photo-input` (each picker as it shows: the label that looks like a button, the
 * transparent file input lying over it), `photo-preview` (the image), `photo-remove` (its remove button).
 */

/** A size in words in the widget's language: "312 kB", "1,4 MB". */
export function byteSizeText(bytes: number): string {
  const megabytes = bytes >= 1_000_000;
  return new Intl.NumberFormat(intlLocale(currentLocale()), {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(megabytes ? bytes / 1_000_000 : Math.max(1, bytes / 1000));
}

/** The prepared photo's size: "Zdjęcie: 312 kB". */
function photoSizeText(bytes: number): string {
  const size = byteSizeText(bytes);
  return msg(str`Zdjęcie: ${size}`);
}

/** Why the chosen file gives no photo, and what to do instead. */
export function photoProblemText(problem: PhotoProblem, maxBytes: number): string {
  const size = byteSizeText(maxBytes);
  switch (problem) {
    case 'type':
      return msg('To nie jest zdjęcie. Wybierz plik JPG, PNG albo WebP.');
    case 'too_large':
      return msg(str`Nie udało się zmniejszyć zdjęcia do ${size}. Zrób zdjęcie z bliska albo wybierz mniejsze.`);
    case 'unreadable':
      return msg('Nie udało się odczytać zdjęcia. Wybierz zdjęcie w formacie JPG albo PNG.');
  }
}

export interface PhotoFieldOptions {
  /** The first file input's id (the field's name in the form); the second is `<id>-file`. */
  id: string;
  label: string;
  hint?: unknown;
  /** What the preview shows, for a screen reader ("Zdjęcie licznika"). */
  alt: string;
  /** The widget's own error (say, no photo on submit); else the controller's problem, in words. */
  error?: string | undefined;
  /** Offer "Zrób zdjęcie" (the camera, on a phone) before "Wybierz plik"; default true. */
  capture?: boolean;
}

export interface PickerOptions {
  id: string;
  text: string;
  /** What the input offers (`image/*`, `application/pdf,image/jpeg`). */
  accept: string;
  /** Opens the phone's back camera. */
  camera?: boolean;
  multiple?: boolean;
  /** A secondary look (the second picker of a field). */
  secondary?: boolean;
  inputRef?: Ref<HTMLInputElement> | undefined;
  describedBy?: string | undefined;
  invalid?: boolean;
  /** The files chosen. */
  onFiles: (files: File[]) => void;
}

/**
 * A file picker that looks like a button: a label with its file input lying over it, transparent, so a tap or a
 * click lands on the input itself and the keyboard focuses the input (`photoStyles` draw it).
 */
export function filePicker(o: PickerOptions): TemplateResult {
  return html`<span class="photo__pick">
    <input
      ${o.inputRef ? ref(o.inputRef) : nothing}
      class="photo__input"
      id=${o.id}
      type="file"
      accept=${o.accept}
      ?multiple=${o.multiple ?? false}
      capture=${ifDefined(o.camera ? 'environment' : undefined)}
      aria-invalid=${o.invalid ? 'true' : 'false'}
      aria-describedby=${ifDefined(o.describedBy)}
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        const files = [...(input.files ?? [])];
        input.value = ''; // choosing the same file again is a change too
        if (files.length) o.onFiles(files);
      }}
    />
    <label class="photo__action ${o.secondary ? 'photo__action--secondary' : ''}" part="photo-input" for=${o.id}>${o.text}</label>
  </span>`;
}

/**
 * The photo field: "Zrób zdjęcie" (the camera on a phone) and "Wybierz plik" (the gallery or a file), also a drop
 * and paste zone; "Przygotowujemy zdjęcie…" while it is prepared (announced); the preview with its size in words,
 * "Usuń zdjęcie" (focus goes back to the first picker) and "Zrób inne"; the error under it.
 */
export function photoField(photo: PhotoController, o: PhotoFieldOptions): TemplateResult {
  const camera = o.capture ?? true;
  const error = o.error ?? (photo.problem ? photoProblemText(photo.problem, photo.maxBytes) : undefined);
  const described = describedBy({ id: o.id, error }, !!o.hint);
  const pickers = camera
    ? [
        { id: o.id, text: msg('Zrób zdjęcie'), camera: true },
        { id: `${o.id}-file`, text: msg('Wybierz plik'), camera: false },
      ]
    : [{ id: o.id, text: msg('Wybierz plik'), camera: false }];
  const shown = !!photo.file;
  return html`<fieldset
    class="photo ${photo.dragging ? 'photo--over' : ''}"
    part="photo"
    @paste=${photo.onPaste}
    @dragover=${photo.onDragOver}
    @dragleave=${photo.onDragLeave}
    @drop=${photo.onDrop}
  >
    <legend class="field__label">${o.label}</legend>
    ${hint(o.id, o.hint)}
    <div class="photo__drop" ?hidden=${shown}>
      <div class="photo__actions">${pickers.map((p, index) =>
        filePicker({
          ...p,
          accept: 'image/*',
          secondary: index > 0,
          inputRef: index === 0 ? photo.inputRef : undefined,
          describedBy: described,
          invalid: !!error,
          onFiles: ([file]) => void photo.choose(file!),
        }),
      )}</div>
      <p class="photo__drop-hint">${msg('Możesz też przeciągnąć zdjęcie tutaj albo je wkleić.')}</p>
    </div>
    <p class="photo__status" role="status">
      ${photo.preparing
        ? msg('Przygotowujemy zdjęcie…')
        : photo.problem && !o.error
          ? html`<span class="visually-hidden">${photoProblemText(photo.problem, photo.maxBytes)}</span>`
          : nothing}
    </p>
    ${photo.file
      ? html`<div class="photo__preview">
          ${photo.previewUrl ? html`<img class="photo__image" part="photo-preview" src=${photo.previewUrl} alt=${o.alt} />` : nothing}
          <p class="photo__size" id="${o.id}-size">${photoSizeText(photo.file.size)}</p>
          <div class="actions">
            <button
              ${ref(photo.removeRef)}
              class="button button--secondary"
              part="photo-remove"
              type="button"
              aria-describedby="${o.id}-size"
              @click=${() => {
                photo.remove();
                photo.focus.next(photo.inputRef);
              }}
            >
              ${msg('Usuń zdjęcie')}
            </button>
            <button class="button button--secondary" type="button" @click=${() => photo.inputRef.value?.click()}>
              ${camera ? msg('Zrób inne') : msg('Wybierz inne')}
            </button>
          </div>
        </div>`
      : nothing}
    ${fieldError({ id: o.id, error })}
  </fieldset>`;
}
