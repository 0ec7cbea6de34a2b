import { EbokEvent } from '../../core/events.js';
import type { Consents } from './consents.logic.js';

export interface ConsentsChangedDetail {
  /** The consents as stored now. */
  consents: Consents;
  /** The ids of the marketing consents given or withdrawn by this save. */
  changed: string[];
  /** E-invoice now, when this save turned it on or off. */
  eInvoice?: boolean;
}

/**
 * `ebok-consents-changed`: the customer saved their consents in `<ebok-consents>`.
 *
 * Declared next to its widget (as `ebok-reading-submitted` is): only pages with the consents need its class.
 */
export class EbokConsentsChangedEvent extends EbokEvent<ConsentsChangedDetail> {
  static readonly type = 'ebok-consents-changed';
  constructor(detail: ConsentsChangedDetail) {
    super(EbokConsentsChangedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-consents-changed': EbokConsentsChangedEvent;
  }
}
