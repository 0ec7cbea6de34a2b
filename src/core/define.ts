import { VERSION } from './version.js';
import { pageLocaleLoading } from '../i18n/locale.js';

type EbokConstructor = CustomElementConstructor & { ebokVersion?: string };

/**
 * Defines a custom element unless the tag is already taken, so a CMS page that loads the bundle twice
 * (two blocks, two script tags, an npm build and the CDN file) throws nothing. The first definition wins.
 * A different version already on the page is reported once with `console.warn`, since the page then runs
 * the older or newer code and the integrator should know.
 *
 * On a page in another language than Polish the element is defined once that language has loaded (or failed
 * to): until then it keeps the room the page reserved for it (`:not(:defined)`) and renders once, in its language.
 */
export function safeDefine(tagName: string, constructor: CustomElementConstructor, waited = false): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const loading = waited ? undefined : pageLocaleLoading();
  if (loading) {
    void loading.then(() => safeDefine(tagName, constructor, true));
    return;
  }
  const existing = registry.get(tagName);
  if (existing) {
    const theirs = (existing as EbokConstructor).ebokVersion;
    if (existing !== constructor && theirs !== undefined && theirs !== VERSION) {
      console.warn(
        `ebok-widgets ${VERSION}: <${tagName}> is already defined by ebok-widgets ${theirs}; this copy is not used.`,
      );
    }
    return;
  }
  (constructor as EbokConstructor).ebokVersion = VERSION;
  registry.define(tagName, constructor);
}
