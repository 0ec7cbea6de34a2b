import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { EbokElement } from './ebok-element.js';
import { clientContext } from '../context/client.js';
import { getClient } from '../api/registry.js';
import type { EbokClient } from '../api/client.js';

/**
 * The base of widgets that talk to the API. Which API, in order of precedence:
 * 1. the widget's own `api-base` attribute;
 * 2. the client of the nearest `<ebok-provider api-base>` around it;
 * 3. the page default: `configure({ apiBase })` or `<meta name="ebok-api-base" content="…">`.
 * Widgets with the same API base share one client, one session and one cache, wherever they sit.
 */
export class EbokApiElement extends EbokElement {
  /** URL of the utility's eBOK API (e.g. `https://ebok.example.pl/api/v1`); overrides provider and page. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected providedClient?: EbokClient;

  /** The client this widget uses now; undefined when no API base is configured anywhere. */
  get client(): EbokClient | undefined {
    if (this.apiBase) return getClient(this.apiBase);
    return this.providedClient ?? getClient();
  }
}
