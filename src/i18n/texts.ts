/**
 * Where the English texts come from. In the npm package: one module with every message, which the host's
 * bundler splits off as it likes. The CDN build swaps this module for src/cdn/texts.ts (vite.config.ts,
 * `englishPerChunk`), where each chunk has the English of its own messages next to it.
 */
export const loadEnglish = (): Promise<{ templates: Record<string, unknown> }> => import('./locales/en.js');

/** Told which language the page switches to, before it loads (the CDN build fetches English parts only then). */
export const wantLocale = (_locale: string): void => {};
