/**
 * The reference API server of ebok-widgets: every operation of src/api/openapi.yaml on /api/v1, the outbox
 * and payment sandbox pages, and (optionally) the demo site with the built CDN bundle (site.ts).
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { openDb, type Db } from './db.ts';
import { loadContract } from './contract.ts';
import { API_BASE, operationHandler, problemResponse, type AppState, type Handler, type Utility } from './core.ts';
import { fillUtilitySites, seedIfEmpty } from './seed.ts';
import { accountMailJobs, authHandlers } from './auth.ts';
import { MailJobs } from './mail-jobs.ts';
import { profileHandlers } from './profile.ts';
import { accountRemovalHandlers } from './account-removal.ts';
import { billingHandlers } from './billing.ts';
import { readingHandlers } from './readings.ts';
import { ticketHandlers } from './tickets.ts';
import { notificationHandlers } from './notifications.ts';
import { tariffHandlers } from './tariffs.ts';
import { consentHandlers } from './consents.ts';
import { termsHandlers } from './terms.ts';
import { fillPointsAndContracts, pointHandlers } from './points.ts';
import { pagesApp } from './pages.ts';
import { siteApp } from './site.ts';
import { listOutbox, type OutboxItem } from './outbox.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface ServerOptions {
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
  allowedOrigins?: string[];
  publicOrigin?: string;
  /** Serve the demo site too (demo/*.html with dist/cdn/, which must be built). */
  serveSite?: boolean;
  validateResponses?: boolean;
  log?: boolean;
  /**
   * The demo/test switch: serve the outbox (every link and code sent), the test hooks (reset throttles, undo…)
   * and the back-office sandbox pages, to loopback clients only. Off by default: anyone reaching them could take
   * over any account. `npm start` and the tests turn it on (`main.ts --demo`).
   */
  testHooks?: boolean;
}

export interface RunningServer {
  url: string;
  /**
   * When the demo data was seeded. Due dates, history and messages are laid out relative to that moment
   * (reading windows and sessions follow the real clock), so data seeded long ago has aged.
   */
  seededAt: Date;
  close(): Promise<void>;
  db: Db;
  outbox: {
    /** Newest first; only the messages to `to` when given. */
    list(to?: string): Promise<OutboxItem[]>;
    /** The newest message to `to`, if any. */
    latest(to: string): Promise<OutboxItem | undefined>;
  };
}

function corsMiddleware(state: AppState): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && state.allowedOrigins.has(origin);
    if (c.req.method === 'OPTIONS') {
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (allowed) {
        headers['Access-Control-Allow-Origin'] = origin;
        headers['Access-Control-Allow-Credentials'] = 'true';
        headers['Access-Control-Allow-Methods'] = 'GET, POST, PUT, PATCH, DELETE';
        headers['Access-Control-Allow-Headers'] = 'Content-Type, X-CSRF-Token, Idempotency-Key, Accept-Language, Authorization';
        headers['Access-Control-Max-Age'] = '600';
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Allow-Credentials', 'true');
      c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed, Content-Disposition');
    }
    return undefined;
  };
}

export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  // First, so that a missing CDN build fails before anything listens or opens.
  const site = options.serveSite ? siteApp({ root: REPO_ROOT, https: options.publicOrigin?.startsWith('https:') ?? false }) : undefined;
  const db = await openDb({ dataDir: resolve(options.dataDir ?? resolve(REPO_ROOT, '.data')), databaseUrl: options.databaseUrl });
  let seededAt: Date;
  try {
    // One process at a time seeds a database that several share (PostgreSQL); the others find it seeded.
    seededAt = await db.exclusively(async () => {
      const at = await seedIfEmpty(db);
      await fillUtilitySites(db);
      await fillPointsAndContracts(db, at);
      return at;
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  // Housekeeping: sessions long past their deadlines, idempotency keys older than a day, spent challenges.
  await db.query("DELETE FROM sessions WHERE absolute_expires_at < now() - interval '1 day'");
  await db.query("DELETE FROM idempotency_keys WHERE created_at < now() - interval '1 day'");
  await db.query("DELETE FROM mfa_challenges WHERE expires_at < now() - interval '1 day'");
  const contract = loadContract();
  const rows = await db.query<Utility>('SELECT id, kind, name, config, site FROM utilities ORDER BY id');
  const utilities = new Map<string, Utility>(rows.map((r) => [r.id, r]));

  const http = createHttpServer();
  // Requests that arrive before everything is ready wait for it (the port is known only after listen).
  let markReady: (handler: (req: IncomingMessage, res: ServerResponse) => void) => void = () => undefined;
  const ready = new Promise<(req: IncomingMessage, res: ServerResponse) => void>((ok) => (markReady = ok));
  http.on('request', (req, res) => {
    void ready.then((handle) => handle(req, res));
  });
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(options.port ?? 8787, () => {
      http.off('error', fail);
      ok();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  const publicOrigin = (options.publicOrigin ?? url).replace(/\/$/, '');
  const allowedOrigins = new Set([publicOrigin, url, `http://127.0.0.1:${port}`, ...(options.allowedOrigins ?? []).map((o) => o.replace(/\/$/, ''))]);
  const pub = new URL(publicOrigin);
  const state: AppState = {
    db,
    contract,
    utilities,
    defaultUtilityId: 'util_energia',
    publicOrigin,
    allowedOrigins,
    secureCookies: !(pub.protocol === 'http:' && (pub.hostname === 'localhost' || pub.hostname === '127.0.0.1')),
    validateResponses: options.validateResponses ?? true,
    log: options.log ?? false,
    testHooks: options.testHooks ?? false,
    running: new Set(),
    mailJobs: new MailJobs(accountMailJobs),
  };

  const handlers: Record<string, Handler> = {
    ...authHandlers(),
    ...pointHandlers(),
    ...profileHandlers(),
    ...accountRemovalHandlers(),
    ...consentHandlers(),
    ...termsHandlers(),
    ...notificationHandlers(),
    ...tariffHandlers(),
    ...billingHandlers(),
    ...readingHandlers(),
    ...ticketHandlers(),
  };
  const missing = contract.operations.filter((op) => !handlers[op.id]).map((op) => op.id);
  if (missing.length) throw new Error(`Operations without a handler: ${missing.join(', ')}`);

  const hono = new Hono();
  if (state.log) {
    hono.use('*', async (c, next) => {
      const t = performance.now();
      await next();
      console.log(`${c.req.method} ${c.req.path} → ${c.res.status} (${Math.round(performance.now() - t)} ms)`);
    });
  }
  // CORS for the API and for the outbox / sandbox / test hooks (integration tests read them cross-origin).
  hono.use('*', corsMiddleware(state));
  // Static paths before parameterised ones (e.g. /tickets/categories before /tickets/{ticketId}).
  const ordered = [...contract.operations].sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
  for (const op of ordered) hono.on(op.method.toUpperCase(), `${API_BASE}${op.honoPath}`, operationHandler(state, op, handlers[op.id]!));
  // A path the contract has, asked with a method it does not have: 405 naming the ones it has.
  const methodsOf = new Map<string, string[]>();
  for (const op of ordered) methodsOf.set(op.honoPath, [...(methodsOf.get(op.honoPath) ?? []), op.method.toUpperCase()]);
  for (const [path, methods] of methodsOf) {
    const allow = [...new Set([...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].join(', ');
    hono.all(`${API_BASE}${path}`, (c) => {
      const answer = problemResponse(c, 'method_not_allowed');
      answer.headers.set('Allow', allow);
      return answer;
    });
  }
  hono.all(`${API_BASE}/*`, (c) => problemResponse(c, 'not_found'));
  hono.route('/', pagesApp(state));
  if (site) hono.route('/', site);
  hono.onError((error, c) => {
    console.error('[ebok-server] unexpected error', error);
    return problemResponse(c, 'internal_error');
  });
  const listener = getRequestListener(hono.fetch);
  markReady((req, res) => void listener(req, res));
  state.mailJobs.start(state);

  let closed = false;
  return {
    url,
    seededAt,
    db,
    outbox: {
      // What was asked for before is sent first (reset and reminder e-mails go out after the answer).
      list: async (to) => {
        await state.mailJobs.drain();
        return listOutbox(db, to);
      },
      latest: async (to) => {
        await state.mailJobs.drain();
        return (await listOutbox(db, to, 1))[0];
      },
    },
    async close() {
      if (closed) return;
      closed = true;
      http.closeAllConnections();
      await new Promise<void>((ok) => http.close(() => ok()));
      await state.mailJobs.close();
      await db.close();
    },
  };
}
