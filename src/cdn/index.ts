/**
 * The entry of the one-script-tag CDN file (`dist/cdn/ebok-widgets.js`): a small loader. Each widget's
 * code, the shared core, the English texts and chart.js are chunks next to it, loaded when a page needs
 * them. Import `ebok-widgets/all.js` from npm instead to define everything up front.
 */
import { startAutoloader } from './autoloader.js';

export { configure } from '../api/page-config.js';
export { loadWidget, loadAllWidgets } from './autoloader.js';

/** Switches every widget on the page to `locale` (`pl` or `en`); see README "Language". */
export async function setPageLocale(locale: string): Promise<void> {
  const { setPageLocale: set } = await import('../i18n/locale.js');
  return set(locale);
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => startAutoloader(), { once: true });
  else startAutoloader();
}
