import { safeDefine } from '../../core/define.js';
import { EbokDashboard } from './dashboard.js';

export { EbokDashboard };

safeDefine('ebok-dashboard', EbokDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-dashboard': EbokDashboard;
  }
}
