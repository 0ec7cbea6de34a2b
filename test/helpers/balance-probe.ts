import { html } from 'lit';
import { EbokApiElement } from '../../src/core/api-element.js';
import { ApiTask } from '../../src/controllers/api-task.js';
import { renderError, renderLoading, renderOffline, statusStyles } from '../../src/core/status.js';
import { formatMoney } from '../../src/i18n/format.js';
import { safeDefine } from '../../src/core/define.js';
import type { ApiData } from '../../src/api/client.js';

/** A minimal data widget on EbokApiElement + ApiTask, for testing what they give every real widget. */
export class BalanceProbe extends EbokApiElement {
  static override styles = [EbokApiElement.styles, statusStyles];

  readonly data: ApiTask<ApiData<'/balance'>> = new ApiTask(this, {
    load: (client, signal) => client.get('/balance', { signal }),
  });

  override render() {
    return html`<div class="base" part="base">
      ${this.data.render({
        pending: () => renderLoading(),
        complete: (balance) => html`<p class="amount">${formatMoney(balance.balance.amount)}</p>`,
        error: (_error, retry) => renderError({ onRetry: retry }),
        offline: (retry) => renderOffline(retry),
        signedOut: () => html`<p class="signed-out">signed out</p>`,
        noApi: () => html`<p class="no-api">no api</p>`,
      })}
    </div>`;
  }
}
safeDefine('ebok-balance-probe', BalanceProbe);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-balance-probe': BalanceProbe;
  }
}
