/// <reference types="node" />
// The contract (src/api/openapi.yaml) loaded for the conformance suite: operations by id, OpenAPI `$ref`
// resolution for responses and headers, and Ajv 2020 validators for the JSON Schemas in it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `get(value, 'a', 0, 'b')`: a path into parsed JSON, `undefined` where it does not exist. */
export function get(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? (current as unknown[])[key] : undefined;
    else current = isObject(current) ? current[key] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

export interface Operation {
  id: string;
  method: string;
  path: string;
  definition: JsonObject;
  /** `security: []`: no session needed. */
  isPublic: boolean;
  /** The operation declares `Idempotency-Key` as required. */
  requiresIdempotencyKey: boolean;
}

const CONTRACT_ID = 'urn:ebok-widgets:openapi';
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/**
 * The contract two levels up from this module: test/conformance/ → src/api/openapi.yaml in the repository, and
 * dist/conformance/ebok-conformance.mjs (the bundled command) → src/api/openapi.yaml in the installed package.
 */
export const defaultContractPath = (): string => fileURLToPath(new URL('../../src/api/openapi.yaml', import.meta.url));

export class Contract {
  readonly doc: JsonObject;
  readonly operations = new Map<string, Operation>();
  readonly problemCodes: ReadonlySet<string>;
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(path = defaultContractPath()) {
    const parsed: unknown = parseYaml(readFileSync(path, 'utf8'));
    if (!isObject(parsed) || !isObject(parsed.paths)) throw new Error(`${path} is not an OpenAPI document`);
    this.doc = parsed;
    for (const [route, item] of Object.entries(parsed.paths)) {
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const definition = item[method];
        if (!isObject(definition)) continue;
        const id = asString(definition.operationId);
        if (!id) continue;
        const security = definition.security ?? parsed.security;
        const parameters = asArray(definition.parameters).map((p) => this.deref(p));
        const requiresIdempotencyKey = parameters.some(
          (p) => asString(p.name)?.toLowerCase() === 'idempotency-key' && p.required === true,
        );
        this.operations.set(id, {
          id,
          method: method.toUpperCase(),
          path: route,
          definition,
          isPublic: Array.isArray(security) && security.length === 0,
          requiresIdempotencyKey,
        });
      }
    }
    this.problemCodes = new Set(asArray(get(parsed, 'components', 'schemas', 'ProblemCode', 'enum')).map(String));

    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    // OpenAPI's own formats: not checkable as strings here (binary bodies are checked separately).
    this.ajv.addFormat('binary', true);
    this.ajv.addFormat('password', true);
    this.ajv.addSchema({ $id: CONTRACT_ID, components: { schemas: get(parsed, 'components', 'schemas') } });
  }

  operation(id: string): Operation {
    const op = this.operations.get(id);
    if (!op) throw new Error(`the contract has no operation ${id}`);
    return op;
  }

  /** Follows OpenAPI `$ref`s (`#/components/...`) until a plain object is reached. */
  deref(value: unknown): JsonObject {
    let current = value;
    for (let depth = 0; depth < 10 && isObject(current) && typeof current.$ref === 'string'; depth++) {
      const ref = current.$ref;
      if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref} is not supported`);
      current = get(this.doc, ...ref.slice(2).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')));
    }
    return isObject(current) ? current : {};
  }

  /** The declared response for a status (exact, then `4XX`-style, then `default`), or undefined. */
  response(op: Operation, status: number): JsonObject | undefined {
    const responses = op.definition.responses;
    if (!isObject(responses)) return undefined;
    const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    return declared === undefined ? undefined : this.deref(declared);
  }

  listedStatuses(op: Operation): string[] {
    return isObject(op.definition.responses) ? Object.keys(op.definition.responses) : [];
  }

  /** Declared headers of a response, by lower-case name, dereferenced. */
  headers(response: JsonObject): Map<string, JsonObject> {
    const result = new Map<string, JsonObject>();
    if (isObject(response.headers)) {
      for (const [name, header] of Object.entries(response.headers)) result.set(name.toLowerCase(), this.deref(header));
    }
    return result;
  }

  /** Validates a value against a schema object taken from the contract; answers readable errors. */
  validate(schema: unknown, value: unknown, cacheKey: string): string[] {
    let validator = this.validators.get(cacheKey);
    if (!validator) {
      validator = this.ajv.compile(rebase(schema) as object);
      this.validators.set(cacheKey, validator);
    }
    if (validator(value)) return [];
    return (validator.errors ?? []).slice(0, 6).map(formatError);
  }
}

/** Makes `#/components/...` refs of a schema taken out of the document point into the registered contract. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!isObject(schema)) return schema;
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${CONTRACT_ID}${value}` : rebase(value);
  }
  return copy;
}

function formatError(error: ErrorObject): string {
  const where = error.instancePath || '(root)';
  const params = error.params as Record<string, unknown>;
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String(params.additionalProperty)})`
      : error.keyword === 'enum'
        ? ` (${JSON.stringify(params.allowedValues)})`
        : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}
