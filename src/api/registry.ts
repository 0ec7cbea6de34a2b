import { EbokClient, normalizeApiBase, type ClientOptions } from './client.js';

/**
 * One client per API base per page, kept on `globalThis` under a registered symbol so that widgets in
 * separate CMS blocks, and even two copies of the bundle on one page, share a client, its session and
 * its cache.
 */
interface Registry {
  clients: Map<string, EbokClient>;
  defaults: Partial<ClientOptions>;
}

const KEY = Symbol.for('ebok-widgets.registry');

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[KEY] ??= { clients: new Map(), defaults: {} });
}

/**
 * Page-wide defaults for every widget without a provider or an `api-base` attribute:
 * `configure({ apiBase: 'https://…/api/v1' })`. Call it before the widgets render; clients already made
 * keep their options. Other options (timeout, retry, getToken) apply to every client made afterwards.
 */
export function configure(options: Partial<ClientOptions>): void {
  const reg = registry();
  reg.defaults = { ...reg.defaults, ...options };
}

/** The API base of the page: `configure({ apiBase })`, else `<meta name="ebok-api-base" content="…">`. */
export function pageApiBase(): string | undefined {
  const configured = registry().defaults.apiBase;
  if (configured) return configured;
  const meta = typeof document === 'undefined' ? null : document.querySelector<HTMLMetaElement>('meta[name="ebok-api-base"]');
  return meta?.content.trim() || undefined;
}

/** The shared client of `apiBase` (default: the page's); undefined when no API base is configured at all. */
export function getClient(apiBase: string | undefined = pageApiBase()): EbokClient | undefined {
  if (!apiBase) return undefined;
  const reg = registry();
  const key = normalizeApiBase(apiBase);
  let client = reg.clients.get(key);
  if (!client) {
    client = new EbokClient({ ...reg.defaults, apiBase: key });
    reg.clients.set(key, client);
  }
  return client;
}

/** Forgets every client and the page defaults (tests, or a host tearing the widgets down). */
export function resetClients(): void {
  const reg = registry();
  for (const client of reg.clients.values()) client.session.close();
  reg.clients.clear();
  reg.defaults = {};
}
