/**
 * Uploads that say how far they are. `fetch` cannot report the progress of a request body (a streamed body needs
 * HTTP/2 and `duplex`, which an HTTP/1.1 API does not have), so an upload goes through XMLHttpRequest: pass
 * `uploadVia(onProgress)` as the `via` of one client call, and the client's session, CSRF token, language and
 * error rules apply to it as to any other call.
 *
 * A module of its own: only the widgets that upload (the meter reading's photo) load it.
 */

/** How much of the request body has gone: 0 to 1. */
export type UploadProgress = (fraction: number) => void;

/** A transport for one request that reports the upload's progress; a lost connection rejects as fetch does. */
export function uploadVia(onProgress: UploadProgress): (request: Request) => Promise<Response> {
  return async (request) => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.blob();
    return new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      xhr.responseType = 'blob';
      xhr.withCredentials = request.credentials === 'include';
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        onProgress(1);
        resolve(new Response(xhr.status === 204 ? null : (xhr.response as Blob), { status: xhr.status, statusText: xhr.statusText, headers: headersOf(xhr) }));
      };
      // As fetch does: a TypeError for a request that got no answer, an AbortError when it was cancelled.
      xhr.onerror = xhr.ontimeout = () => reject(new TypeError('Failed to fetch'));
      const aborted = () => reject(new DOMException('The upload was aborted', 'AbortError'));
      xhr.onabort = aborted;
      if (request.signal.aborted) return aborted();
      request.signal.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(body);
    });
  };
}

function headersOf(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}
