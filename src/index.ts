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
export { EbokProvider } from './widgets/provider/provider.js';
