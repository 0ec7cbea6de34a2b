import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { loadCsf } from 'storybook/internal/csf-tools';

const ROOT = join(import.meta.dirname, '../..');
const STORIES_DIR = join(ROOT, 'stories');
const SHARD_DIR = join(ROOT, 'test/stories');

/** Every stories/**\/*.stories.ts file, as a root-relative path with forward slashes, sorted. */
function storiesFiles(dir = STORIES_DIR) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...storiesFiles(path));
    else if (entry.name.endsWith('.stories.ts')) found.push(relative(ROOT, path).split('\\').join('/'));
  }
  return found.sort();
}

/**
 * What Storybook's own indexer makes of a stories file (its title and story ids), read from the source
 * and not from the module the browser runs, so the check can prove it rendered each of them.
 */
function indexed(file) {
  const code = readFileSync(join(ROOT, file), 'utf8');
  const csf = loadCsf(code, { fileName: file, makeTitle: (title) => title ?? file }).parse();
  return { file, title: csf.meta.title, ids: csf.stories.map((story) => story.id) };
}

/**
 * Storybook's `storybook/test` (which its CSF module imports) uses @testing-library/dom, whose ES build
 * imports CommonJS packages (aria-query, lz-string, pretty-format) by name; Vite pre-bundles it, and so does
 * this plugin, with esbuild, into one ES module.
 */
const PREBUNDLED_SOURCE = '@testing-library/dom';
const PREBUNDLED_PATH = '/__ebok/prebundled/testing-library-dom.js';
/** The manifest as a module, for an `import … from '…/custom-elements.json'` (a fetch of it still gets JSON). */
const MANIFEST_MODULE_PATH = '/__ebok/custom-elements.js';

/**
 * What Storybook's modules need in web-test-runner (test/stories/, the story check):
 *
 * - `/__ebok/stories.json`: every stories file with the ids Storybook indexes in it, and how many
 *   test/stories/shard-N.test.ts files share them out, so a stories file added later is checked
 *   without anyone listing it;
 * - `@testing-library/dom` pre-bundled (above), and `process.env.NODE_ENV` in Storybook's chunks;
 * - `/mockServiceWorker.js`: MSW's worker script (kept in stories/public, Storybook's static folder), at the
 *   root so that it controls the test page;
 * - `custom-elements.json` as a module: .storybook/preview.ts imports the manifest (`npm run manifest`)
 *   for the docs tables; without one yet (a development run before any build), an empty manifest.
 */
export function storiesPlugin() {
  let prebundled;
  return {
    name: 'ebok-stories',
    resolveImport({ source }) {
      if (source === PREBUNDLED_SOURCE) return PREBUNDLED_PATH;
      if (source.endsWith('/custom-elements.json')) return MANIFEST_MODULE_PATH;
      return undefined;
    },
    // Storybook's browser chunks read process.env.NODE_ENV, which Vite replaces and a browser lacks.
    transform(context) {
      if (!context.path.includes('/node_modules/storybook/dist/') || typeof context.body !== 'string') return undefined;
      if (!context.body.includes('process.env.NODE_ENV')) return undefined;
      return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
    },
    async serve(context) {
      if (context.path === PREBUNDLED_PATH) {
        prebundled ??= build({
          stdin: { contents: `export * from '${PREBUNDLED_SOURCE}';`, resolveDir: ROOT },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2022',
          write: false,
          logLevel: 'silent',
          define: { 'process.env.NODE_ENV': '"development"' },
        }).then((result) => result.outputFiles[0].text);
        return { body: await prebundled, type: 'js' };
      }
      if (context.path === '/__ebok/stories.json') {
        const shards = readdirSync(SHARD_DIR).filter((name) => /^shard-\d+\.test\.ts$/.test(name)).length;
        return { body: JSON.stringify({ shards, files: storiesFiles().map(indexed) }), type: 'json' };
      }
      if (context.path === '/mockServiceWorker.js') {
        return { body: readFileSync(join(STORIES_DIR, 'public/mockServiceWorker.js'), 'utf8'), type: 'js' };
      }
      if (context.path === MANIFEST_MODULE_PATH) {
        const file = join(ROOT, 'custom-elements.json');
        const manifest = existsSync(file) ? readFileSync(file, 'utf8') : '{"schemaVersion":"1.0.0","modules":[]}';
        return { body: `export default ${manifest};`, type: 'js' };
      }
      return undefined;
    },
  };
}
