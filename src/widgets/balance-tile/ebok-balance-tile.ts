import { safeDefine } from '../../core/define.js';
import { EbokBalanceTile } from './balance-tile.js';

export { EbokBalanceTile };

safeDefine('ebok-balance-tile', EbokBalanceTile);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-balance-tile': EbokBalanceTile;
  }
}
