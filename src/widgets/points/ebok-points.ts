import { safeDefine } from '../../core/define.js';
import { EbokPoints } from './points.js';

export { EbokPoints };

safeDefine('ebok-points', EbokPoints);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-points': EbokPoints;
  }
}
