import type { EbokClient, ClientOptions } from './client.js';

/**
 * Page-wide API settings, kept on `globalThis` under a registered symbol so that widgets in separate CMS
 * blocks, lazily loaded widget chunks and even two copies of the bundle share them. This module imports no
 * client code, so the CDN entry can offer `configure()` without loading the client.
 */
export interface PageRegistry {
  clients: Map<string, EbokClient>;
  defaults: Partial<ClientOptions>;
}

const KEY = Symbol.for('ebok-widgets.registry');

export function pageRegistry(): PageRegistry {
  const holder = globalThis as unknown as Record<symbol, PageRegistry | undefined>;
  return (holder[KEY] ??= { clients: new Map(), defaults: {} });
}

/**
 * Page-wide defaults for every widget without a provider or an `api-base` attribute:
 * `configure({ apiBase: 'https://…/api/v1' })`. Call it before the widgets render; clients already made
 * keep their options. Other options (timeout, retry, getToken) apply to every client made afterwards.
 */
export function configure(options: Partial<ClientOptions>): void {
  const registry = pageRegistry();
  registry.defaults = { ...registry.defaults, ...options };
}

/** The API base of the page: `configure({ apiBase })`, else `<meta name="ebok-api-base" content="…">`. */
export function pageApiBase(): string | undefined {
  const configured = pageRegistry().defaults.apiBase;
  if (configured) return configured;
  const meta = typeof document === 'undefined' ? null : document.querySelector<HTMLMetaElement>('meta[name="ebok-api-base"]');
  return meta?.content.trim() || undefined;
}
