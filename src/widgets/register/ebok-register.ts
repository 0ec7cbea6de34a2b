import { safeDefine } from '../../core/define.js';
import { EbokRegister } from './register.js';

export { EbokRegister };

safeDefine('ebok-register', EbokRegister);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-register': EbokRegister;
  }
}
