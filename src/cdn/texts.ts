/**
 * src/i18n/texts.ts as the CDN build has it (vite.config.ts, `englishPerChunk`): the English comes from the
 * registry the loader installed (src/cdn/english.ts), which holds the English of the chunks on the page.
 */
import type { EnglishRegistry } from './english.js';

const ENGLISH = Symbol.for('ebok-widgets.texts'); // as in ./english.ts, without importing it into the core

const registry = (): EnglishRegistry => (globalThis as unknown as Record<symbol, EnglishRegistry>)[ENGLISH]!;

export const loadEnglish = (): Promise<{ templates: Record<string, unknown> }> => registry().load();

export const wantLocale = (locale: string): void => {
  registry().english = locale === 'en';
};
