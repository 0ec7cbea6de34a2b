/// <reference types="node" />
// The conformance checks of what a client may send that the server must refuse cleanly, never with a 500 or an
// answer outside the contract: a method a path does not have, a header over its schema, text with a NUL or a
// lone surrogate, and a body over the server's limit sent in chunks without a Content-Length.
import { asArray, get } from './contract.js';
import type { Client, Exchange } from './http.js';

/** What suite.ts lends these checks: its `check` in the group of public operations, and its verdicts. */
export interface InputChecks {
  check: (id: string, title: string, body: () => Promise<string | void> | string | void) => Promise<boolean>;
  fail: (message: string, exchange?: Exchange) => never;
  expectProblem: (exchange: Exchange, status: number, codes: readonly string[], what?: string) => void;
  /** The server's limit for a whole request body (the reference server's: 30 MiB). */
  maxBodyBytes: number;
}

/** The check ids, for the self-test's list of checks that must run. */
export const INPUT_CHECK_IDS = ['input.methodNotAllowed', 'input.acceptLanguageTooLong', 'input.nul', 'input.loneSurrogate', 'input.nulInQuery', 'input.chunkedBodyTooLarge'] as const;

/** The problem names `field` among its `fields`. */
function names(t: InputChecks, exchange: Exchange, field: string): void {
  const fields = asArray(get(exchange.json, 'fields')).map((f) => get(f, 'field'));
  if (!fields.includes(field)) t.fail(`the problem names ${JSON.stringify(fields)}, not ${field}`, exchange);
}

/** `bytes` of a JSON string body, sent in 1 MiB chunks: `{"identifier":"aaaa…"}`. */
function hugeJson(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(new TextEncoder().encode('{"identifier":"'));
      } else if (sent >= bytes) {
        controller.enqueue(new TextEncoder().encode('","password":"x"}'));
        controller.close();
        return;
      }
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

export async function inputChecks(t: InputChecks, c: Client): Promise<void> {
  await t.check('input.methodNotAllowed', 'DELETE /portal-config (a path without DELETE) → 405 method_not_allowed with Allow: GET', async () => {
    const answer = await c.call('getPortalConfig', { method: 'DELETE' });
    t.expectProblem(answer, 405, ['method_not_allowed']);
    const allow = (answer.headers.get('allow') ?? '').split(',').map((m) => m.trim().toUpperCase());
    if (!allow.includes('GET') || allow.includes('DELETE')) t.fail(`Allow says "${answer.headers.get('allow') ?? ''}"`, answer);
  });

  await t.check('input.acceptLanguageTooLong', 'an Accept-Language over its maxLength (200) → 400 malformed_request', async () => {
    t.expectProblem(await c.call('getPortalConfig', { headers: { 'accept-language': `pl,${'en;q=0.5,'.repeat(30)}en` } }), 400, ['malformed_request']);
  });

  await t.check('input.nul', 'a login whose identifier holds a NUL character → 422 validation_failed on /identifier', async () => {
    const answer = await c.call('login', { body: { identifier: 'energia\u0000@example.com', password: 'x' } });
    t.expectProblem(answer, 422, ['validation_failed']);
    names(t, answer, '/identifier');
  });

  await t.check('input.loneSurrogate', 'a login whose password holds a lone surrogate (\\ud800) → 422 validation_failed on /password', async () => {
    const answer = await c.call('login', { body: { identifier: 'energia@example.com', password: 'abc\ud800def' } });
    t.expectProblem(answer, 422, ['validation_failed']);
    names(t, answer, '/password');
  });

  await t.check('input.nulInQuery', 'GET /outages?area=<NUL> → 422 validation_failed on area', async () => {
    const answer = await c.call('listOutages', { query: { area: '44\u0000100' } });
    t.expectProblem(answer, 422, ['validation_failed']);
    names(t, answer, 'area');
  });

  await t.check('input.chunkedBodyTooLarge', 'a chunked JSON body over the server\'s limit, without Content-Length → 413 payload_too_large', async () => {
    const answer = await c.call('login', { stream: hugeJson(t.maxBodyBytes + 1024 * 1024) });
    t.expectProblem(answer, 413, ['payload_too_large']);
  });
}
