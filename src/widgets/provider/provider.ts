import { css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { EbokElement } from '../../core/ebok-element.js';
import { clientContext } from '../../context/client.js';
import { configContext, type PortalConfig } from '../../context/config.js';
import { clientSource } from '../../api/client-source.js';
import type { EbokClient } from '../../api/client.js';

/**
 * Wraps any number of ebok widgets and gives them their configuration: the API they talk to
 * (`api-base`), the language (`lang`), the utility theme (`theme`) and the text size (`text-size`).
 * It provides the shared API client (and through it the session) and the utility's portal configuration
 * to the widgets inside through @lit/context. It draws nothing itself.
 *
 * Widgets outside any provider use the page's defaults (`<meta name="ebok-api-base">`, `<html lang>`),
 * and a widget's own attributes override the provider's.
 *
 * @customElement ebok-provider
 * @slot - The widgets (and any other content) that share this configuration.
 */
export class EbokProvider extends EbokElement {
  static override styles = [
    EbokElement.styles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** URL of the utility's eBOK API for the widgets inside; else the page default (meta tag or `configure()`). */
  @property({ attribute: 'api-base' }) apiBase?: string;

  @provide({ context: clientContext }) @state() protected client?: EbokClient;
  @provide({ context: configContext }) @state() protected config?: PortalConfig;

  private configRequest: AbortController | undefined;

  /**
   * @internal True while the page's clients (api/registry.ts) are still loading: the widgets inside wait for
   * this provider's client rather than talk to the page default meanwhile (core/api-element.ts).
   */
  pendingClient = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.useOwnClient();
  }

  /**
   * The client of `api-base`. The provider draws nothing, so it does not hold its first frame for the client's
   * code: it loads it (in the same wave on a CDN page) and provides the client once it is there.
   */
  private useOwnClient(): void {
    const clients = clientSource();
    if (clients) {
      this.pendingClient = false;
      this.useClient(this.apiBase ? clients.get(this.apiBase) : clients.get());
      return;
    }
    if (this.pendingClient) return;
    this.pendingClient = true;
    void import('../../core/clients.js').then(({ useClients }) => {
      useClients();
      if (this.isConnected) this.useOwnClient();
      else this.pendingClient = false;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.useClient(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.isConnected) this.useOwnClient();
  }

  private useClient(client: EbokClient | undefined): void {
    if (client === this.client && (client || !this.isConnected)) return;
    this.configRequest?.abort();
    this.client = client;
    this.config = undefined;
    if (!client) return;
    const request = new AbortController();
    this.configRequest = request;
    client.get('/portal-config', { signal: request.signal }).then(
      (config) => {
        if (this.client === client) this.config = config;
      },
      () => {
        // Widgets that need the config load it themselves and show the error there.
      },
    );
  }

  override render() {
    return html`<slot></slot>`;
  }
}
