import { safeDefine } from '../../core/define.js';
import { EbokPortal } from './portal.js';

export { EbokPortal };

safeDefine('ebok-portal', EbokPortal);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-portal': EbokPortal;
  }
}
