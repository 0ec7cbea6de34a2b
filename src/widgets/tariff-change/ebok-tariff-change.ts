import { safeDefine } from '../../core/define.js';
import { EbokTariffChange } from './tariff-change.js';

export { EbokTariffChange };

safeDefine('ebok-tariff-change', EbokTariffChange);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-tariff-change': EbokTariffChange;
  }
}
