import { safeDefine } from '../core/define.js';
import { EbokDialog } from './dialog.js';

export { EbokDialog };

// The modal of the widgets that need one (the session warning, the payment confirmation); they import it.
safeDefine('ebok-dialog', EbokDialog);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-dialog': EbokDialog;
  }
}
