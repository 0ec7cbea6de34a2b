import { safeDefine } from '../../core/define.js';
import { EbokLogin } from './login.js';

export { EbokLogin };

safeDefine('ebok-login', EbokLogin);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-login': EbokLogin;
  }
}
