import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { EbokElement } from '../../src/core/ebok-element.js';
import { renderError, statusStyles } from '../../src/core/status.js';
import { safeDefine } from '../../src/core/define.js';
import { EbokErrorEvent } from '../../src/core/events.js';
import { formatMoney } from '../../src/i18n/format.js';

/** A minimal widget on the EbokElement base, for testing what the base gives every widget. */
export class TestWidget extends EbokElement {
  static override styles = [
    EbokElement.styles,
    statusStyles,
    css`
      .amount {
        font-size: 2em;
      }
    `,
  ];

  @property() amount = '1234.5';

  renders = 0;

  override render() {
    this.renders++;
    return html`<div class="base" part="base">
      <p class="text">Tekst</p>
      <p class="amount">${formatMoney(this.amount)}</p>
      <button class="button" type="button" @click=${this.fail}>OK</button>
      ${renderError()}
    </div>`;
  }

  private fail() {
    this.emit(new EbokErrorEvent({ code: 'test', message: 'test' }));
  }
}
safeDefine('ebok-test-widget', TestWidget);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-test-widget': TestWidget;
  }
}
