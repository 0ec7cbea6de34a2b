import { EbokWidgetBase } from './widget-base.js';
import { useClients } from '../core/clients.js';

export type { HeadingOptions } from './widget-base.js';

/**
 * The base of every widget that talks to the API (see ./widget-base.ts), with the page's clients from its
 * first update: whatever reads `this.client` (its own code, a list, a form's actions) finds it there.
 */
export class EbokWidget extends EbokWidgetBase {
  constructor() {
    super();
    useClients();
  }
}
