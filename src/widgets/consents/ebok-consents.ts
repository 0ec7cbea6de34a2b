import { safeDefine } from '../../core/define.js';
import { EbokConsents } from './consents.js';

export { EbokConsents };

safeDefine('ebok-consents', EbokConsents);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-consents': EbokConsents;
  }
}
