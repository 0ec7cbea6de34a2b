import { EbokEvent } from '../../core/events.js';

/** What `ebok-tariff-change-requested` tells the host about the request. */
export interface TariffChangeRequestedDetail {
  id: string;
  pointId: string;
  fromTariff: string;
  toTariff: string;
  /** `submitted`: waiting for the utility's decision. */
  status: string;
}

/** `ebok-tariff-change-requested`: the utility took a tariff change request sent with `<ebok-tariff-change>`. */
export class EbokTariffChangeRequestedEvent extends EbokEvent<TariffChangeRequestedDetail> {
  static readonly type = 'ebok-tariff-change-requested';
  constructor(detail: TariffChangeRequestedDetail) {
    super(EbokTariffChangeRequestedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-tariff-change-requested': EbokTariffChangeRequestedEvent;
  }
}
