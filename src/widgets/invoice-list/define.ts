/**
 * Defines <ebok-invoice-list> for the tests and stories. Not shipped yet: the package's entries are the
 * `ebok-<name>.ts` files, and this one becomes `ebok-invoice-list.ts` (with the element in all.ts, index.ts and
 * the CDN autoloader) once the whole CDN bundle has room for it (test/tools/size-budgets.json, `whole`).
 */
import { safeDefine } from '../../core/define.js';
import { EbokInvoiceList } from './invoice-list.js';

export { EbokInvoiceList };

safeDefine('ebok-invoice-list', EbokInvoiceList);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-invoice-list': EbokInvoiceList;
  }
}
