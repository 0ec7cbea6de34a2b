import { safeDefine } from '../../core/define.js';
import { EbokProfile } from './profile.js';

export { EbokProfile };
export { EbokProfileChangeEvent } from './profile.events.js';

safeDefine('ebok-profile', EbokProfile);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-profile': EbokProfile;
  }
}
