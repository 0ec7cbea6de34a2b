import type { Plugin } from 'vite';
/** The message ids a module's `msg()` calls use, as @lit/localize works them out at run time. */
export function messageIds(code: string, fileName: string): string[];
/** The CDN build's English, one part per chunk (see the module's comment). */
export function englishPerChunk(root: string): Omit<Plugin, 'api'> & { api: { chunkHasEnglish: (chunk: { moduleIds: readonly string[] }) => boolean } };
