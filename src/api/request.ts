import type { PathsWithMethod, RequiredKeysOf, OperationRequestBodyContent, IsOperationRequestBodyOptional } from 'openapi-typescript-helpers';
import type { paths } from './schema.js';

/**
 * One call of the contract, as the client sends it and reads it back: the URL from the API base, the path's
 * `{parameters}` and the query (arrays repeated, `style: form, explode: true`, as every array parameter of
 * openapi.yaml is); the body as JSON, or as it is for `multipart/form-data` (FormData) and files; the answer
 * read by its media type. The types come from the contract (openapi-typescript), so a path, its parameters
 * and its body are checked at compile time.
 *
 * This replaces openapi-fetch: its runtime (3.4 KB of the 40 KB a page with one widget may load) did the
 * same with options the widgets never use (serializer styles, middleware chains, parseAs). Reading by media
 * type is also stricter than `parseAs: 'json'`: an HTML page where JSON was due (a wrong API base answering
 * with the site's index) is a malformed answer with a name, not a SyntaxError.
 */

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type GetPath = PathsWithMethod<paths, 'get'>;
export type PostPath = PathsWithMethod<paths, 'post'>;
export type PutPath = PathsWithMethod<paths, 'put'>;
export type PatchPath = PathsWithMethod<paths, 'patch'>;
export type DeletePath = PathsWithMethod<paths, 'delete'>;

type Operation<P extends keyof paths, M extends Method> = paths[P][M];
type ParamsOption<O> = O extends { parameters: infer P }
  ? RequiredKeysOf<P> extends never
    ? { params?: P }
    : { params: P }
  : { params?: never };
type BodyOption<O> =
  OperationRequestBodyContent<O> extends never
    ? { body?: never }
    : IsOperationRequestBodyOptional<O> extends true
      ? { body?: OperationRequestBodyContent<O> }
      : { body: OperationRequestBodyContent<O> };

/** What a call of operation `M path` takes: the contract's parameters and body, extra headers, a signal. */
export type ApiInit<P extends keyof paths, M extends Method> = ParamsOption<Operation<P, M>> &
  BodyOption<Operation<P, M>> & {
    headers?: Record<string, string>;
    signal?: AbortSignal | null;
    /**
     * Sends this one request instead of the client's fetch (and its retries): an upload that reports its progress
     * (kit/upload.ts). The session, CSRF, language and error rules stay the client's. Not used when the client was
     * given its own `fetch`: the page's transport wins over the progress.
     */
    via?: (request: Request) => Promise<Response>;
  };

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : R extends { content: { 'application/pdf': infer B } } ? B : undefined;
type SuccessOf<O> = O extends { responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 | 202 | 204 ? JsonOf<R[S]> : never }[keyof R]
  : never;
/** The body of the success answer of an operation. */
export type ApiData<P extends keyof paths, M extends Method = 'get'> = SuccessOf<Operation<P, M>>;

/** The untyped shape of an `ApiInit`, as the client handles it at run time. */
export interface RequestInput {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | null;
  via?: (request: Request) => Promise<Response>;
}

/** A parameter's value as the URL or a header carries it (the contract's parameters are strings, numbers, booleans). */
function text(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** `base` + `path` with its `{name}` parameters filled in (each one encoded) + the query. */
export function requestUrl(base: string, path: string, params: RequestInput['params'] = {}): string {
  const filled = path.replace(/\{([^{}]+)\}/g, (_whole, name: string) => {
    const value = params.path?.[name];
    if (value === undefined || value === null || value === '') throw new TypeError(`${path}: the path parameter "${name}" is missing`);
    return encodeURIComponent(text(value));
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) query.append(name, text(item));
    }
  }
  const search = query.toString();
  return `${base}${filled}${search ? `?${search}` : ''}`;
}

/** Bodies the browser sends as they are (and gives their own Content-Type, e.g. the multipart boundary). */
function sentAsIs(body: unknown): body is BodyInit {
  return (
    body instanceof FormData ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}

/** The request of one call; `headers` (the client's own: language, token, CSRF) come last and win. */
export function buildRequest(
  base: string,
  method: Method,
  path: string,
  input: RequestInput,
  init: { credentials: RequestCredentials; headers: Record<string, string> },
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(input.params?.header ?? {})) {
    if (value !== undefined && value !== null) headers.set(name, text(value));
  }
  for (const [name, value] of Object.entries({ ...input.headers, ...init.headers })) headers.set(name, value);
  let body: BodyInit | undefined;
  if (input.body !== undefined) {
    if (sentAsIs(input.body)) body = input.body;
    else {
      body = JSON.stringify(input.body);
      headers.set('Content-Type', 'application/json');
    }
  }
  return new Request(requestUrl(base, path, input.params), {
    method: method.toUpperCase(),
    headers,
    credentials: init.credentials,
    redirect: 'follow',
    ...(body === undefined ? {} : { body }),
    ...(input.signal ? { signal: input.signal } : {}),
  });
}

/** Media types the contract answers as files (PDF invoices, CSV exports, photos), read as a Blob. */
const FILE_TYPES = /^(application\/(pdf|octet-stream|zip)|text\/csv|image\/)/;
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/;

/** An answer that is not what the contract allows: the client turns it into a `malformed_response`. */
export class UnreadableAnswer extends Error {}

/**
 * The body of an answer: `undefined` when it has none (204, `Content-Length: 0`), parsed JSON, or a Blob for
 * a file. A success in any other media type, or JSON that does not parse, throws `UnreadableAnswer`. An
 * error answer's body is parsed when it is JSON (a problem) and otherwise given as its text.
 */
export async function readAnswer(response: Response): Promise<unknown> {
  const length = response.headers.get('Content-Length');
  if (response.status === 204 || response.status === 205 || (length === '0' && !response.headers.get('Transfer-Encoding'))) return undefined;
  const type = (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (response.ok && FILE_TYPES.test(type)) return response.blob();
  const text = await response.text();
  if (!text) return undefined;
  if (JSON_TYPE.test(type)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      if (response.ok) throw new UnreadableAnswer('a body that is not JSON');
      return text;
    }
  }
  if (response.ok) throw new UnreadableAnswer(`a body of type ${type || 'unknown'}, not JSON`);
  return text;
}
