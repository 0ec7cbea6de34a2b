/// <reference types="node" />
// The contract probe: a property-based tester (fast-check) that sends every operation of the contract requests
// generated from its parameter and body schemas, valid ones and hostile ones (wrong types, missing required
// properties, extra properties, huge and empty strings, NUL and lone surrogates, unicode, numbers at and past
// their bounds, malformed JSON and percent-encoding, a wrong Content-Type, a wrong method, a missing or wrong
// X-CSRF-Token or Origin, path parameters that are not ids or belong to nobody), signed out and signed in, and
// asserts of every answer: no 5xx; a status the operation lists (or 405 for a method the path lacks, 413 and 429
// which any operation may answer); a body valid against that status's schema; problems in application/problem+json
// with a code of the contract; and a refusal (4xx) for every request the contract says must be refused.
// A failing property is shrunk to a small request and reported with the seed that replays it.
//
// What it leaves out, so that the suite's own accounts keep working (see README.md):
// - signed in, `logout` is not sent (it would end the session the probe runs in; `session.logout` checks it);
// - signed in, every state-changing personal operation but `refreshSession` (password change, contact change,
//   address, consents, notification preferences, account removal request, payments, readings, tickets, tariff
//   changes, marking a message read) is sent only requests the contract says must be refused (invalid, or with a
//   wrong X-CSRF-Token or a foreign Origin), so nothing changes on the account when the server keeps the contract;
// - identifiers in generated bodies are never the suite's accounts (e-mail addresses are on example.com/.org/.net),
//   so no account is locked or mailed.
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { JsonObject, Operation } from './contract.js';
import { asArray, asString, get, isObject } from './contract.js';
import type { Client, Exchange } from './http.js';
import { acceptFor, readAnswer } from './http.js';
import type { SchemaArbitraries } from './probe-arbitraries.js';
import { anyString, forbiddenText, hostile, hostileObject, malformedJson, valid } from './probe-arbitraries.js';
import { fail, skip, type Suite } from './suite.js';

export interface ProbeOptions {
  /** Generated requests per operation, signed out and again signed in (default DEFAULT_PROBE_RUNS; 0: no probe). */
  runs?: number;
  /** The seed of the generators (default: random, printed with every counterexample). */
  seed?: number;
  /** Only these operation ids (to replay one counterexample). */
  only?: readonly string[];
}

export const DEFAULT_PROBE_RUNS = 40;
const G = 'Contract probe';
/** The check ids (one per operation and mode), for the self-test's list of checks that must run. */
export const PROBE_CHECK_PATTERNS = ['probe.signedOut.*', 'probe.signedIn.*'] as const;

/** Personal operations that answer a visitor without a session with success (204), as the contract says. */
const SIGNED_OUT_ANSWERED = new Set(['getSession', 'logout']);

/** A parameter value: text to percent-encode, or bytes already encoded (malformed on purpose). */
type ParamValue = { text: string } | { raw: string };
interface Part {
  name: string;
  value: string;
  filename?: string;
  type?: string;
}
type Body =
  | { kind: 'json'; value: unknown; contentType?: string | null }
  | { kind: 'text'; text: string; contentType?: string | null }
  | { kind: 'multipart'; parts: Part[]; contentType?: string | null };

/** One generated request. `contentType` undefined: the right one for the body; null: none. */
interface ProbeRequest {
  method: string;
  params: Record<string, ParamValue>;
  query: [string, ParamValue][];
  acceptLanguage?: string;
  /** 'fresh': a new UUID at every send. */
  idempotencyKey?: string;
  body?: Body;
  csrf: 'session' | 'none' | 'wrong';
  /** Signed out: a Cookie header of its own (a session id nobody has, or junk). */
  cookie?: string;
  /** An Authorization header (a bearer token nobody issued, another scheme, junk). */
  authorization?: string;
  origin: 'own' | 'foreign' | 'none';
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const MALFORMED_ENCODINGS = ['%', '%zz', '%ED%A0%80', '%FF', '%C0%AF', 'a%2Fb', '%00', '%E2%82'];
const FOREIGN_ORIGIN = 'https://evil.example';
/** Longest generated path or query value: request lines stay under common server limits (8 KiB). */
const URL_TEXT_MAX = 2000;

/** Percent-encodes text; a lone surrogate becomes its (invalid) three UTF-8-like bytes, as a careless client sends. */
function encode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += `%${(0xe0 | (unit >> 12)).toString(16).toUpperCase()}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (unit & 0x3f)).toString(16).toUpperCase()}`;
    } else {
      out += encodeURIComponent(text[i]!).replace(/\./g, '%2E');
    }
  }
  return out;
}
const encoded = (value: ParamValue): string => ('raw' in value ? value.raw : encode(value.text));
/** Text for a report: runs of one character counted (`[×3000`), then cut to `length`. */
function clip(text: string, length = 160): string {
  const short = text.replace(/(.)\1{15,}/gsu, (run, char: string) => `${char}×${run.length / char.length}`);
  return short.length > length ? `${short.slice(0, length)}… (${text.length} chars)` : short;
}

/** The request line and what matters of its headers and body, for a report. */
function describeRequest(op: Operation, request: ProbeRequest): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encoded(request.params[name] ?? { text: '' }));
  const query = request.query.map(([name, value]) => `${name}=${encoded(value)}`).join('&');
  const parts = [`${request.method} ${clip(path + (query ? `?${query}` : ''), 300)}`];
  if (request.acceptLanguage !== undefined) parts.push(`Accept-Language: ${JSON.stringify(clip(request.acceptLanguage, 60))}`);
  if (request.idempotencyKey !== undefined) parts.push(`Idempotency-Key: ${request.idempotencyKey === 'fresh' ? '<a new UUID>' : JSON.stringify(request.idempotencyKey)}`);
  if (request.csrf !== 'session') parts.push(`X-CSRF-Token: ${request.csrf}`);
  if (request.origin !== 'own') parts.push(`Origin: ${request.origin === 'foreign' ? FOREIGN_ORIGIN : 'none'}`);
  if (request.cookie !== undefined) parts.push(`Cookie: ${JSON.stringify(clip(request.cookie, 80))}`);
  if (request.authorization !== undefined) parts.push(`Authorization: ${JSON.stringify(clip(request.authorization, 80))}`);
  const body = request.body;
  if (body) {
    const type = body.contentType === null ? 'no Content-Type' : `Content-Type: ${body.contentType ?? (body.kind === 'multipart' ? 'multipart/form-data' : 'application/json')}`;
    const text = body.kind === 'json' ? jsonText(body.value) : body.kind === 'text' ? JSON.stringify(body.text) : body.parts.map((p) => `${p.name}=${JSON.stringify(clip(p.value, 80))}`).join(', ');
    parts.push(`${type}, body ${clip(text, 400)}`);
  }
  return parts.join('; ');
}
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** What the probe lends from the suite, and what it learned of the customer's data (ids, cursors). */
interface ProbeContext extends SchemaArbitraries {
  suite: Suite;
  /** Methods of each path of the contract. */
  methods: Map<string, string[]>;
}

/** Schema of a query or path parameter, and whether it is required. */
function parametersOf(ctx: ProbeContext, op: Operation, where: 'path' | 'query' | 'header'): { name: string; schema: JsonObject; required: boolean }[] {
  return asArray(op.definition.parameters)
    .map((p) => ctx.contract.deref(p))
    .filter((p) => p.in === where)
    .map((p) => ({ name: String(p.name), schema: ctx.contract.deref(p.schema), required: p.required === true }));
}

function bodyOf(ctx: ProbeContext, op: Operation): { type: string; schema: JsonObject; encoding: JsonObject } | undefined {
  if (!op.definition.requestBody) return undefined;
  const content = ctx.contract.deref(op.definition.requestBody).content;
  if (!isObject(content)) return undefined;
  const [type, media] = Object.entries(content)[0] ?? [];
  if (!type || !isObject(media)) return undefined;
  return { type, schema: ctx.contract.deref(media.schema), encoding: isObject(media.encoding) ? media.encoding : {} };
}

const text = (arbitrary: Arbitrary<unknown>): Arbitrary<ParamValue> => arbitrary.map((value) => ({ text: typeof value === 'string' ? value : String(value) }));
/** Path segments that a URL parser would resolve (`.`, `..`) or drop (empty) address another route: never sent. */
const routable = (value: ParamValue): boolean => !('text' in value) || !['', '.', '..'].includes(value.text);

/** A path parameter: an id of the customer's, one like it that belongs to nobody, or one valid by its schema. */
function pathValue(ctx: ProbeContext, name: string, schema: JsonObject): Arbitrary<ParamValue> {
  return text(valid(ctx, schema, name)).filter(routable);
}
/** A path parameter that is not an id: any text, huge or unicode, or malformed percent-encoding. */
function hostilePathValue(): Arbitrary<ParamValue> {
  return fc.oneof({ weight: 3, arbitrary: text(anyString(URL_TEXT_MAX)) }, { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_ENCODINGS).map((raw) => ({ raw })) }).filter(routable);
}

/** One query parameter's entries: a valid value (repeated for arrays), a hostile one, or malformed encoding. */
function queryEntries(ctx: ProbeContext, name: string, schema: JsonObject, bad: boolean): Arbitrary<[string, ParamValue][]> {
  const one = (value: unknown): [string, ParamValue][] =>
    Array.isArray(value) ? value.map((item) => [name, { text: String(item) }]) : [[name, { text: typeof value === 'string' ? value : jsonText(value) }]];
  if (!bad) return valid(ctx, schema, name).map(one);
  return fc.oneof(
    { weight: 3, arbitrary: hostile(ctx, schema).map((value) => one(typeof value === 'string' && value.length > URL_TEXT_MAX ? value.slice(0, URL_TEXT_MAX) : value)) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_ENCODINGS).map((raw): [string, ParamValue][] => [[name, { raw }]]) },
  );
}

/** A file part: a small real PNG or PDF, or bytes that are neither whatever they claim. */
const filePart = (name: string): Arbitrary<Part> =>
  fc.constantFrom<Part>(
    { name, value: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', filename: 'licznik.png', type: 'image/png' },
    { name, value: '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', filename: 'faktura.pdf', type: 'application/pdf' },
    { name, value: 'MZ\u0090\u0000 not an image', filename: 'zdjecie.jpg', type: 'image/jpeg' },
    { name, value: '<svg onload=alert(1)>', filename: '../../\u202egpj.svg', type: 'image/svg+xml' },
  );

/** A multipart body from a form schema: every property one part (JSON ones as JSON text, binary ones as files). */
function multipartBody(ctx: ProbeContext, schema: JsonObject, encoding: JsonObject): Arbitrary<Body> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(asArray(schema.required).map(String));
  const fields = Object.entries(properties).map(([name, raw]) => {
    const property = ctx.contract.deref(raw);
    const isJson = asString(get(encoding, name, 'contentType')) === 'application/json';
    const binary = property.format === 'binary' || ctx.contract.deref(property.items).format === 'binary';
    const part: Arbitrary<Part[]> = binary
      ? fc.array(filePart(name), { maxLength: 2 })
      : isJson
        ? fc.oneof(valid(ctx, property, name).map(jsonText), hostileObject(ctx, property).map(jsonText), malformedJson).map((value) => [{ name, value, type: 'application/json' }])
        : fc.oneof(valid(ctx, property, name), hostile(ctx, property)).map((value) => [{ name, value: typeof value === 'string' ? value : jsonText(value) }]);
    return required.has(name) ? fc.oneof({ weight: 6, arbitrary: part }, { weight: 1, arbitrary: fc.constant<Part[]>([]) }) : fc.option(part, { nil: [] as Part[] });
  });
  return fc.tuple(...fields).map((lists): Body => ({ kind: 'multipart', parts: lists.flat() }));
}

/** The body of a request: one the schema accepts (`bad` false), or a hostile, malformed or mistyped one, or none. */
function bodyArbitrary(ctx: ProbeContext, op: Operation, bad: boolean): Arbitrary<Body | undefined> {
  const declared = bodyOf(ctx, op);
  if (!declared) {
    if (op.method === 'GET' || !bad) return fc.constant(undefined);
    return fc.oneof(fc.constant<Body>({ kind: 'json', value: {} }), malformedJson.map((t): Body => ({ kind: 'text', text: t })));
  }
  const wrongType = fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/json', 'image/png', null);
  if (declared.type === 'multipart/form-data') {
    const form = multipartBody(ctx, declared.schema, declared.encoding);
    if (!bad) return form;
    return fc.oneof(
      { weight: 3, arbitrary: form },
      { weight: 1, arbitrary: valid(ctx, declared.schema).map((value): Body => ({ kind: 'json', value })) },
      { weight: 1, arbitrary: fc.tuple(form, wrongType).map(([body, contentType]): Body => ({ ...body, contentType })) },
      { weight: 1, arbitrary: fc.constantFrom('', '--x\r\n', 'garbage').map((t): Body => ({ kind: 'text', text: t, contentType: 'multipart/form-data' })) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }
  if (!bad) return valid(ctx, declared.schema).map((value): Body => ({ kind: 'json', value }));
  return fc.oneof(
    { weight: 6, arbitrary: hostileObject(ctx, declared.schema).map((value): Body => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: malformedJson.map((t): Body => ({ kind: 'text', text: t })) },
    { weight: 1, arbitrary: fc.tuple(valid(ctx, declared.schema), wrongType.filter((t) => t !== 'application/json')).map(([value, contentType]): Body => ({ kind: 'json', value, contentType })) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** What one request breaks on purpose: nothing, or one part of it (so that an answer says what it answers). */
const FOCUS = ['none', 'none', 'none', 'path', 'query', 'body', 'body', 'headers', 'session', 'method'] as const;
type Focus = (typeof FOCUS)[number];

/**
 * The requests of one operation: `arbitrary` draws a focus (nothing broken, or one part of the request) and then
 * the request; `examples` holds one request of each focus, drawn from `seed`, plus one whose path parameters are
 * an encoded path and an id one character too long, sent first so that every operation meets each class of input
 * however few the runs.
 */
function requestArbitrary(ctx: ProbeContext, op: Operation, signedIn: boolean, seed: number): { arbitrary: Arbitrary<ProbeRequest>; examples: ProbeRequest[] } {
  const pathParams = parametersOf(ctx, op, 'path');
  const queryParams = parametersOf(ctx, op, 'query');
  const headers = parametersOf(ctx, op, 'header').map((p) => p.name.toLowerCase());
  const stateChanging = op.method !== 'GET';
  const own = ctx.methods.get(op.path) ?? [op.method];
  const others = METHODS.filter((m) => !own.includes(m));
  const focuses = FOCUS.filter(
    (focus) =>
      (focus !== 'path' || pathParams.length > 0) &&
      (focus !== 'query' || queryParams.length > 0) &&
      (focus !== 'body' || stateChanging) &&
      (focus !== 'session' || stateChanging) &&
      (focus !== 'method' || others.length > 0),
  );
  const build = (focus: Focus): Arbitrary<ProbeRequest> => {
    const params: Record<string, Arbitrary<ParamValue>> = {};
    for (const p of pathParams) params[p.name] = focus === 'path' ? fc.oneof(pathValue(ctx, p.name, p.schema), hostilePathValue()) : pathValue(ctx, p.name, p.schema);
    const query = queryParams.map((p) =>
      focus === 'query' ? fc.oneof(queryEntries(ctx, p.name, p.schema, false), queryEntries(ctx, p.name, p.schema, true), fc.constant<[string, ParamValue][]>([])) : fc.option(queryEntries(ctx, p.name, p.schema, false), { nil: [] as [string, ParamValue][], freq: 2 }),
    );
    const fresh = op.requiresIdempotencyKey ? fc.constant<string | undefined>('fresh') : headers.includes('idempotency-key') ? fc.option(fc.constant('fresh'), { nil: undefined }) : fc.constant(undefined);
    const key = focus === 'headers' && headers.includes('idempotency-key') ? fc.oneof(fresh, fc.constantFrom<string | undefined>(undefined, 'short', 'has a space in it', 'caf\u00e9-caf\u00e9', 'k'.repeat(129), '')) : fresh;
    const language = fc.option(
      focus === 'headers' ? fc.constantFrom('', ';;;', 'pl;q=2', 'caf\u00e9', 'x'.repeat(201), 'en-'.repeat(80), '*', 'de-DE') : fc.constantFrom('pl', 'en', 'en-US,en;q=0.9', 'pl;q=0.5, en;q=0.9'),
      { nil: undefined, freq: 3 },
    );
    const csrf = focus === 'session' && signedIn ? fc.constantFrom<ProbeRequest['csrf']>('none', 'wrong', 'session') : fc.constant<ProbeRequest['csrf']>('session');
    const origin = focus === 'session' ? fc.constantFrom<ProbeRequest['origin']>('foreign', 'none', 'own') : fc.constant<ProbeRequest['origin']>('own');
    const method = focus === 'method' ? fc.constantFrom(...others) : fc.constant(op.method);
    const cookie = focus === 'headers' && !signedIn ? fc.option(fc.constantFrom(`ebok_session=${'s'.repeat(43)}`, `ebok_session=${'s'.repeat(5000)}`, 'ebok_session=', 'ebok_session=%00%ff', 'ebok_session="quoted"; ebok_session=two', 'ebok_session=caf\u00e9', '=;;=;'), { nil: undefined }) : fc.constant(undefined);
    const authorization = focus === 'headers' ? fc.option(fc.constantFrom('Bearer ', `Bearer ${'t'.repeat(40)}`, `Bearer ${'t'.repeat(5000)}`, 'Basic dXNlcjpwYXNz', 'bearer\u00e9', 'Negotiate', ''), { nil: undefined, freq: 3 }) : fc.constant(undefined);
    return fc
      .record({ method, params: fc.record(params), query: fc.tuple(...query).map((lists) => lists.flat()), acceptLanguage: language, idempotencyKey: key, body: bodyArbitrary(ctx, op, focus === 'body'), csrf, origin, cookie, authorization })
      .map((r) => {
        const request: ProbeRequest = { method: r.method, params: r.params, query: r.query, csrf: r.csrf, origin: r.origin };
        if (r.acceptLanguage !== undefined) request.acceptLanguage = r.acceptLanguage;
        if (r.idempotencyKey !== undefined) request.idempotencyKey = r.idempotencyKey;
        if (r.cookie !== undefined) request.cookie = r.cookie;
        if (r.authorization !== undefined) request.authorization = r.authorization;
        // No body on a GET (fetch cannot send one), and none on a method swapped to GET.
        if (r.body !== undefined && r.method !== 'GET') request.body = r.body;
        return request;
      });
  };
  const examples = [...new Set(focuses)].map((focus, i) => fc.sample(build(focus), { seed: seed + i, numRuns: 1 })[0]!);
  const plain = examples[0];
  if (plain && pathParams.length) {
    examples.push({ ...plain, params: Object.fromEntries(pathParams.map((p, i) => [p.name, { text: i % 2 ? 'i'.repeat(65) : '../../etc/passwd' }])) });
  }
  return { arbitrary: fc.oneof(...focuses.map((focus) => build(focus))), examples };
}

/** A query value as the server would read it against its schema (numbers and booleans from their text). */
function coerce(schema: JsonObject, value: string): unknown {
  const type = schema.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** Why the contract says the server must refuse this request (any 4xx), or nothing when it may accept it. */
function refusals(ctx: ProbeContext, op: Operation, request: ProbeRequest, signedIn: boolean): string[] {
  const reasons: string[] = [];
  const contract = ctx.contract;
  if (!signedIn && !op.isPublic && !SIGNED_OUT_ANSWERED.has(op.id)) reasons.push('no session on a personal operation');
  if (request.method !== op.method) return reasons;
  for (const p of parametersOf(ctx, op, 'path')) {
    const value = request.params[p.name];
    if (!value) continue;
    if ('raw' in value) {
      let decoded: string | undefined;
      try {
        decoded = decodeURIComponent(value.raw);
      } catch {
        reasons.push(`path parameter ${p.name} is not valid percent-encoded UTF-8`);
        continue;
      }
      if (contract.validate(p.schema, decoded, `probe path ${op.id} ${p.name}`).length || forbiddenText(decoded)) reasons.push(`path parameter ${p.name} breaks its schema`);
    } else if (contract.validate(p.schema, value.text, `probe path ${op.id} ${p.name}`).length || forbiddenText(value.text)) {
      reasons.push(`path parameter ${p.name} breaks its schema`);
    }
  }
  for (const p of parametersOf(ctx, op, 'query')) {
    const entries = request.query.filter(([name, value]) => name === p.name && 'text' in value).map(([, value]) => (value as { text: string }).text);
    if (!entries.length) continue;
    const isArray = p.schema.type === 'array';
    const items = isArray ? contract.deref(p.schema.items) : p.schema;
    const value = isArray ? entries.map((entry) => coerce(items, entry)) : coerce(p.schema, entries[0]!);
    if (contract.validate(p.schema, value, `probe query ${op.id} ${p.name}`).length || forbiddenText(value)) reasons.push(`query parameter ${p.name} breaks its schema`);
  }
  if (request.acceptLanguage !== undefined && request.acceptLanguage.length > 200) reasons.push('Accept-Language is over its maxLength');
  const keySchema = parametersOf(ctx, op, 'header').find((p) => p.name.toLowerCase() === 'idempotency-key');
  if (op.requiresIdempotencyKey && request.idempotencyKey === undefined) reasons.push('the required Idempotency-Key is missing');
  if (keySchema && request.idempotencyKey !== undefined && request.idempotencyKey !== 'fresh' && contract.validate(keySchema.schema, request.idempotencyKey, 'probe idempotency-key').length) reasons.push('the Idempotency-Key breaks its schema');
  if (signedIn && !op.isPublic && op.method !== 'GET' && request.csrf !== 'session') reasons.push(`X-CSRF-Token ${request.csrf}`);
  if (op.method !== 'GET' && request.origin === 'foreign') reasons.push('a foreign Origin');
  const declared = bodyOf(ctx, op);
  if (declared) reasons.push(...bodyRefusals(ctx, op, declared, request.body));
  return reasons;
}

function bodyRefusals(ctx: ProbeContext, op: Operation, declared: NonNullable<ReturnType<typeof bodyOf>>, body: Body | undefined): string[] {
  if (!body) return ['the required body is missing'];
  const contentType = body.contentType === undefined ? (body.kind === 'multipart' ? 'multipart/form-data' : 'application/json') : body.contentType;
  if (contentType === null || contentType.split(';')[0]!.trim() !== declared.type) return [`Content-Type ${String(contentType)} instead of ${declared.type}`];
  if (declared.type === 'multipart/form-data') {
    if (body.kind !== 'multipart') return ['the body is not multipart'];
    const reasons: string[] = [];
    const properties = isObject(declared.schema.properties) ? declared.schema.properties : {};
    for (const name of asArray(declared.schema.required).map(String)) if (!body.parts.some((p) => p.name === name)) reasons.push(`the required part ${name} is missing`);
    for (const part of body.parts) {
      const property = ctx.contract.deref(properties[part.name]);
      if (property.format === 'binary' || ctx.contract.deref(property.items).format === 'binary') continue;
      // Sent as UTF-8 text, where a lone surrogate cannot be: it arrives as U+FFFD.
      let value: unknown = asUtf8(part.value);
      if (part.type === 'application/json') {
        try {
          value = JSON.parse(part.value) as unknown;
        } catch {
          reasons.push(`part ${part.name} is not JSON`);
          continue;
        }
      }
      if (ctx.contract.validate(property, value, `probe part ${op.id} ${part.name}`).length || forbiddenText(value)) reasons.push(`part ${part.name} breaks its schema`);
    }
    return reasons;
  }
  let value: unknown;
  if (body.kind === 'text') {
    try {
      value = JSON.parse(asUtf8(body.text)) as unknown;
    } catch {
      return ['the body is not JSON'];
    }
  } else if (body.kind === 'json') {
    value = body.value;
  } else {
    return ['the body is not JSON'];
  }
  const errors = ctx.contract.validate(declared.schema, value, `probe body ${op.id}`);
  if (errors.length) return [`the body breaks its schema (${errors[0]})`];
  if (forbiddenText(value)) return ['the body holds a NUL character or a lone surrogate'];
  return [];
}

/** Text as it arrives after UTF-8 encoding: each lone surrogate replaced by U+FFFD. */
const asUtf8 = (value: string): string => new TextDecoder().decode(new TextEncoder().encode(value));

function multipartText(parts: readonly Part[], boundary: string): string {
  const lines: string[] = [];
  for (const part of parts) {
    lines.push(`--${boundary}`, `Content-Disposition: form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`);
    if (part.type) lines.push(`Content-Type: ${part.type}`);
    lines.push('', part.value);
  }
  lines.push(`--${boundary}--`, '');
  return lines.join('\r\n');
}

/** Sends one request as `client` (its cookies and CSRF token; nothing it answers is kept). */
async function send(ctx: ProbeContext, op: Operation, request: ProbeRequest, client: Client | undefined): Promise<Exchange> {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encoded(request.params[name] ?? { text: 'x' }));
  const query = request.query.map(([name, value]) => `${encodeURIComponent(name)}=${encoded(value)}`).join('&');
  const url = `${ctx.suite.ctx.baseUrl}${path}${query ? `?${query}` : ''}`;
  const headers = new Headers({ accept: acceptFor(ctx.contract, op) });
  if (request.origin === 'own') headers.set('origin', ctx.origin);
  if (request.origin === 'foreign') headers.set('origin', FOREIGN_ORIGIN);
  if (client?.cookies.size) headers.set('cookie', [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
  if (request.cookie !== undefined) headers.set('cookie', request.cookie);
  if (request.authorization !== undefined) headers.set('authorization', request.authorization);
  if (client?.csrfToken && request.method !== 'GET') {
    if (request.csrf === 'session') headers.set('x-csrf-token', client.csrfToken);
    if (request.csrf === 'wrong') headers.set('x-csrf-token', randomBytes(Math.ceil((client.csrfToken.length * 3) / 4)).toString('base64url').slice(0, client.csrfToken.length));
  }
  if (request.acceptLanguage !== undefined) headers.set('accept-language', request.acceptLanguage);
  if (request.idempotencyKey !== undefined) headers.set('idempotency-key', request.idempotencyKey === 'fresh' ? randomUUID() : request.idempotencyKey);
  let payload: string | undefined;
  const body = request.body;
  if (body) {
    const boundary = `probe${randomUUID().replace(/-/g, '')}`;
    payload = body.kind === 'json' ? jsonText(body.value) : body.kind === 'text' ? body.text : multipartText(body.parts, boundary);
    const type = body.contentType === undefined ? (body.kind === 'multipart' ? `multipart/form-data; boundary=${boundary}` : 'application/json') : body.contentType;
    if (type !== null) headers.set('content-type', type === 'multipart/form-data' && body.kind === 'multipart' ? `${type}; boundary=${boundary}` : type);
  }
  const started = performance.now();
  const response = await fetch(url, { method: request.method, headers, body: payload, redirect: 'manual', signal: AbortSignal.timeout(ctx.suite.ctx.timeoutMs) });
  const answer = await readAnswer(response);
  return { seq: 0, operationId: op.id, method: request.method, path, url, status: response.status, headers: response.headers, ...answer, ms: performance.now() - started, client: client?.label ?? 'probe' };
}

/** Statuses any operation may answer, the contract says (Errors, Rate limiting): 429, and 413 with a body. */
function globalStatus(status: number, request: ProbeRequest): boolean {
  return status === 429 || (status === 413 && request.body !== undefined);
}

/** Everything wrong with an answer to a request; empty when it keeps the contract. */
function violations(ctx: ProbeContext, op: Operation, request: ProbeRequest, exchange: Exchange, refused: readonly string[]): string[] {
  const found: string[] = [];
  const suite = ctx.suite;
  if (exchange.status >= 500) found.push(`a server error (HTTP ${exchange.status})`);
  if (request.method !== op.method) {
    // A method the path does not have: 405 with Allow naming the path's methods.
    if (exchange.status !== 405 && exchange.status !== 429) found.push(`HTTP ${exchange.status} for a method ${op.path} does not have, not 405`);
    if (exchange.status === 405) {
      const allow = (exchange.headers.get('allow') ?? '').split(',').map((m) => m.trim().toUpperCase()).filter(Boolean);
      const own = ctx.methods.get(op.path) ?? [];
      if (!own.every((m) => allow.includes(m)) || allow.includes(request.method)) found.push(`Allow is ${JSON.stringify(exchange.headers.get('allow'))}, the path has ${own.join(', ')}`);
    }
    if (exchange.status >= 400) {
      const problem = suite.problemViolation(exchange);
      if (problem) found.push(problem);
    }
    return found;
  }
  const listed = ctx.contract.response(op, exchange.status) !== undefined;
  if (listed) found.push(...suite.validateExchange(exchange));
  else if (!globalStatus(exchange.status, request)) found.push(`HTTP ${exchange.status} is not listed (listed: ${ctx.contract.listedStatuses(op).join(', ')})`);
  if (exchange.status >= 400) {
    const problem = suite.problemViolation(exchange);
    if (problem && !found.includes(problem)) found.push(problem);
  }
  if (refused.length && exchange.status < 400) found.push(`HTTP ${exchange.status} accepts a request the contract says must be refused: ${refused.join('; ')}`);
  return found;
}

/** Operations whose accepted requests change the account (every state-changing personal one but refreshSession). */
const changesAccount = (op: Operation): boolean => !op.isPublic && op.method !== 'GET' && op.id !== 'refreshSession';
/** Not sent signed in at all: it would end the probe's own session. */
const SIGNED_IN_EXCLUDED = new Set(['logout']);

/** Ids and cursors of the customer's own data, read from their lists: realistic path and query values. */
async function learn(client: Client, known: Map<string, string[]>): Promise<void> {
  const add = (name: string, value: unknown): void => {
    if (typeof value !== 'string' || !value) return;
    const list = known.get(name) ?? [];
    // The real id, and one like it that belongs to nobody.
    list.push(value, `${value.slice(0, -1)}${value.endsWith('9') ? '8' : '9'}`);
    known.set(name, [...new Set(list)].slice(0, 40));
  };
  const read = async (operationId: string, init: Parameters<Client['call']>[1] = {}): Promise<unknown> => {
    try {
      const exchange = await client.clone('probe-learn').call(operationId, init);
      return exchange.status === 200 ? exchange.json : undefined;
    } catch {
      return undefined;
    }
  };
  const lists: [string, string, Record<string, string | number>][] = [
    ['listPoints', 'pointId', { limit: 100 }],
    ['listContracts', 'contractId', { limit: 100 }],
    ['listDocuments', 'documentId', { limit: 100 }],
    ['listPayments', 'paymentId', { limit: 100 }],
    ['listTickets', 'ticketId', { limit: 20 }],
    ['listMessages', 'messageId', { limit: 100 }],
    ['listTicketCategories', 'categoryId', {}],
  ];
  for (const [operationId, name, query] of lists) {
    const page = await read(operationId, { query });
    for (const item of asArray(get(page, 'items'))) add(name, get(item, 'id'));
    add('cursor', get(page, 'nextCursor'));
    if (operationId === 'listDocuments') for (const item of asArray(get(page, 'items'))) add('documentIds', get(item, 'id'));
  }
  const contractId = (known.get('contractId') ?? [])[0];
  if (contractId) for (const item of asArray(get(await read('getContract', { params: { contractId } }), 'documents'))) add('documentId', get(item, 'id'));
  for (const ticketId of (known.get('ticketId') ?? []).filter((_, i) => i % 2 === 0).slice(0, 3)) {
    for (const attachment of asArray(get(await read('getTicket', { params: { ticketId } }), 'attachments'))) add('attachmentId', get(attachment, 'id'));
  }
}

/** Runs one property: `runs` requests to `op`, shrinking the first that breaks the contract. */
async function probeOperation(ctx: ProbeContext, op: Operation, signedIn: Client | undefined, runs: number, seed: number): Promise<{ sent: number; failure?: string }> {
  let sent = 0;
  const mode = signedIn ? 'signedIn' : 'signedOut';
  const onlyRefused = signedIn !== undefined && changesAccount(op);
  const { arbitrary, examples } = requestArbitrary(ctx, op, signedIn !== undefined, seed);
  const property = fc.asyncProperty(fc.limitShrink(arbitrary, 400), async (request) => {
    const refused = refusals(ctx, op, request, signedIn !== undefined);
    if (onlyRefused && !refused.length) {
      // A request the server may accept would change the account: send it with a wrong CSRF token instead.
      request = { ...request, csrf: 'wrong' };
      refused.push('X-CSRF-Token wrong');
    }
    sent++;
    let exchange: Exchange;
    try {
      exchange = await send(ctx, op, request, signedIn);
    } catch (error) {
      const cause = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
      throw new Error(`${describeRequest(op, request)} → no answer: ${cause}`);
    }
    const found = violations(ctx, op, request, exchange, refused);
    if (found.length) {
      const code = asString(get(exchange.json, 'code'));
      throw new Error(`${describeRequest(op, request)} → HTTP ${exchange.status}${code ? ` ${code}` : ''} ${clip(exchange.text, 300)}: ${found.join('; ')}`);
    }
  });
  const details = await fc.check(property, { numRuns: runs + examples.length, seed, examples: examples.map((example): [ProbeRequest] => [example]), plugins: [fc.interruptAfterTimeLimit(Math.max(20_000, runs * 2_000))] });
  if (!details.failed) return { sent };
  const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return {
    sent,
    failure: `${message} [shrunk ${details.numShrinks} time(s); replay: --probe-seed ${seed} --probe-only ${op.id} (${mode}, fast-check path ${details.counterexamplePath ?? '?'})]`,
  };
}

/**
 * Signs the probe in, in a session of its own, early in the run: later checks (enumeration, lockout) send wrong
 * passwords for the login and may lock it for a while. Answers the session, or undefined (the probe then runs
 * signed out only, and `probe.signIn` says why).
 */
export async function probeSignIn(suite: Suite, options: ProbeOptions, login: { identifier: string; password: string }): Promise<Client | undefined> {
  if ((options.runs ?? DEFAULT_PROBE_RUNS) <= 0) return undefined;
  let client: Client | undefined;
  await suite.check(G, 'probe.signIn', `the probe signs in as ${login.identifier} in a session of its own, before the checks that may lock the login`, async () => {
    const result = await suite.signIn('probe', login.identifier, login.password);
    if (result.exchange.status === 429) skip(`the sign-in is throttled by earlier attempts from this client (Retry-After ${result.exchange.headers.get('retry-after') ?? '?'} s): the probe runs signed out only`);
    suite.expectSignedIn(result.exchange, result.client, 'sign-in');
    client = result.client;
  });
  return client;
}

export async function probeChecks(suite: Suite, options: ProbeOptions, signedIn: Client | undefined, login?: { identifier: string; password: string }): Promise<void> {
  const runs = options.runs ?? DEFAULT_PROBE_RUNS;
  if (runs <= 0) return;
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const contract = suite.contract;
  const methods = new Map<string, string[]>();
  for (const op of contract.operations.values()) methods.set(op.path, [...(methods.get(op.path) ?? []), op.method]);
  const known = new Map<string, string[]>();
  const ctx: ProbeContext = { contract, origin: suite.origin, known, suite, methods };
  const operations = [...contract.operations.values()].filter((op) => !options.only?.length || options.only.includes(op.id));

  // Signed in first (before the signed-out half fills the throttles of this client).
  let client: Client | undefined;
  await suite.check(G, 'probe.start', `the probe starts (seed ${seed}, ${runs} random request(s) per operation and mode after one of each class)`, async () => {
    if (!signedIn) return 'signed out only: no session (see probe.signIn, or no --login given)';
    let how = 'in the session opened early';
    client = signedIn;
    const alive = await signedIn.clone('probe-start').call('getSession');
    if (alive.status !== 200) {
      // A password reset or change of the login (the single-use token checks) rightly ends its other sessions.
      const again = login ? await suite.signIn('probe-again', login.identifier, login.password) : undefined;
      if (!again || again.exchange.status !== 200 || get(again.exchange.json, 'status') !== 'signed_in') {
        client = undefined;
        skip(`the probe's early session ended (GET /auth/session: HTTP ${alive.status}) and signing in again answered HTTP ${again?.exchange.status ?? '–'}: the probe runs signed out only`);
      }
      client = again.client;
      how = 'in a new session (the early one ended, as a password reset of the login ends the other sessions)';
    }
    await learn(client, known);
    return `${how}; learned ${[...known.values()].reduce((n, list) => n + list.length, 0)} ids and cursors of the customer's own data`;
  });
  const modes: [string, Client | undefined][] = client ? [['signedIn', client], ['signedOut', undefined]] : [['signedOut', undefined]];
  for (const [mode, session] of modes) {
    for (const op of operations) {
      if (session && SIGNED_IN_EXCLUDED.has(op.id)) continue;
      const how = session ? (changesAccount(op) ? 'signed in, only requests it must refuse' : 'signed in') : 'signed out';
      await suite.check(G, `probe.${mode}.${op.id}`, `${op.id} (${op.method} ${op.path}), ${how}: generated requests keep the contract`, async () => {
        const started = Date.now();
        const result = await probeOperation(ctx, op, session, runs, seed);
        if (result.failure) fail(result.failure);
        return `${result.sent} request(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`;
      });
    }
  }
  if (client) {
    const probeClient = client;
    await suite.check(G, 'probe.sessionKept', 'the probe’s session is still signed in at the end (nothing it sent ended it)', async () => {
      const exchange = await probeClient.clone('probe-end').call('getSession');
      if (exchange.status !== 200) fail(`GET /auth/session answered HTTP ${exchange.status}`, exchange);
    });
  }
}
