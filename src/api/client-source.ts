import type { EbokClient } from './client.js';

/**
 * Where the base of every widget (core/api-element.ts) gets its client, without importing the client itself.
 * The client (request, session, cache, retry) and the context consumer that finds an `<ebok-provider>` are
 * the heaviest shared code; a widget that can draw its first frame without them (the balance tile's
 * placeholder) would otherwise wait for them. `useClients()` of core/clients.ts fills this in: before the
 * first frame of every widget that reads the API through a task (controllers/api-task.ts), and for anything
 * else the base loads it when first asked for a client.
 */
export interface ClientSource {
  /** The shared client of `apiBase` (default: the page's). */
  get(apiBase?: string): EbokClient | undefined;
  /** Tells `onClient` the client of the `<ebok-provider>` around `host`, now and whenever it changes. */
  watch(host: HTMLElement & { addController(controller: object): void }, onClient: (client: EbokClient | undefined) => void): void;
}

let source: ClientSource | undefined;

/** The page's clients, once core/clients.ts has run; undefined before. */
export const clientSource = (): ClientSource | undefined => source;

/** Called by core/clients.ts. */
export function setClientSource(clients: ClientSource): void {
  source = clients;
}
