/// <reference types="node" />
// A proxy in front of a real server that breaks the contract on purpose, so a test can show that the
// conformance suite notices. It breaks exactly three things and keeps every answer schema-valid otherwise:
//   1. caching: every `Cache-Control` header is removed (personal answers lose `no-store`);
//   2. enumeration: a failed sign-in for an identifier that never signed in through the proxy answers a
//      different `detail` than a wrong password for a known one ("no such account");
//   3. idempotency: a replayed `POST /payments` answer gets a new payment `id` and loses
//      `Idempotent-Replayed`, as if the server had ignored the `Idempotency-Key` and started a second payment.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BrokenServer {
  /** The proxy's origin, e.g. `http://127.0.0.1:40123`; paths are passed through unchanged. */
  url: string;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'host', 'upgrade']);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function identifierOf(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    const identifier = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).identifier : undefined;
    return typeof identifier === 'string' ? identifier.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export async function startBrokenServer(targetUrl: string): Promise<BrokenServer> {
  const target = new URL(targetUrl);
  /** Identifiers that signed in successfully through the proxy: the proxy "knows" these accounts exist. */
  const known = new Set<string>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (HOP_BY_HOP.has(name) || value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    const url = new URL(request.url ?? '/', target);
    const method = request.method ?? 'GET';
    const upstream = await fetch(url, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(body),
      redirect: 'manual',
    });
    let payload = Buffer.from(await upstream.arrayBuffer());
    const outHeaders = new Map<string, string | string[]>();
    upstream.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'set-cookie') outHeaders.set(name, value);
    });
    const cookies = upstream.headers.getSetCookie();
    if (cookies.length) outHeaders.set('set-cookie', cookies);

    // 1. No caching directives at all.
    outHeaders.delete('cache-control');

    const path = url.pathname;
    if (method === 'POST' && path.endsWith('/auth/login')) {
      const identifier = identifierOf(body);
      if (identifier && upstream.status === 200) known.add(identifier);
      // 2. Unknown identifiers get their own text: an account-enumeration oracle.
      if (identifier && upstream.status === 401 && !known.has(identifier)) {
        try {
          const problem = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
          problem.detail = 'There is no account with this login.';
          payload = Buffer.from(JSON.stringify(problem));
        } catch {
          // not JSON: leave it
        }
      }
    }
    // 3. Replays of POST /payments look like a second, new payment.
    if (method === 'POST' && path.endsWith('/payments') && upstream.headers.get('idempotent-replayed') === 'true') {
      outHeaders.delete('idempotent-replayed');
      try {
        const payment = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
        payment.id = `pay_${randomBytes(6).toString('hex')}`;
        payload = Buffer.from(JSON.stringify(payment));
      } catch {
        // not JSON: leave it
      }
    }
    outHeaders.set('content-length', String(payload.length));
    response.writeHead(upstream.status, Object.fromEntries(outHeaders));
    response.end(payload);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`broken-server proxy error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
