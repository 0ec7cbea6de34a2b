/**
 * Every example in the contract (src/api/openapi.yaml) is a value its schema and the reference server accept:
 * `npx tsx demo/server/examples-check.ts`.
 *
 * 1. Each `example` / `examples` of a parameter, header, request body or answer, and each `examples` of a
 *    schema, validates against its own schema (Ajv 2020, as the server validates).
 * 2. Each operation's examples are sent to a fresh reference server (signed in as a demo persona where the
 *    operation needs a session): its parameters' examples (the required ones always, each optional one in
 *    turn) with each of its body examples. No answer may refuse the example itself: no `400`, no `422
 *    validation_failed` / `password_policy_violation` whose fields say the value is malformed. Answers about
 *    the world (a wrong current password, a link that is not known, a closed reading window, `404`) are fine:
 *    an example cannot be a live token or today's reading.
 * 3. The either-or rules (`oneOf` of PESEL or NIP, customer number or PPE, current password or change token, SMS code or link token;
 *    `x-query-schema` of pointId or contractId; `anyOf` of e-mail or phone) answer `422 validation_failed` with `exactly_one_required` on
 *    the field the widgets show.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createServer } from './app.ts';
import { CONTRACT_PATH } from './contract.ts';
import { DEMO_PASSWORD } from './seed.ts';

type Json = Record<string, unknown>;
const BASE_ID = 'urn:ebok-widgets:openapi-examples';
const doc = parse(readFileSync(CONTRACT_PATH, 'utf8')) as Json;

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, discriminator: false });
addFormats(ajv);
ajv.addFormat('binary', true);
ajv.addFormat('password', true);
ajv.addSchema({ $id: BASE_ID, components: doc.components }, BASE_ID);

const pointer = (path: (string | number)[]): string => `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

function deref<T = Json>(node: unknown): T {
  let n = node as Json;
  while (n && typeof n.$ref === 'string') {
    let cur: unknown = doc;
    for (const part of n.$ref.replace(/^#\//, '').split('/')) cur = (cur as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    n = cur as Json;
  }
  return n as T;
}

/** A schema of the contract, with `#/...` references made absolute so Ajv resolves them in `components`. */
function absolute(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absolute);
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${BASE_ID}${v}` : absolute(v)]));
  }
  return node;
}

const validators = new Map<unknown, ReturnType<typeof ajv.compile>>();
function check(schema: unknown, value: unknown): string | null {
  let v = validators.get(schema);
  if (!v) {
    v = ajv.compile(absolute(schema) as Json);
    validators.set(schema, v);
  }
  return v(value) ? null : ajv.errorsText(v.errors, { dataVar: 'example' });
}

/** The named example values of a parameter, header or media type (`example`, or each of `examples`). */
function examplesOf(node: Json): [string, unknown][] {
  if (node.example !== undefined) return [['example', node.example]];
  return Object.entries((node.examples as Json | undefined) ?? {}).map(([name, e]) => [name, deref<Json>(e).value]);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Each example against its own schema
// ---------------------------------------------------------------------------------------------------------------

const problems: string[] = [];
let checked = 0;

function walk(node: unknown, path: (string | number)[]): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walk(n, [...path, i]));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Json;
  const last = path[path.length - 1];
  if (last === 'example' || last === 'examples' || last === 'value') return;
  if (n.schema && typeof n.schema === 'object' && (n.example !== undefined || n.examples)) {
    // A parameter, header or media type: its examples against its schema.
    for (const [name, value] of examplesOf(n)) {
      checked++;
      const error = check(n.schema, value);
      if (error) problems.push(`${pointer(path)} example ${name}: ${error}`);
    }
  } else if (Array.isArray(n.examples) || (n.example !== undefined && path.includes('schemas'))) {
    // A schema: its own examples.
    for (const value of Array.isArray(n.examples) ? n.examples : [n.example]) {
      checked++;
      const error = check(n, value);
      if (error) problems.push(`${pointer(path)} example ${JSON.stringify(value)}: ${error}`);
    }
  }
  for (const [k, v] of Object.entries(n)) walk(v, [...path, k]);
}
walk(doc.paths, ['paths']);
walk(doc.components, ['components']);
for (const p of problems) console.log(`FAIL ${p}`);
console.log(`${problems.length ? 'FAIL' : 'ok  '} ${checked} examples against their own schemas`);

// ---------------------------------------------------------------------------------------------------------------
// 2. Each operation's examples, sent to the reference server
// ---------------------------------------------------------------------------------------------------------------

/** Field codes that say the value itself is malformed (not that the world disagrees with it). */
const SHAPE_CODES = new Set(['required', 'invalid_format', 'invalid_checksum', 'too_short', 'too_long', 'too_many_items', 'not_allowed', 'exactly_one_required', 'must_be_true']);
const refusesShape = (code: string): boolean => SHAPE_CODES.has(code) || code.startsWith('password_');

/** Who sends an operation's examples: the persona whose data the contract's examples show. */
const PERSONA = 'energia@example.com';

interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema: Json;
  example?: unknown;
  examples?: Json;
}

const dir = mkdtempSync(join(tmpdir(), 'ebok-examples-'));
// The examples show a utility whose site is https://www.example-energia.pl (e.g. a payment's `returnUrl`):
// the server runs as that utility would run it, its site on the allowlist.
const server = await createServer({ port: 0, dataDir: dir, testHooks: true, allowedOrigins: ['https://www.example-energia.pl'] });
const api = `${server.url}/api/v1`;
let session: { cookie: string; csrf: string } | null = null;

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier: PERSONA, password: DEMO_PASSWORD }) });
  assert.equal(res.status, 200, `sign-in of ${PERSONA}`);
  const body = (await res.json()) as { session: { csrfToken: string } };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.session.csrfToken };
}

function formOf(value: Json, encoding: Json): FormData {
  const form = new FormData();
  for (const [name, v] of Object.entries(value)) {
    const { contentType } = deref<{ contentType?: string }>(encoding[name] ?? {});
    const type = contentType ?? '';
    for (const item of Array.isArray(v) && !type.includes('json') ? v : [v]) {
      if (type.includes('json')) form.append(name, new Blob([JSON.stringify(item)], { type: 'application/json' }), `${name}.json`);
      else form.append(name, typeof item === 'string' ? item : JSON.stringify(item));
    }
  }
  return form;
}

let keys = 0;
const exampleKeyUsed = new Set<string>();
async function send(method: string, path: string, params: Record<string, unknown>, paramList: Param[], body: { contentType: string; value: unknown; encoding: Json } | undefined, signedIn: boolean): Promise<{ status: number; body: Json }> {
  let url = `${api}${path}`;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const p of paramList) {
    if (params[p.name] === undefined) continue;
    const v = params[p.name] as string | number | boolean | (string | number)[];
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(v)));
    else if (p.in === 'query') for (const item of Array.isArray(v) ? v : [v]) query.append(p.name, String(item));
    else if (p.in === 'header') headers[p.name] = String(v);
  }
  // The example key once per scope (a key is the customer's or the client's, whatever the operation; sent
  // again with another request it is `idempotency_key_reuse`), then keys of its own.
  if (headers['Idempotency-Key'] !== undefined) {
    const scope = signedIn ? 'customer' : 'client';
    if (exampleKeyUsed.has(scope)) headers['Idempotency-Key'] = `examples-${process.pid}-${++keys}`;
    exampleKeyUsed.add(scope);
  }
  if (query.size) url += `?${query.toString()}`;
  if (signedIn) {
    session ??= await signIn();
    headers.Cookie = session.cookie;
    if (method !== 'get') headers['X-CSRF-Token'] = session.csrf;
  }
  let payload: string | FormData | undefined;
  if (body?.contentType === 'application/json') {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body.value);
  } else if (body?.contentType === 'multipart/form-data') payload = formOf(body.value as Json, body.encoding);
  const res = await fetch(url, { method: method.toUpperCase(), headers, body: payload, redirect: 'manual' });
  const text = await res.text();
  let parsed: Json = {};
  try {
    parsed = text && (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as Json) : {};
  } catch {
    parsed = {};
  }
  return { status: res.status, body: parsed };
}

/** Answers that come before the example is looked at: this check's own fault, not the example's. */
const UNCHECKED = new Set(['unauthenticated', 'session_expired', 'csrf_failed', 'idempotency_key_reuse', 'idempotency_in_progress', 'too_many_attempts', 'rate_limited']);

function refusal(answer: { status: number; body: Json }): string | null {
  if (UNCHECKED.has(String(answer.body.code))) return `${answer.status} ${String(answer.body.code)}: the example was not looked at`;
  if (answer.status === 400) return `400 ${JSON.stringify(answer.body)}`;
  if (answer.status === 422 && (answer.body.code === 'validation_failed' || answer.body.code === 'password_policy_violation')) {
    const fields = (answer.body.fields as { field: string; code: string }[] | undefined) ?? [];
    const shape = fields.filter((f) => refusesShape(f.code));
    if (shape.length || fields.length === 0) return `422 ${String(answer.body.code)} ${JSON.stringify(shape.length ? shape : answer.body)}`;
  }
  if (answer.status >= 500) return `${answer.status} ${JSON.stringify(answer.body)}`;
  return null;
}

// Operations that end the session or the account go last, so the others run signed in.
const LAST = ['logout', 'requestAccountRemoval', 'changePassword'];
const operations: { id: string; method: string; path: string; op: Json }[] = [];
for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    const op = item[method] as Json | undefined;
    if (op) operations.push({ id: String(op.operationId), method, path, op });
  }
}
operations.sort((a, b) => LAST.indexOf(a.id) - LAST.indexOf(b.id));

const refused: string[] = [];
const unsent: string[] = [];
/** Answers about the world (the example names no live token, no id of the demo persona): shown, not failed. */
const world: string[] = [];
let sent = 0;
try {
  for (const { id, method, path, op } of operations) {
    if (LAST.includes(id)) session = null; // each of those from a session of its own
    const security = op.security as Json[] | undefined;
    const signedIn = !(security && security.length === 0);
    const paramList = ((op.parameters as Json[] | undefined) ?? []).map((p) => deref<Param>(p));
    const base: Record<string, unknown> = {};
    const optional: [string, string, unknown][] = [];
    for (const p of paramList) {
      const examples = examplesOf(p as unknown as Json);
      if (p.required || p.in === 'path' || p.in === 'header') {
        if (examples[0]) base[p.name] = examples[0][1];
        examples.slice(1).forEach(([name, value]) => optional.push([p.name, name, value]));
      } else examples.forEach(([name, value]) => optional.push([p.name, name, value]));
    }
    const rb = op.requestBody ? deref<Json>(op.requestBody) : undefined;
    const bodies: { label: string; body: { contentType: string; value: unknown; encoding: Json } | undefined }[] = [];
    for (const [contentType, media] of Object.entries((rb?.content as Record<string, Json> | undefined) ?? {})) {
      for (const [name, value] of examplesOf(media)) bodies.push({ label: `body ${name}`, body: { contentType, value, encoding: (media.encoding as Json | undefined) ?? {} } });
    }
    if (bodies.length === 0 && rb?.required) {
      unsent.push(id); // nothing to send the parameters' examples with
      continue;
    }
    if (bodies.length === 0) bodies.push({ label: 'no body', body: undefined });
    const requests: { label: string; params: Record<string, unknown>; body: (typeof bodies)[number]['body'] }[] = bodies.map((b) => ({ label: b.label, params: base, body: b.body }));
    for (const [param, name, value] of optional) requests.push({ label: `${param} ${name}`, params: { ...base, [param]: value }, body: bodies[0]!.body });
    for (const r of requests) {
      sent++;
      const answer = await send(method, path, r.params, paramList, r.body, signedIn);
      if (process.env.EXAMPLES_VERBOSE) console.log(`     ${answer.status} ${JSON.stringify(answer.body.code ?? '')} ${id} ${r.label} ${JSON.stringify(answer.body.fields ?? '')}`);
      const why = refusal(answer);
      if (why) refused.push(`${id} (${method.toUpperCase()} ${path}) with ${r.label}: ${why}`);
      else if (answer.status >= 400) world.push(`${id} ${answer.status} ${JSON.stringify(answer.body.code ?? '')}`);
      if (answer.status === 401 && signedIn) session = null;
    }
  }

  // 3. The either-or rules the examples stand for, refused as the widgets expect: `exactly_one_required` naming
  //    the first field when neither is sent and the second when both are; `required` on the first of an
  //    "at least one of".
  session = null;
  const register = { email: 'nowy@example.com', password: 'Zielona-Herbata-7', consents: { terms: true, marketing: [], eInvoice: false } };
  const rules: [string, string, string, Record<string, unknown>, unknown, boolean, string[], string?][] = [
    ['register, neither', 'post', '/auth/register', {}, register, false, ['/pesel', '/customerNumber']],
    ['register, both', 'post', '/auth/register', {}, { ...register, pesel: '44051401359', nip: '8567346215', customerNumber: '1200345678', pointCode: '590243800000000012' }, false, ['/nip', '/pointCode']],
    ['changePassword, neither', 'post', '/auth/password', {}, { newPassword: 'Jesienne-Liscie-2025' }, true, ['/currentPassword']],
    ['changePassword, both', 'post', '/auth/password', {}, { newPassword: 'Jesienne-Liscie-2025', currentPassword: DEMO_PASSWORD, changeToken: 'chg_4PzLr8QwX2mKd7VtYc1N' }, true, ['/changeToken']],
    ['getBalance, both', 'get', '/balance', { pointId: 'pt_e_0001', contractId: 'ctr_e_0001' }, undefined, true, ['contractId']],
    ['confirmContact, neither', 'post', '/customer/contact/confirmation', {}, {}, true, ['/phone']],
    ['confirmContact, both', 'post', '/customer/contact/confirmation', {}, { phone: { code: '123456' }, email: { token: 'abc' } }, true, ['/email']],
    ['updateContact, neither e-mail nor phone', 'patch', '/customer/contact', {}, { currentPassword: DEMO_PASSWORD }, true, ['/email'], 'required'],
  ];
  const ruleParams: Param[] = [
    { name: 'pointId', in: 'query', schema: {} },
    { name: 'contractId', in: 'query', schema: {} },
    { name: 'Idempotency-Key', in: 'header', schema: {} },
  ];
  for (const [label, method, path, query, value, signedIn, fields, code = 'exactly_one_required'] of rules) {
    // `send` gives each request a key of its own once the example key was used.
    const answer = await send(method, path, { ...query, 'Idempotency-Key': 'any' }, ruleParams, value === undefined ? undefined : { contentType: 'application/json', value, encoding: {} }, signedIn);
    const got = ((answer.body.fields as { field: string; code: string }[] | undefined) ?? []).filter((f) => f.code === code).map((f) => f.field);
    if (answer.status !== 422 || answer.body.code !== 'validation_failed' || JSON.stringify(got) !== JSON.stringify(fields)) {
      refused.push(`${label}: expected 422 validation_failed, ${code} on ${fields.join(', ')}; got ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
for (const r of refused) console.log(`FAIL ${r}`);
if (world.length) console.log(`note: ${world.length} answers about the world, not the example's shape: ${world.join('; ')}`);
if (unsent.length) console.log(`note: no body example to send for ${unsent.join(', ')}`);
console.log(`${refused.length ? 'FAIL' : 'ok  '} ${sent} requests made of ${operations.length} operations' examples, and the either-or rules: ${refused.length} wrong answers of the reference server`);
if (problems.length || refused.length) process.exit(1);
console.log('every example in the contract is a value its schema and the reference server accept');
