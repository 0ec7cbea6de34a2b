import { safeDefine } from '../../core/define.js';
import { EbokContracts } from './contracts.js';

export { EbokContracts };

safeDefine('ebok-contracts', EbokContracts);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-contracts': EbokContracts;
  }
}
