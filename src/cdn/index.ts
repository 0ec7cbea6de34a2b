/**
 * The entry of the one-script-tag CDN file (`dist/cdn/ebok-widgets.js`): a small loader. Each widget's
 * code, the shared core, the English texts and chart.js are chunks next to it, loaded when a page needs
 * them. Import `ebok-widgets/all.js` from npm instead to define everything up front.
 *
 * A page may paste the script twice, even from two URLs (two CMS blocks, two versions on the CDN). Only the
 * copy that runs first loads widgets; a later copy hands every call to it and fetches nothing, so the page
 * runs one Lit, whose Trusted Types policy `lit-html` is created once (no 'allow-duplicates' needed).
 */
import { loadAllWidgets as loadAll, loadWidget as load, setChunkFiles, startAutoloader } from './autoloader.js';
import { VERSION } from '../core/version.js';
import { installEnglish } from './english.js';

export { configure } from '../api/page-config.js';

interface PageLoader {
  version: string;
  loadWidget(tag: string): Promise<unknown>;
  loadAllWidgets(): Promise<unknown[]>;
  setPageLocale(locale: string): Promise<void>;
}

/** Written by the CDN build (vite.config.ts, `cdnLoader`): tag → the files its chunk needs, relative to this file. */
declare const __EBOK_CDN_CHUNKS__: Readonly<Record<string, readonly string[]>>;

const KEY = Symbol.for('ebok-widgets.loader');
const page = globalThis as unknown as Record<symbol, PageLoader | undefined>;
const first = page[KEY];
const loader: PageLoader = first ?? {
  version: VERSION,
  loadWidget: load,
  loadAllWidgets: loadAll,
  setPageLocale: async (locale) => (await import('../i18n/set-page-locale.js')).setPageLocale(locale),
};

/** Loads the code of one widget (once); resolves when its element is defined. */
export const loadWidget = (tag: string): Promise<unknown> => loader.loadWidget(tag);

/** Loads every widget now (e.g. before rendering them in a single-page app). */
export const loadAllWidgets = (): Promise<unknown[]> => loader.loadAllWidgets();

/** Switches every widget on the page to `locale` (`pl` or `en`); see README "Language". */
export const setPageLocale = (locale: string): Promise<void> => loader.setPageLocale(locale);

if (first) {
  if (first.version !== VERSION) {
    console.warn(`ebok-widgets ${VERSION}: the page already runs ebok-widgets ${first.version}, loaded first; this copy is not used.`);
  }
} else if (typeof document !== 'undefined') {
  page[KEY] = loader;
  installEnglish();
  const chunkFiles = __EBOK_CDN_CHUNKS__;
  setChunkFiles(chunkFiles);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => startAutoloader(), { once: true });
  else startAutoloader();
}
