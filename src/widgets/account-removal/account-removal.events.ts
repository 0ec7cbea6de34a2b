import { EbokEvent } from '../../core/events.js';

export interface AccountRemovalRequestedDetail {
  id: string;
  status: string;
  submittedAt: string;
}

/** `ebok-account-removal-requested`: the customer filed a request to remove the eBOK account. */
export class EbokAccountRemovalRequestedEvent extends EbokEvent<AccountRemovalRequestedDetail> {
  static readonly type = 'ebok-account-removal-requested';
  constructor(detail: AccountRemovalRequestedDetail) {
    super(EbokAccountRemovalRequestedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-account-removal-requested': EbokAccountRemovalRequestedEvent;
  }
}
