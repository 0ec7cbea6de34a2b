/**
 * The contract (src/api/openapi.yaml) at run time: the list of operations for routing, and Ajv 2020
 * validators for parameters, bodies and answers compiled from it. The whole document is added to Ajv
 * with an `$id`, so every `#/components/...` reference resolves against it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { fieldError, type FieldError, type Lang } from './problem.ts';

export const CONTRACT_PATH = resolve(import.meta.dirname, '../../src/api/openapi.yaml');
const BASE_ID = 'urn:ebok-widgets:openapi';

type Json = Record<string, unknown>;

export interface ParamSpec {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  schema: Json;
}

export interface ResponseSpec {
  contentType: string | null;
  schema: Json | null;
}

export interface OperationSpec {
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  honoPath: string;
  /** `public`: no session; `session`: session needed; `optional`: either (changePassword). */
  auth: 'public' | 'session' | 'optional';
  params: ParamSpec[];
  /** `x-query-schema`: rules that relate query parameters (OpenAPI 3.1 has no place for them), or null. */
  querySchema: Json | null;
  body: { contentType: string; schema: Json; required: boolean } | null;
  responses: Record<string, ResponseSpec>;
  idempotencyKey: 'required' | 'optional' | 'none';
}

export interface Contract {
  operations: OperationSpec[];
  byId: Map<string, OperationSpec>;
  /** Validates the query parameters (already coerced); `null` when fine. */
  validateQuery(op: OperationSpec, query: Json, lang: Lang): FieldError[] | null;
  validatePath(op: OperationSpec, params: Json): boolean;
  validateBody(op: OperationSpec, body: unknown, lang: Lang, schemaName?: string, prefix?: string): FieldError[] | null;
  validateResponse(op: OperationSpec, status: number, contentType: string | null, body: unknown): string | null;
  validateSchema(name: string, value: unknown): string | null;
  idempotencyKeyValid(key: string): boolean;
}

/**
 * The fields of a `oneOf` ("exactly one of these") or `anyOf` ("at least one of these") whose every branch
 * requires one property, else null.
 */
function eachRequiresOne(e: ErrorObject, keyword: 'oneOf' | 'anyOf'): string[] | null {
  if (e.keyword !== keyword || !Array.isArray(e.schema)) return null;
  const fields = (e.schema as Json[]).map((branch) => (Array.isArray(branch.required) && branch.required.length === 1 ? String(branch.required[0]) : null));
  return fields.length > 1 && fields.every((f) => f !== null) ? fields : null;
}

/** The fields of a `not: { required: [...] }` ("not all of these together"), else null. */
function notTogether(e: ErrorObject): string[] | null {
  if (e.keyword !== 'not') return null;
  const schema = e.schema as Json | undefined;
  const keys = Object.keys(schema ?? {});
  return keys.length === 1 && Array.isArray(schema!.required) && schema!.required.length > 1 ? (schema!.required as string[]).map(String) : null;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) {
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${BASE_ID}${v}` : rewriteRefs(v);
    }
    return out;
  }
  return node;
}

export function loadContract(): Contract {
  const doc = parse(readFileSync(CONTRACT_PATH, 'utf8')) as Json;
  const components = doc.components as Json;
  // `verbose`: an error carries its schema and data, so a `oneOf` of "exactly one of these fields" can name the field.
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, validateFormats: true, discriminator: false });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addFormat('password', true);
  ajv.addSchema({ $id: BASE_ID, components }, BASE_ID);

  const deref = (node: Json): Json => {
    let n = node;
    while (typeof n.$ref === 'string') {
      const parts = n.$ref.replace(/^#\//, '').split('/');
      let cur: unknown = doc;
      for (const p of parts) cur = (cur as Json)[p];
      n = cur as Json;
    }
    return n;
  };

  const operations: OperationSpec[] = [];
  const paths = doc.paths as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const raw = item[method] as Json | undefined;
      if (!raw) continue;
      const security = raw.security as Json[] | undefined;
      const auth: OperationSpec['auth'] = security && security.length === 0 ? 'public' : security?.some((s) => Object.keys(s).length === 0) ? 'optional' : 'session';
      const params = ((raw.parameters as Json[] | undefined) ?? []).map((p) => {
        const d = deref(p);
        return { name: d.name as string, in: d.in as ParamSpec['in'], required: Boolean(d.required), schema: rewriteRefs(d.schema) as Json };
      });
      let body: OperationSpec['body'] = null;
      if (raw.requestBody) {
        const rb = deref(raw.requestBody as Json);
        const content = rb.content as Record<string, Json>;
        const [contentType, media] = Object.entries(content)[0]!;
        body = { contentType, schema: rewriteRefs(media.schema) as Json, required: Boolean(rb.required) };
      }
      const responses: Record<string, ResponseSpec> = {};
      for (const [status, r] of Object.entries(raw.responses as Record<string, Json>)) {
        const d = deref(r);
        const content = d.content as Record<string, Json> | undefined;
        if (!content) {
          responses[status] = { contentType: null, schema: null };
          continue;
        }
        const [contentType, media] = Object.entries(content)[0]!;
        responses[status] = { contentType: Object.keys(content).join(','), schema: contentType.includes('json') ? (rewriteRefs(media.schema) as Json) : null };
      }
      const idem = params.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      operations.push({
        id: raw.operationId as string,
        method,
        path,
        honoPath: path.replace(/\{([^}]+)\}/g, ':$1'),
        auth,
        params,
        querySchema: (raw['x-query-schema'] as Json | undefined) ? (rewriteRefs(raw['x-query-schema']) as Json) : null,
        body,
        responses,
        idempotencyKey: idem ? (idem.required ? 'required' : 'optional') : 'none',
      });
    }
  }

  const cache = new Map<string, ValidateFunction>();
  const compiled = (key: string, schema: () => Json): ValidateFunction => {
    let v = cache.get(key);
    if (!v) {
      v = ajv.compile(schema());
      cache.set(key, v);
    }
    return v;
  };

  const toFields = (all: ErrorObject[], lang: Lang, bare: boolean, prefix = ''): FieldError[] => {
    const seen = new Map<string, FieldError>();
    const place = (path: string): string => {
      if (bare) return path.replace(/^\//, '').split('/')[0] || '/';
      return prefix + path || '/';
    };
    // The contract's pairs ("exactly one of PESEL or NIP", "pointId or contractId, not both") fail as a whole
    // `oneOf` or `not`; the customer is told which field, with `exactly_one_required`, as the widgets expect.
    // "At least one of email or phone" fails as an `anyOf`: `required` on the first.
    const pairs = all.filter((e) => eachRequiresOne(e, 'oneOf') || eachRequiresOne(e, 'anyOf') || notTogether(e));
    const errors = all.filter((e) => pairs.includes(e) || !pairs.some((p) => e.schemaPath.startsWith(`${p.schemaPath}/`)));
    for (const e of errors) {
      const atLeastOne = eachRequiresOne(e, 'anyOf');
      if (atLeastOne) {
        const field = place(`${e.instancePath}/${atLeastOne[0]!}`);
        seen.set(field, fieldError(field, 'required', lang));
        continue;
      }
      const exactlyOne = eachRequiresOne(e, 'oneOf');
      if (exactlyOne) {
        const data = (e.data ?? {}) as Json;
        const given = exactlyOne.filter((k) => data[k] !== undefined);
        const field = place(`${e.instancePath}/${given.length === 0 ? exactlyOne[0]! : given[1]!}`);
        seen.set(field, fieldError(field, 'exactly_one_required', lang));
        continue;
      }
      const together = notTogether(e);
      if (together) {
        const field = place(`${e.instancePath}/${together.at(-1)!}`);
        const names = together.join(lang === 'en' ? ' or ' : ' albo ');
        seen.set(field, fieldError(field, 'exactly_one_required', lang, undefined, lang === 'en' ? `Give ${names}, not both.` : `Podaj ${names}, nie oba.`));
        continue;
      }
      let field = e.instancePath;
      let code = 'invalid_format';
      const params: Record<string, string | number> = {};
      switch (e.keyword) {
        case 'required':
          field += `/${String((e.params as { missingProperty: string }).missingProperty)}`;
          code = 'required';
          break;
        case 'additionalProperties':
          field += `/${String((e.params as { additionalProperty: string }).additionalProperty)}`;
          code = 'not_allowed';
          break;
        case 'minLength':
          code = 'too_short';
          params.min = (e.params as { limit: number }).limit;
          break;
        case 'maxLength':
          code = 'too_long';
          params.max = (e.params as { limit: number }).limit;
          break;
        case 'minimum':
        case 'exclusiveMinimum':
          code = 'too_small';
          params.min = (e.params as { limit: number }).limit;
          break;
        case 'maximum':
        case 'exclusiveMaximum':
          code = 'too_large';
          params.max = (e.params as { limit: number }).limit;
          break;
        case 'maxItems':
          code = 'too_many_items';
          params.max = (e.params as { limit: number }).limit;
          break;
        case 'minItems':
          code = 'required';
          break;
        case 'minProperties':
          code = 'required';
          break;
        case 'enum':
        case 'const':
          code = 'not_allowed';
          break;
        default:
          code = 'invalid_format';
      }
      field = place(field);
      // oneOf/anyOf wrappers repeat a more precise error below them: keep the first per field.
      if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') {
        if (!seen.has(field)) seen.set(field, fieldError(field, code, lang));
        continue;
      }
      const existing = seen.get(field);
      if (!existing || existing.code === 'invalid_format') seen.set(field, fieldError(field, code, lang, Object.keys(params).length ? params : undefined));
    }
    return [...seen.values()];
  };

  const byId = new Map(operations.map((o) => [o.id, o]));
  return {
    operations,
    byId,
    validateQuery(op, query, lang) {
      const qp = op.params.filter((p) => p.in === 'query');
      const v = compiled(`q:${op.id}`, () => ({
        type: 'object',
        properties: Object.fromEntries(qp.map((p) => [p.name, p.schema])),
        required: qp.filter((p) => p.required).map((p) => p.name),
        ...(op.querySchema ? { allOf: [op.querySchema] } : {}),
      }));
      return v(query) ? null : toFields(v.errors ?? [], lang, true);
    },
    validatePath(op, params) {
      const pp = op.params.filter((p) => p.in === 'path');
      const v = compiled(`p:${op.id}`, () => ({
        type: 'object',
        properties: Object.fromEntries(pp.map((p) => [p.name, p.schema])),
        required: pp.map((p) => p.name),
      }));
      return v(params);
    },
    validateBody(op, body, lang, schemaName, prefix = '') {
      const key = schemaName ? `s:${schemaName}` : `b:${op.id}`;
      const v = compiled(key, () => (schemaName ? { $ref: `${BASE_ID}#/components/schemas/${schemaName}` } : op.body!.schema));
      return v(body) ? null : toFields(v.errors ?? [], lang, false, prefix);
    },
    validateResponse(op, status, contentType, body) {
      const spec = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
      if (!spec) return `status ${status} is not in the contract of ${op.id}`;
      if (!spec.contentType) return body === null || body === undefined ? null : `status ${status} of ${op.id} has no body in the contract`;
      const ct = (contentType ?? '').split(';')[0]!.trim();
      if (!spec.contentType.split(',').includes(ct)) return `content type ${ct || '(none)'} is not ${spec.contentType} for ${status} of ${op.id}`;
      if (!spec.schema) return null;
      const v = compiled(`r:${op.id}:${status}`, () => spec.schema!);
      if (v(body)) return null;
      return ajv.errorsText(v.errors, { dataVar: 'body' });
    },
    validateSchema(name, value) {
      const v = compiled(`s:${name}`, () => ({ $ref: `${BASE_ID}#/components/schemas/${name}` }));
      return v(value) ? null : ajv.errorsText(v.errors);
    },
    idempotencyKeyValid(key) {
      return key.length >= 8 && key.length <= 128 && /^[\x21-\x7E]+$/.test(key);
    },
  };
}
