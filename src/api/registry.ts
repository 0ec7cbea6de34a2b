import { EbokClient, normalizeApiBase } from './client.js';
import { pageRegistry, pageApiBase } from './page-config.js';

export { configure, pageApiBase } from './page-config.js';

/** The shared client of `apiBase` (default: the page's); undefined when no API base is configured at all. */
export function getClient(apiBase: string | undefined = pageApiBase()): EbokClient | undefined {
  if (!apiBase) return undefined;
  const registry = pageRegistry();
  const key = normalizeApiBase(apiBase);
  let client = registry.clients.get(key);
  if (!client) {
    client = new EbokClient({ ...registry.defaults, apiBase: key });
    registry.clients.set(key, client);
  }
  return client;
}

/** Forgets every client and the page defaults (tests, or a host tearing the widgets down). */
export function resetClients(): void {
  const registry = pageRegistry();
  for (const client of registry.clients.values()) client.session.close();
  registry.clients.clear();
  registry.defaults = {};
}
