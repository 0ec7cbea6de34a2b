import { UnreadableAnswer } from '../api/request.js';

/** How much of a file has arrived: `total` is the Content-Length, when the server sent one. */
export interface DownloadProgress {
  loaded: number;
  total: number | undefined;
}

/** A downloaded file: its bytes, the name the server gave it (Content-Disposition), its media type. */
export interface DownloadedFile {
  blob: Blob;
  filename: string | undefined;
  type: string;
}

/**
 * The file name of a `Content-Disposition` header (RFC 6266): `filename*=UTF-8''…` (percent-encoded, for
 * non-ASCII names) wins over `filename="…"`. Only a base name: any path in it is dropped, and characters that
 * no file system allows become `_`. `undefined` when the header names no file.
 */
export function filenameFromDisposition(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*([\w!#$&+.^`|~-]+)'[\w-]*'([^;\s]+)/i.exec(header);
  if (extended) {
    try {
      name = decodeURIComponent(extended[2]!);
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
    if (plain) name = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2];
  }
  return name === undefined ? undefined : safeFilename(name);
}

/** A name a file system takes: no path, no control characters, none of `\ / : * ? " < > |`; `undefined` if nothing is left. */
export function safeFilename(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\p{Cc}:*?"<>|]/gu, '_').trim();
  return cleaned && !/^\.+$/.test(cleaned) ? cleaned : undefined;
}

/**
 * Reads a file answer chunk by chunk (the `read` of `EbokClient.download()`), reporting progress; the bytes become one Blob of the answer's type. A body
 * shorter than its Content-Length (a connection cut in the middle) is an error, not a truncated file.
 */
export async function readFile(response: Response, onProgress?: (progress: DownloadProgress) => void, signal?: AbortSignal): Promise<DownloadedFile> {
  const type = (response.headers.get('Content-Type') ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (/^(application|text)\/([\w.-]+\+)?(json|html)$/.test(type)) throw new UnreadableAnswer(`a body of type ${type}, not a file`);
  const filename = filenameFromDisposition(response.headers.get('Content-Disposition'));
  const length = Number(response.headers.get('Content-Length'));
  // A compressed answer's Content-Length counts the compressed bytes, not the ones the stream gives.
  const encoded = !!response.headers.get('Content-Encoding') && response.headers.get('Content-Encoding') !== 'identity';
  const total = Number.isFinite(length) && length > 0 && !encoded ? length : undefined;
  const chunks: BlobPart[] = [];
  let loaded = 0;
  onProgress?.({ loaded, total });
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      if (signal?.aborted) {
        await reader.cancel().catch(() => undefined);
        throw signal.reason;
      }
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onProgress?.({ loaded, total: total === undefined ? undefined : Math.max(total, loaded) });
    }
  }
  if (total !== undefined && loaded < total) throw new TypeError(`the file ended after ${loaded} of ${total} bytes`);
  return { blob: new Blob(chunks, { type }), filename, type };
}
