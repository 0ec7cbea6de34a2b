import { safeDefine } from '../../core/define.js';
import { EbokProvider } from './provider.js';

export { EbokProvider };

safeDefine('ebok-provider', EbokProvider);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-provider': EbokProvider;
  }
}
