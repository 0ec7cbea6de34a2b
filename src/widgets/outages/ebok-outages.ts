import { safeDefine } from '../../core/define.js';
import { EbokOutages } from './outages.js';

export { EbokOutages };

safeDefine('ebok-outages', EbokOutages);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-outages': EbokOutages;
  }
}
