import { safeDefine } from '../../core/define.js';
import { EbokInvoiceList } from './invoice-list.js';

export { EbokInvoiceList };

safeDefine('ebok-invoice-list', EbokInvoiceList);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-invoice-list': EbokInvoiceList;
  }
}
