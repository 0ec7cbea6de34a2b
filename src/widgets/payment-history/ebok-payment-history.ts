import { safeDefine } from '../../core/define.js';
import { EbokPaymentHistory } from './payment-history.js';

export { EbokPaymentHistory };

safeDefine('ebok-payment-history', EbokPaymentHistory);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-payment-history': EbokPaymentHistory;
  }
}
