import { css, html } from 'lit';
import { EbokElement } from '../../core/ebok-element.js';

/**
 * Wraps any number of ebok widgets and gives them their configuration: language (`lang`), utility theme
 * (`theme`) and text size (`text-size`). It draws nothing itself; the widgets inside lay out as if it
 * were not there.
 *
 * Widgets outside any provider read the same settings from the page (`<html lang>`, a preset stylesheet).
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

  override render() {
    return html`<slot></slot>`;
  }
}
