import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRef, type Ref } from 'lit/directives/ref.js';
import { FocusController } from '../controllers/focus.js';
import { preparePhoto, sniff, type PhotoProblem } from './photo.js';

/**
 * The files of a message (a ticket, a reply): chosen, taken with the phone's camera, pasted or dropped; each
 * checked in the browser against the limits the server states (how many, how large, which types by their first
 * bytes, not their names), photos made to fit (orientation applied, Exif and XMP dropped, shrunk under the
 * limit), with a thumbnail, removable, and its share of an upload's progress. The server checks everything again.
 */

/** A type the server takes. */
export type AttachmentType = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface AttachmentLimits {
  maxCount: number;
  maxBytes: number;
  types: readonly AttachmentType[];
}

/** Why a file was not added. */
export type AttachmentProblem = 'type' | 'too_large' | 'too_many' | 'unreadable';

export interface Attachment {
  /** Stable while it is in the list (for keyed rendering and removal). */
  readonly id: string;
  /** The file to send, once prepared. */
  file: File | undefined;
  /** The name the customer knows it by (a photo re-encoded keeps its original name here). */
  readonly name: string;
  /** An object URL for the thumbnail of an image. */
  previewUrl: string | undefined;
  /** How much of it has been uploaded (0–1) while a message goes. */
  sent: number | undefined;
}

export interface RejectedFile {
  name: string;
  problem: AttachmentProblem;
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** The type the first bytes say, of the three a message takes; undefined for anything else. */
export async function attachmentTypeOf(file: Blob): Promise<AttachmentType | undefined> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  if (PDF.every((byte, i) => head[i] === byte)) return 'application/pdf';
  const image = sniff(head);
  return image === 'image/jpeg' || image === 'image/png' ? image : undefined;
}

let sequence = 0;

/**
 * The attachments of one form, as a reactive controller. `add()` files and each becomes an entry of `items`
 * (or of `rejected`, with why); `files` are the ones to send, in order; `progress()` spreads an upload's progress
 * over them. Everything stays in memory (never in storage) until the message is sent or the customer removes it.
 */
export class AttachmentsController implements ReactiveController {
  items: Attachment[] = [];
  /** The files of the last choice that were not added, with why (shown until the next choice). */
  rejected: RejectedFile[] = [];
  /** Files are being prepared (a photo shrunk). */
  preparing = 0;
  /** A file is dragged over the drop zone. */
  dragging = false;
  /** What the last change was, in words, for the field's live region (said once). */
  said = '';
  /** The first picker: focus lands here when the last attachment is removed. */
  readonly inputRef: Ref<HTMLInputElement>;
  readonly focus: FocusController;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    public limits: AttachmentLimits,
    /** Words for what happened (the view's texts: localized where the controller has no words of its own). */
    private readonly words: { added: (names: string[]) => string; removed: (name: string) => string } = {
      added: (names) => names.join(', '),
      removed: (name) => name,
    },
    inputRef: Ref<HTMLInputElement> = createRef(),
  ) {
    this.inputRef = inputRef;
    this.focus = new FocusController(host);
    host.addController(this);
  }

  hostConnected(): void {
    for (const item of this.items) if (item.file && !item.previewUrl) item.previewUrl = previewOf(item.file);
  }

  hostDisconnected(): void {
    for (const item of this.items) this.revoke(item);
  }

  /** The prepared files, in the order they were added. */
  get files(): File[] {
    return this.items.flatMap((item) => (item.file ? [item.file] : []));
  }

  /** How many more the limit allows. */
  get room(): number {
    return Math.max(0, this.limits.maxCount - this.items.length);
  }

  /** Adds files (a choice, a drop, a paste): those that fit the limits join the list, the others are `rejected`. */
  async add(files: readonly File[]): Promise<void> {
    this.rejected = [];
    const taken: Attachment[] = [];
    for (const file of files) {
      if (this.items.length >= this.limits.maxCount) {
        this.rejected.push({ name: file.name, problem: 'too_many' });
        continue;
      }
      const item: Attachment = { id: `att-${++sequence}`, file: undefined, name: file.name || 'plik', previewUrl: undefined, sent: undefined };
      this.items = [...this.items, item];
      taken.push(item);
      this.preparing++;
      this.host.requestUpdate();
      const result = await this.prepare(file);
      this.preparing--;
      if (!this.items.includes(item)) continue; // removed meanwhile
      if (typeof result === 'string') {
        this.items = this.items.filter((other) => other !== item);
        taken.splice(taken.indexOf(item), 1);
        this.rejected.push({ name: item.name, problem: result });
      } else {
        item.file = result;
        item.previewUrl = previewOf(result);
      }
    }
    this.said = taken.length ? this.words.added(taken.map((item) => item.name)) : '';
    if (!this.preparing) for (const resolve of this.waiting.splice(0)) resolve();
    this.host.requestUpdate();
  }

  /** Removes one; focus goes to the next one's remove button (`buttonAt`, found after the render), else to the picker. */
  remove(id: string, buttonAt?: (index: number) => Element | undefined): void {
    const index = this.items.findIndex((item) => item.id === id);
    const item = this.items[index];
    if (!item) return;
    this.revoke(item);
    this.items = this.items.filter((other) => other !== item);
    this.rejected = [];
    this.said = this.words.removed(item.name);
    this.host.requestUpdate();
    const left = this.items.length;
    if (left && buttonAt) this.focus.next(() => buttonAt(Math.min(index, left - 1)));
    else this.focus.next(this.inputRef);
  }

  /** No attachments any more (the message was sent, or another category takes none). */
  clear(): void {
    for (const item of this.items) this.revoke(item);
    this.items = [];
    this.rejected = [];
    this.said = '';
    this.host.requestUpdate();
  }

  /** Resolves when no file is being prepared (the submit awaits it, then reads `files`). */
  settled(): Promise<void> {
    return this.preparing ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }

  /**
   * Spreads an upload's progress over the files: the body is the text fields (`before` bytes) and then the files
   * in order, so the fraction of the whole says how far each file is. `undefined` ends it.
   */
  progress(fraction: number | undefined, before = 0): void {
    const files = this.items.filter((item) => item.file);
    const total = before + files.reduce((sum, item) => sum + item.file!.size, 0);
    let start = before;
    for (const item of files) {
      const size = item.file!.size;
      item.sent = fraction === undefined ? undefined : size === 0 ? (fraction * total >= start ? 1 : 0) : Math.min(1, Math.max(0, (fraction * total - start) / size));
      start += size;
    }
    this.host.requestUpdate();
  }

  /** Pasted files (a screenshot) are added; pasted text goes to the field it was pasted in. */
  readonly onPaste = (event: ClipboardEvent): void => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (!files.length) return;
    event.preventDefault();
    void this.add(files);
  };

  readonly onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.drag(true);
  };

  readonly onDragLeave = (event: DragEvent): void => {
    const to = event.relatedTarget;
    if (!(to instanceof Node && event.currentTarget instanceof Node && event.currentTarget.contains(to))) this.drag(false);
  };

  readonly onDrop = (event: DragEvent): void => {
    this.drag(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (!files.length) return;
    event.preventDefault(); // else the browser opens the dropped file in place of the page
    void this.add(files);
  };

  private drag(over: boolean): void {
    if (this.dragging === over) return;
    this.dragging = over;
    this.host.requestUpdate();
  }

  /** The file as it will be sent, or why it cannot be. */
  private async prepare(file: File): Promise<File | AttachmentProblem> {
    const { maxBytes, types } = this.limits;
    let type: AttachmentType | undefined;
    try {
      type = await attachmentTypeOf(file);
    } catch {
      return 'unreadable';
    }
    const images = types.filter((t) => t.startsWith('image/'));
    const looksLikeImage = type?.startsWith('image/') || (!type && file.type.startsWith('image/') && file.type !== 'image/svg+xml');
    if (looksLikeImage && images.length) {
      // A photo: kept when it fits as it is, else made to fit as a JPEG (a phone's photo of 6 MB, a HEIC, a WebP).
      if (!images.includes('image/jpeg') && !(type && images.includes(type))) return 'type';
      const keep = images.includes('image/jpeg') ? images : images.filter((t) => t === type);
      const result: File | PhotoProblem = await preparePhoto(file, { maxBytes, keep, name: jpegName(file.name) });
      if (typeof result === 'string') return result;
      return types.includes(result.type as AttachmentType) ? result : 'type';
    }
    if (!type || !types.includes(type)) return 'type';
    if (file.size > maxBytes) return 'too_large';
    // The type by its bytes: a PDF named "skan.jpg" goes as a PDF.
    return file.type === type ? file : new File([file], file.name, { type, lastModified: file.lastModified });
  }

  private revoke(item: Attachment): void {
    if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    item.previewUrl = undefined;
  }
}

function previewOf(file: File): string | undefined {
  return file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined;
}

/** "IMG_2041.HEIC" → "IMG_2041.jpg": a re-encoded photo is a JPEG. */
function jpegName(name: string): string {
  const base = name.replace(/\.[^.]*$/, '') || 'zdjecie';
  return `${base}.jpg`;
}
