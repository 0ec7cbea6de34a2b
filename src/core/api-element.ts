import { property, state } from 'lit/decorators.js';
import { EbokElement } from './ebok-element.js';
import { clientSource, type ClientSource } from '../api/client-source.js';
import type { EbokClient } from '../api/client.js';
import { diagnose } from '../api/diagnose.js';

const PROVIDER_TAG = 'ebok-provider';

/** The nearest `<ebok-provider>` around `element`, across shadow roots (a widget inside another widget). */
function providerAround(element: Element): Element | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === PROVIDER_TAG) return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

/**
 * The base of widgets that talk to the API. Which API, in order of precedence:
 * 1. the widget's own `api-base` attribute;
 * 2. the client of the nearest `<ebok-provider api-base>` around it;
 * 3. the page default: `configure({ apiBase })` or `<meta name="ebok-api-base" content="…">`.
 * Widgets with the same API base share one client, one session and one cache, wherever they sit.
 *
 * A widget inside an `<ebok-provider>` whose code has not loaded yet waits for it (it shows its loading
 * state) instead of talking to the page default meanwhile; a widget moved elsewhere follows its new place.
 */
export class EbokApiElement extends EbokElement {
  /** URL of the utility's eBOK API (e.g. `https://ebok.example.pl/api/v1`); overrides provider and page. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The client of the `<ebok-provider>` around this widget (@lit/context, through core/clients.ts). */
  @state()
  protected providedClient?: EbokClient;

  private watchingProvider = false;

  private waitingFor: string | undefined;

  /** The client this widget uses now; undefined when no API base is configured anywhere (or while waiting). */
  get client(): EbokClient | undefined {
    const clients = this.clients();
    if (!clients) return undefined;
    if (this.apiBase) return clients.get(this.apiBase);
    if (this.providedClient) return this.providedClient;
    return this.waitingForProvider ? undefined : clients.get();
  }

  private askedForClients = false;

  /**
   * The page's clients (api/registry.ts). A widget whose code did not bring them yet loads them, shows its
   * loading state meanwhile (`waitingForProvider`) and updates when they are there.
   */
  private clients() {
    const source = clientSource();
    if (source) this.watchProvider(source);
    else if (!this.askedForClients) {
      this.askedForClients = true;
      void import('./clients.js').then(({ useClients }) => {
        useClients();
        this.requestUpdate();
      });
    }
    return source;
  }

  /** Listens for the client of a provider around (once: the consumer asks again on every connection). */
  private watchProvider(source: ClientSource): void {
    if (this.watchingProvider) return;
    this.watchingProvider = true;
    source.watch(this, (client) => {
      this.providedClient = client;
    });
  }

  /**
   * An `<ebok-provider>` around this widget is not defined yet: its API is not known, and the page default
   * is not a stand-in for it. Renders loading meanwhile; the widget updates once the provider is defined.
   * Also true for the moment the page's clients are still loading (see `clients()`).
   */
  get waitingForProvider(): boolean {
    if (!this.clients()) return true;
    if (this.apiBase || this.providedClient) return false;
    const provider = providerAround(this);
    if (!provider) return false;
    if (customElements.get(provider.localName)) return !!(provider as Element & { pendingClient?: boolean }).pendingClient;
    if (this.waitingFor !== provider.localName) {
      this.waitingFor = provider.localName;
      const tag = provider.localName;
      const stillWaiting = setTimeout(() => {
        if (this.waitingFor !== tag) return;
        diagnose(
          'provider_not_defined',
          `<${this.localName}> is inside <${tag}>, which is still not defined, so it waits for its API. Load the provider too: import 'ebok-widgets/ebok-provider.js' (or 'ebok-widgets/all.js'), or use the CDN script.`,
          { scope: tag, target: this },
        );
      }, 5000);
      void customElements.whenDefined(tag).then(() => {
        clearTimeout(stillWaiting);
        this.waitingFor = undefined;
        this.requestUpdate();
      });
    }
    return true;
  }

  /**
   * The widget shows "unavailable" for want of an API base: tells the page's developer how to give it one
   * (once per page, a console warning and an `ebok-error` with code `no_api_base`).
   */
  reportMissingApi(): void {
    diagnose(
      'no_api_base',
      `<${this.localName}> has no API to talk to. Give it an api-base attribute, put it in an <ebok-provider api-base="…">, call configure({ apiBase }) from ebok-widgets, or add <meta name="ebok-api-base" content="https://…/api/v1"> to the page.`,
      { scope: 'page', target: this },
    );
  }

  override connectedCallback(): void {
    // Forget the provider of the last place: the context request of this connection says who provides now
    // (a widget moved out of a provider must not keep its API).
    this.providedClient = undefined;
    super.connectedCallback();
    const source = clientSource();
    if (source) this.watchProvider(source);
  }
}
