/**
 * The English texts of the CDN build, chunk by chunk. The build (vite.config.ts, `englishPerChunk`) writes next
 * to each chunk that shows messages a file with the English of those messages only (`<chunk>.en.js`), and starts
 * the chunk with `await <this registry>(import.meta.url)`:
 * - on an English page the chunk's English is fetched then (the loader has asked for it already, next to the
 *   chunk: one wave), and the chunk finishes evaluating only once it is there, so a widget or a view loaded on
 *   demand renders in English from its first frame;
 * - on a Polish page the chunk is only noted, and its English fetched if the page switches language later.
 * An English page downloads the texts of the widgets it shows, not all of them.
 */
export type EnglishRegistry = ((chunk: string) => Promise<unknown> | undefined) & {
  /** Every noted chunk's English, merged: what @lit/localize reads for `en` (src/cdn/texts.ts). */
  load(): Promise<{ templates: Record<string, unknown> }>;
  /** Whether chunks that arrive now fetch their English at once. */
  english: boolean;
};

export const ENGLISH = Symbol.for('ebok-widgets.texts');

/** The file with the English of a chunk's messages. */
export const englishOf = (chunk: string): string => chunk.replace(/\.js$/, '.en.js');

/** Whether `<html lang>` asks for English: chunks then fetch their English as they arrive. */
export const pageIsEnglish = (): boolean => /^en\b/i.test(document.documentElement.lang);

export function installEnglish(): void {
  const page = globalThis as unknown as Record<symbol, EnglishRegistry | undefined>;
  if (page[ENGLISH]) return;
  const templates: Record<string, unknown> = {};
  const parts = new Map<string, Promise<unknown> | undefined>();
  const fetchPart = (chunk: string): Promise<unknown> => {
    let part = parts.get(chunk);
    if (!part) {
      part = import(/* @vite-ignore */ englishOf(chunk)).then(
        (module: { default: Record<string, unknown> }) => Object.assign(templates, module.default),
        (error: unknown) => {
          parts.set(chunk, undefined); // tried again at the next switch to English
          throw error;
        },
      );
      parts.set(chunk, part);
    }
    return part;
  };
  const registry = ((chunk: string) => {
    if (!registry.english) return void parts.set(chunk, parts.get(chunk));
    // A chunk whose English cannot be fetched (offline) still runs, in Polish.
    return fetchPart(chunk).catch((error: unknown) => console.warn('ebok-widgets: could not load the language en', error));
  }) as EnglishRegistry;
  registry.english = pageIsEnglish();
  registry.load = async () => {
    registry.english = true;
    await Promise.all([...parts.keys()].map(fetchPart));
    return { templates };
  };
  page[ENGLISH] = registry;
}
