import { safeDefine } from '../../core/define.js';
import { EbokPasswordReset } from './password-reset.js';

export { EbokPasswordReset };

safeDefine('ebok-password-reset', EbokPasswordReset);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-password-reset': EbokPasswordReset;
  }
}
