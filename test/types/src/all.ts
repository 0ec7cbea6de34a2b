// `ebok-widgets/all.js` defines every element and exports what `ebok-widgets` does.
import { EbokBalanceTile, formatMoney } from 'ebok-widgets/all.js';

export const tile: EbokBalanceTile = document.createElement('ebok-balance-tile');
tile.signedOut = 'hidden';
export const amount: string = formatMoney('245.67');
// The CDN file's module (for pages that load it as a module and still want types).
export { loadWidget } from 'ebok-widgets/cdn/ebok-widgets.js';
