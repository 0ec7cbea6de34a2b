import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { EbokElement } from '../../src/core/ebok-element.js';
import { statusStyles, renderLoading, renderEmpty, renderError, renderOffline } from '../../src/core/status.js';
import { safeDefine } from '../../src/core/define.js';

/**
 * Shows one of the shared widget states (core/status.ts) the way every widget renders it,
 * so designers can review them in each theme, language and text size.
 */
export class EbokStatePreview extends EbokElement {
  static override styles = [EbokElement.styles, statusStyles];

  @property() state: 'loading' | 'empty' | 'error' | 'offline' = 'loading';

  override render() {
    const retry = () => this.dispatchEvent(new Event('retry', { bubbles: true, composed: true }));
    const body = {
      loading: () => renderLoading(),
      empty: () => renderEmpty('—'),
      error: () => renderError({ onRetry: retry }),
      offline: () => renderOffline(retry),
    }[this.state]();
    return html`<div class="base" part="base">${body}</div>`;
  }
}
safeDefine('ebok-state-preview', EbokStatePreview);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-state-preview': EbokStatePreview;
  }
}
