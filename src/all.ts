/**
 * Defines every ebok element. This is the entry of the single-script CDN file (`dist/cdn/ebok-widgets.js`)
 * and of `ebok-widgets/all.js`.
 */
import './widgets/provider/ebok-provider.js';
import './widgets/balance-tile/ebok-balance-tile.js';

export * from './index.js';
