/**
 * ebok-widgets: classes, types and helpers, with no side effects (nothing is defined here).
 * To define the elements, import `ebok-widgets/all.js` or one `ebok-widgets/ebok-<name>.js` per widget.
 */
export * from './core/index.js';
export * from './theme/index.js';
export {
  currentLocale,
  normalizeLocale,
  setPageLocale,
  localeReady,
  DEFAULT_LOCALE,
  LOCALES,
  type Locale,
} from './i18n/locale.js';
export * from './i18n/format.js';
export * from './api/index.js';
export * from './context/index.js';
export { EbokApiElement } from './core/api-element.js';
export { ApiTask, type ApiTaskStatus, type ApiTaskOptions, type ApiTaskRenderers } from './controllers/api-task.js';
export { EbokProvider } from './widgets/provider/provider.js';
export { EbokBalanceTile } from './widgets/balance-tile/balance-tile.js';
export { balanceState, payPlan, type BalanceState } from './widgets/balance-tile/balance-tile.logic.js';
