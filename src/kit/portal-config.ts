import { nothing, type ReactiveController } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiTask } from '../controllers/api-task.js';
import type { EbokApiElement } from '../core/api-element.js';
import { configContext, type PortalConfig } from '../context/config.js';
import { clientContext } from '../context/client.js';
import { renderError, renderLoading, renderOffline } from '../core/status.js';
import { malformedResponse } from '../api/diagnostics.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A configuration the widgets can read without breaking: every part some widget reads is there with its
 * type (a proxy's error page or an older backend must give an error state, never a crash).
 */
export function isUsablePortalConfig(value: unknown): value is PortalConfig {
  if (!isObject(value)) return false;
  const policy = value.passwordPolicy;
  return (
    isObject(value.features) &&
    Array.isArray(value.loginIdentifierKinds) &&
    isObject(policy) &&
    typeof policy.minLength === 'number' &&
    typeof policy.maxLength === 'number' &&
    isObject(value.payments) &&
    typeof value.activationLinkLifetimeSeconds === 'number' &&
    typeof value.resetLinkLifetimeSeconds === 'number'
  );
}

export interface PortalConfigOptions {
  /**
   * The widget works without the configuration (the login falls back to safe defaults): a failure to load
   * it leaves `value` undefined and the status `complete`, instead of an error state.
   */
  optional?: boolean;
}

/**
 * The utility's portal configuration (features, login identifiers, password policy, payments…) for one
 * widget: from the `<ebok-provider>` around it when that provider serves the same API, else from the
 * client's cache (one request per page and API, shared by every widget). Re-read when the API changes.
 */
export class PortalConfigController implements ReactiveController {
  private readonly provided: ContextConsumer<typeof configContext, EbokApiElement>;
  private readonly providerClient: ContextConsumer<typeof clientContext, EbokApiElement>;
  private readonly task: ApiTask<PortalConfig | undefined, [PortalConfig | undefined]>;

  constructor(
    private readonly host: EbokApiElement,
    options: PortalConfigOptions = {},
  ) {
    host.addController(this);
    this.provided = new ContextConsumer(host, { context: configContext, subscribe: true });
    this.providerClient = new ContextConsumer(host, { context: clientContext, subscribe: true });
    this.task = new ApiTask(host, {
      personal: false,
      args: () => [this.fromProvider()],
      load: async (client, signal, [provided]) => {
        if (provided) return provided;
        const request = client.get('/portal-config', { signal }).then((config: unknown) => {
          if (!isUsablePortalConfig(config)) throw malformedResponse(client.apiBase, 'GET /portal-config answered without the features, identifiers, password policy, payments or link lifetimes');
          return config;
        });
        return options.optional ? request.catch(() => undefined) : request;
      },
    });
  }

  hostConnected(): void {}

  /** The configuration; the last one stays while a new run is pending (a login re-runs the task). */
  get value(): PortalConfig | undefined {
    return this.fromProvider() ?? this.task.value;
  }

  get status() {
    return this.fromProvider() ? 'complete' : this.task.status;
  }

  retry = (): void => this.task.retry();

  /** Resolves once a configuration that is loading has arrived or failed (at once when none is loading). */
  async settled(): Promise<void> {
    if (this.status !== 'pending') return;
    await this.task.taskComplete.catch(() => undefined);
  }

  /**
   * While the configuration is not there: loading, failed with a retry, offline, or no API configured.
   * `nothing` once it is.
   */
  renderState(texts: { failed: string; unavailable: string; loading?: string }): unknown {
    if (this.value) return nothing;
    return this.task.render({
      pending: () => renderLoading(texts.loading),
      complete: () => nothing,
      error: (_error, retry) => renderError({ message: texts.failed, onRetry: retry }),
      offline: (retry) => renderOffline(retry),
      noApi: () => renderError({ message: texts.unavailable }),
    });
  }

  /** The provider's configuration, when the provider serves the API this widget uses. */
  private fromProvider(): PortalConfig | undefined {
    const client = this.host.client;
    const provided = client && client === this.providerClient.value ? this.provided.value : undefined;
    return isUsablePortalConfig(provided) ? provided : undefined;
  }
}
