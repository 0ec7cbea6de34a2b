/// <reference types="node" />
// Generators for the contract probe (probe.ts): fast-check arbitraries of values that a JSON Schema of the
// contract accepts, and of the hostile values a client may send instead (wrong types, huge and empty strings,
// NUL and lone surrogates, numbers at and past their bounds, unicode). Whether a generated request is one the
// contract accepts is decided afterwards by the contract's own validators, not by these generators: they only
// make the interesting requests likely.
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { Contract, JsonObject } from './contract.js';
import { asArray, isObject } from './contract.js';

/** Strings a server must survive: unicode of every kind, controls, markup, SQL and path tricks. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202egnp.exe',
  'Zażółć gęślą jaźń',
  '😀👍🏽👨‍👩‍👧',
  'ﷺ',
  'a\u0301\u0301\u0301',
  '\ufeffbom',
  '\r\n\t',
  "'; DROP TABLE customers; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%ff%',
  '${7*7}{{7*7}}',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
];

const LETTERS = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.'.split(''));
const UNICODE = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }));

/** A string that may be anything: plain, unicode, one of the nasty ones, or huge. */
export function anyString(maxLength = 3000): Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: LETTERS, maxLength: 20 }) },
    { weight: 2, arbitrary: UNICODE },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: maxLength }).map((n) => 'x'.repeat(n)) },
  );
}

/** A JSON value of any type (for a property given the wrong type). */
export const anyJson: Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, '', [], {}, [null], { '': 1 }),
  anyString(300),
  fc.integer(),
);

/** A safe e-mail address: reserved domains only, so no probe ever mails a real person. */
const email = fc
  .tuple(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')), minLength: 1, maxLength: 12 }), fc.constantFrom('example.com', 'example.org', 'example.net'))
  .map(([local, domain]) => `probe.${local}@${domain}`);

const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const isoInstant = fc.date({ min: new Date(Date.now() - 400 * 86_400_000), max: new Date(Date.now() + 86_400_000), noInvalidDate: true }).map((d) => d.toISOString());

export interface SchemaArbitraries {
  contract: Contract;
  /** The suite's origin: `format: uri` values are links back to it (payment return URLs must be allowed). */
  origin: string;
  /** Values seen in the server's own answers, by property or parameter name (ids, cursors): realistic inputs. */
  known: ReadonlyMap<string, readonly string[]>;
}

/** The schema with `$ref`s followed and a parent's `oneOf`/`anyOf`/`allOf` branches left to the caller. */
function resolved(ctx: SchemaArbitraries, schema: unknown): JsonObject {
  return isObject(schema) ? ctx.contract.deref(schema) : {};
}

/** Merges an object schema with one of its `oneOf`/`anyOf`/`allOf` branches (properties and required joined). */
function merge(ctx: SchemaArbitraries, base: JsonObject, branch: unknown): JsonObject {
  const other = resolved(ctx, branch);
  const merged: JsonObject = { ...base, ...other };
  if (isObject(base.properties) || isObject(other.properties)) merged.properties = { ...(isObject(base.properties) ? base.properties : {}), ...(isObject(other.properties) ? other.properties : {}) };
  const required = [...asArray(base.required), ...asArray(other.required)];
  if (required.length) merged.required = [...new Set(required)];
  return merged;
}

/**
 * Values the schema most likely accepts (`name` is the property or parameter name, for known values). Exotic
 * keywords are not all honoured: the contract's validator has the last word on every generated request.
 */
export function valid(ctx: SchemaArbitraries, input: unknown, name = '', depth = 0): Arbitrary<unknown> {
  const schema = resolved(ctx, input);
  if (depth > 6) return fc.constant(null);
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = asArray(schema[keyword]);
    if (branches.length) {
      const { [keyword]: _dropped, ...rest } = schema;
      return fc.oneof(...branches.map((branch) => valid(ctx, Object.keys(rest).length > 1 || rest.type ? merge(ctx, rest, branch) : branch, name, depth + 1)));
    }
  }
  const all = asArray(schema.allOf);
  if (all.length) {
    const { allOf: _dropped, ...rest } = schema;
    return valid(ctx, all.reduce<JsonObject>((acc, branch) => merge(ctx, acc, branch), rest), name, depth + 1);
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => valid(ctx, { ...schema, type }, name, depth + 1)));
  const type = types[0] ?? (isObject(schema.properties) ? 'object' : isObject(schema.items) ? 'array' : 'string');
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000_000;
      const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
      return fc.oneof(fc.constantFrom(min, max), fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
    }
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const max = Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 5, min + 3);
      const items = valid(ctx, schema.items, name, depth + 1);
      return schema.uniqueItems === true
        ? fc.uniqueArray(items, { minLength: min, maxLength: max, selector: (value) => JSON.stringify(value) })
        : fc.array(items, { minLength: min, maxLength: max });
    }
    case 'object': {
      const properties = isObject(schema.properties) ? schema.properties : {};
      const required = asArray(schema.required).map(String);
      const model: Record<string, Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties)) model[key] = valid(ctx, property, key, depth + 1);
      return fc.record(model, { requiredKeys: required.filter((key) => key in model) });
    }
    default:
      return validString(ctx, schema, name);
  }
}

function validString(ctx: SchemaArbitraries, schema: JsonObject, name: string): Arbitrary<string> {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : 200;
  const fits = (value: string): boolean => value.length >= minLength && value.length <= maxLength;
  const examples = [...asArray(schema.examples), schema.example, schema.default].filter((v): v is string => typeof v === 'string');
  const known = (ctx.known.get(name) ?? []).filter(fits);
  const options: Arbitrary<string>[] = [];
  if (known.length) options.push(fc.constantFrom(...known), fc.constantFrom(...known));
  if (examples.length) options.push(fc.constantFrom(...examples));
  switch (schema.format) {
    case 'email':
      options.push(email);
      break;
    case 'date':
      options.push(isoDate);
      break;
    case 'date-time':
      options.push(isoInstant);
      break;
    case 'uuid':
      options.push(fc.uuid());
      break;
    case 'uri':
      options.push(fc.constantFrom(`${ctx.origin}/`, `${ctx.origin}/platnosc?wynik=1`, 'https://example.com/'));
      break;
    default:
      if (typeof schema.pattern === 'string') {
        options.push(fc.stringMatching(new RegExp(schema.pattern)).filter(fits));
      } else {
        const length = { minLength, maxLength: Math.min(maxLength, minLength + 40) };
        options.push(fc.string({ unit: LETTERS, ...length }), fc.string({ unit: 'grapheme', ...length }).filter(fits));
      }
  }
  return fc.oneof(...options);
}

/** A value that breaks one rule of the schema (or that only the contract's prose forbids: NUL, lone surrogates). */
export function hostile(ctx: SchemaArbitraries, input: unknown): Arbitrary<unknown> {
  const schema = resolved(ctx, input);
  const options: Arbitrary<unknown>[] = [anyJson, fc.constantFrom('\u0000', 'a\u0000', '\ud800', 'x\udc00'), anyString()];
  if (typeof schema.maxLength === 'number') options.push(fc.integer({ min: schema.maxLength + 1, max: schema.maxLength + 2000 }).map((n) => 'y'.repeat(n)));
  if (typeof schema.minLength === 'number' && schema.minLength > 0) options.push(fc.constant('z'.repeat(schema.minLength - 1)));
  if (typeof schema.minimum === 'number') options.push(fc.constantFrom(schema.minimum - 1, schema.minimum - 0.5, -(2 ** 63)));
  if (typeof schema.maximum === 'number') options.push(fc.constantFrom(schema.maximum + 1, schema.maximum + 0.5, 2 ** 63, 1e308));
  if (Array.isArray(schema.enum)) options.push(fc.constantFrom('UNKNOWN', String(schema.enum[0]).toUpperCase(), ` ${String(schema.enum[0])}`));
  if (schema.type === 'array' || isObject(schema.items)) options.push(fc.constantFrom<unknown>([], Array.from({ length: 200 }, () => 'a'), [[[[]]]], [null]));
  return fc.oneof(...options);
}

/** A JSON body: valid, or a valid one with one thing broken (a required property gone, one of the wrong type...). */
export function hostileObject(ctx: SchemaArbitraries, input: unknown): Arbitrary<unknown> {
  const schema = resolved(ctx, input);
  const base = valid(ctx, schema);
  const properties = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  const required = asArray(schema.required).map(String);
  const options: Arbitrary<unknown>[] = [
    // Not an object at all.
    fc.constantFrom<unknown>(null, [], [{}], 'text', 0, true),
    // An extra property.
    fc.tuple(base, fc.constantFrom('extra', '__proto__', 'constructor', 'id', ''), anyJson).map(([value, key, extra]) => (isObject(value) ? { ...value, [key]: extra } : value)),
    // Deeply nested.
    fc.integer({ min: 500, max: 5000 }).map((depth) => ({ [properties[0] ?? 'a']: JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown })),
  ];
  if (required.length) options.push(fc.tuple(base, fc.constantFrom(...required)).map(([value, key]) => (isObject(value) ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)) : value)));
  if (properties.length) {
    options.push(
      fc.tuple(base, fc.constantFrom(...properties)).chain(([value, key]) =>
        hostile(ctx, (schema.properties as JsonObject)[key]).map((bad) => (isObject(value) ? { ...value, [key]: bad } : value)),
      ),
    );
  }
  return fc.oneof(...options);
}

/** Text that is not JSON, or not quite. */
export const malformedJson: Arbitrary<string> = fc.constantFrom('', '{', '{"a":}', "{'a':1}", '{"a":1}}', '[1,]', 'nul', '\ufeff{}', '{"a":"\\ud800"', '{"a":"\\u00"}', '<xml/>', 'a=1&b=2', '{"a":1,"a":2}');

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a string holds what the contract's prose forbids in text: a NUL character or a lone surrogate. */
export function forbiddenText(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(forbiddenText);
  if (isObject(value)) return Object.entries(value).some(([key, item]) => forbiddenText(key) || forbiddenText(item));
  return false;
}
