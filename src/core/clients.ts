import { ContextConsumer, ContextRoot } from '@lit/context';
import { clientContext } from '../context/client.js';
import { getClient } from '../api/registry.js';
import { setClientSource } from '../api/client-source.js';

/**
 * Context requests that no provider answered yet are kept and answered when a provider upgrades later (a
 * CDN page loads the provider's code after a widget's, an npm app imports the provider last). One root per
 * page, shared by two copies of the bundle.
 */
function attachContextRoot(): void {
  const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
  const key = Symbol.for('ebok-widgets.context-root');
  if (holder[key] || typeof document === 'undefined') return;
  holder[key] = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * Makes the page's clients (api/registry.ts) and the provider's context the widgets' source of clients
 * (api/client-source.ts). A call, not a side effect of importing: the npm package tells bundlers its modules
 * have none, so they may drop a bare import.
 */
export function useClients(): void {
  attachContextRoot();
  setClientSource({
    get: getClient,
    watch: (host, onClient) => {
      new ContextConsumer(host as never, { context: clientContext, subscribe: true, callback: (client) => onClient(client) });
    },
  });
}
