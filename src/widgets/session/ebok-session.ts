import { safeDefine } from '../../core/define.js';
import { EbokSession } from './session.js';

export { EbokSession };

safeDefine('ebok-session', EbokSession);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-session': EbokSession;
  }
}
