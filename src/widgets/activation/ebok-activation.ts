import { safeDefine } from '../../core/define.js';
import { EbokActivation } from './activation.js';

export { EbokActivation };

safeDefine('ebok-activation', EbokActivation);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-activation': EbokActivation;
  }
}
