import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRef, type Ref } from 'lit/directives/ref.js';
import { deepActiveElement, FocusController } from '../controllers/focus.js';

/**
 * A photo to send (the meter's): taken with the phone's camera, picked from a file, pasted or dropped; decoded in
 * the browser with its EXIF orientation applied, and re-encoded as JPEG until it fits the server's limit. The
 * re-encoding also drops Exif and XMP (the GPS position of the customer's home, the phone's serial number).
 */

/** Why a chosen file gives no photo: not an image, cannot be brought under the limit, cannot be decoded. */
export type PhotoProblem = 'type' | 'too_large' | 'unreadable';

export interface PhotoOptions {
  /** The largest file the server takes, in bytes. */
  maxBytes: number;
  /** The file name of a re-encoded photo (default `licznik.jpg`). */
  name?: string;
}

/** The longest side of a re-encoded photo (px); below SMALLEST_SIDE the meter's digits are hard to read: refused. */
const LONGEST_SIDE = 2560;
const SMALLEST_SIDE = 640;
const QUALITIES = [0.85, 0.7, 0.5] as const;
/** How much of a file is read to tell its format and find its metadata. */
const HEAD_BYTES = 64 * 1024;
/** Formats every browser shows and the server takes: sent as they are when small enough and clean. */
const KEPT = ['image/jpeg', 'image/png', 'image/webp'];

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

/** The image format the first bytes say, or undefined (a file's declared type can be empty or wrong). */
export function sniff(b: Uint8Array): string | undefined {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(b, 0, 4) === 'GIF8') return 'image/gif';
  if (ascii(b, 0, 2) === 'BM') return 'image/bmp';
  if (ascii(b, 4, 8) === 'ftyp') return /^(heic|heix|hevc|mif1|msf1)$/.test(ascii(b, 8, 12)) ? 'image/heic' : ascii(b, 8, 12) === 'avif' ? 'image/avif' : undefined;
  return undefined;
}

/**
 * The file carries Exif or XMP, where a phone puts the GPS position and the orientation: a JPEG APP1 segment, a PNG
 * eXIf or text chunk, a WebP EXIF or XMP chunk. A head that ends before the image data counts as carrying it.
 */
function carriesMetadata(b: Uint8Array, kind: string): boolean {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // A format's blocks from the first: each one's name, where the next starts; the metadata's names, the image data's.
  const walk = (at: number, name: (at: number) => string, next: (at: number) => number, metadata: RegExp, data: RegExp): boolean => {
    for (; at + 8 <= b.length; at = next(at)) {
      if (metadata.test(name(at))) return true;
      if (data.test(name(at))) return false;
    }
    return true;
  };
  // JPEG: a segment that does not start with a marker is not trusted; SOS (FFDA) starts the image data.
  if (kind === 'image/jpeg') return walk(2, (at) => (b[at] === 0xff ? `FF${b[at + 1]!.toString(16).toUpperCase()}` : '?'), (at) => at + 2 + view.getUint16(at + 2), /^(FFE1|\?)$/, /^FFDA$/);
  if (kind === 'image/png') return walk(8, (at) => ascii(b, at + 4, at + 8), (at) => at + 12 + view.getUint32(at), /^(eXIf|iTXt|tEXt|zTXt)$/, /^IDAT$/);
  if (kind === 'image/webp') return walk(12, (at) => ascii(b, at, at + 4), (at) => at + 8 + ((view.getUint32(at + 4, true) + 1) & ~1), /^(EXIF|XMP )$/, /^(VP8 |VP8L|ANMF)$/);
  return true;
}

/** JPEG encoder of the photo drawn at one size, on white (a transparent PNG does not turn black). */
function encoderAt(bitmap: ImageBitmap, width: number, height: number): (quality: number) => Promise<Blob> {
  const draw = (context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null): void => {
    if (!context) throw new Error('no 2d canvas context');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
  };
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    draw(canvas.getContext('2d'));
    return (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  draw(canvas.getContext('2d'));
  return (quality) => new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no JPEG'))), 'image/jpeg', quality));
}

/**
 * The photo as a JPEG of at most `maxBytes`: at most 2560 px on its longest side, then lower qualities, then smaller
 * sizes (aimed from the last size's bytes, a quarter smaller at least), down to 640 px. Undefined when even that is
 * too big, or when `current()` says a newer photo was chosen meanwhile.
 */
async function shrink(bitmap: ImageBitmap, maxBytes: number, current: () => boolean): Promise<Blob | undefined> {
  const full = Math.max(bitmap.width, bitmap.height);
  const floor = Math.min(SMALLEST_SIDE, full);
  let longest = Math.min(LONGEST_SIDE, full);
  for (;;) {
    const scale = longest / full;
    const encode = encoderAt(bitmap, Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    let blob: Blob | undefined;
    for (const quality of QUALITIES) {
      // Twice too big: a middle quality will not do either, try the lowest at once.
      if (blob && blob.size > 2 * maxBytes && quality !== QUALITIES[QUALITIES.length - 1]) continue;
      blob = await encode(quality);
      if (!current()) return undefined;
      if (blob.size <= maxBytes) return blob;
    }
    if (longest <= floor) return undefined;
    longest = Math.max(floor, Math.floor(longest * Math.min(0.75, 0.95 * Math.sqrt(maxBytes / blob!.size))));
  }
}

const isImageType = (file: File): boolean => file.type.startsWith('image/');

export interface PrepareOptions {
  /** The largest file the server takes, in bytes. */
  maxBytes: number;
  /** The name of a re-encoded photo (a JPEG). */
  name: string;
  /** The formats sent as they are, when small enough and free of metadata (default: JPEG, PNG, WebP). */
  keep?: readonly string[];
}

/**
 * A photo the server takes, from any image the browser can decode: the file itself when it is in a kept format,
 * small enough and free of Exif and XMP; else re-encoded as a JPEG under `maxBytes` (orientation applied, metadata
 * gone). A problem when it is not an image, cannot be decoded, or cannot be brought under the limit; `current()`
 * false stops the work (a newer file was chosen).
 */
export async function preparePhoto(file: File, options: PrepareOptions, current: () => boolean = () => true): Promise<File | PhotoProblem> {
  let bitmap: ImageBitmap | undefined;
  try {
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    const kind = sniff(head);
    if (!kind && (!file.type.startsWith('image/') || file.type === 'image/svg+xml')) return 'type';
    // Decoded also when kept as it is: a file that cannot be shown is not sent.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    if (kind && (options.keep ?? KEPT).includes(kind) && file.type === kind && file.size <= options.maxBytes && !carriesMetadata(head, kind)) return file;
    const blob = await shrink(bitmap, options.maxBytes, current);
    return blob ? new File([blob], options.name, { type: 'image/jpeg', lastModified: Date.now() }) : 'too_large';
  } catch {
    return 'unreadable';
  } finally {
    bitmap?.close();
  }
}

/**
 * The photo of a form, as a reactive controller: `choose()` a file and `file` becomes the one to send (or `problem`
 * says why there is none); `previewUrl` shows it. A newer `choose()` wins over an older one still preparing.
 */
export class PhotoController implements ReactiveController {
  /** The prepared file to send. */
  file: File | undefined;
  /** An object URL of `file`, for the preview (revoked when the photo is replaced, removed or the host leaves). */
  previewUrl: string | undefined;
  preparing = false;
  problem: PhotoProblem | undefined;
  /** A file is being dragged over the field. */
  dragging = false;
  /** The first file input (the camera's, where there is one): focus lands here after a removal; "Zrób inne" opens it. */
  readonly inputRef: Ref<HTMLInputElement> = createRef();
  /** The preview's first button: focus moves here from a picker, which hides when the photo shows. */
  readonly removeRef: Ref<HTMLButtonElement> = createRef();
  readonly focus: FocusController;
  private source: File | undefined;
  private sequence = 0;
  private waiting: (() => void)[] = [];
  private limit: number;
  private readonly name: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    options: PhotoOptions,
  ) {
    this.limit = options.maxBytes;
    this.name = options.name ?? 'licznik.jpg';
    this.focus = new FocusController(host);
    host.addController(this);
  }

  get maxBytes(): number {
    return this.limit;
  }

  /** A new limit prepares the chosen photo again from the original. */
  set maxBytes(bytes: number) {
    if (bytes === this.limit) return;
    this.limit = bytes;
    if (this.source) void this.choose(this.source);
  }

  hostConnected(): void {
    if (this.file && !this.previewUrl) this.show(this.file);
  }

  hostDisconnected(): void {
    this.revoke();
  }

  /** Takes `file` as the photo, replacing what was there; resolves when it is prepared (or a newer one was chosen). */
  async choose(file: File): Promise<void> {
    const sequence = ++this.sequence;
    const current = () => sequence === this.sequence;
    const focused = this.ours(deepActiveElement());
    this.source = file;
    this.show(undefined, true);
    const result = await this.prepared(file, current);
    if (!current()) return;
    // Focus was in the field and is now lost (its button went with the old preview) or on a picker, which hides
    // when the photo shows: it goes on to the photo's first button, or back to the first picker.
    const now = deepActiveElement();
    const onPicker = now instanceof HTMLInputElement && now.type === 'file' && this.ours(now);
    if (focused && (!now || now === this.host || (onPicker && typeof result !== 'string'))) this.focus.next(typeof result === 'string' ? this.inputRef : this.removeRef);
    this.show(result);
  }

  /** No photo any more (a preparation under way is dropped). */
  remove(): void {
    this.sequence++;
    this.source = undefined;
    this.show(undefined);
  }

  /** Resolves when no photo is being prepared (the submit awaits it, then reads `file`). */
  settled(): Promise<void> {
    return this.preparing ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }

  /** Takes the first image pasted; pasted text is left to the field it goes into. */
  readonly onPaste = (event: ClipboardEvent): void => {
    const image = [...(event.clipboardData?.files ?? [])].find(isImageType);
    if (!image) return;
    event.preventDefault();
    void this.choose(image);
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

  /** Takes the first image dropped (else the first file, which is then not a photo). */
  readonly onDrop = (event: DragEvent): void => {
    this.drag(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (!files.length) return;
    event.preventDefault(); // else the browser opens the dropped file in place of the page
    void this.choose(files.find(isImageType) ?? files[0]!);
  };

  private drag(over: boolean): void {
    if (this.dragging === over) return;
    this.dragging = over;
    this.host.requestUpdate();
  }

  private ours(element: Element | undefined): boolean {
    return !!element && element.getRootNode() === this.host.shadowRoot;
  }

  private prepared(file: File, current: () => boolean): Promise<File | PhotoProblem> {
    return preparePhoto(file, { maxBytes: this.limit, name: this.name }, current);
  }

  private show(result: File | PhotoProblem | undefined, preparing = false): void {
    this.revoke();
    this.file = typeof result === 'string' ? undefined : result;
    this.problem = typeof result === 'string' ? result : undefined;
    this.previewUrl = this.file && this.host.isConnected ? URL.createObjectURL(this.file) : undefined;
    this.preparing = preparing;
    if (!preparing) for (const resolve of this.waiting.splice(0)) resolve();
    this.host.requestUpdate();
  }

  private revoke(): void {
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = undefined;
  }
}
