import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { readdirSync, existsSync } from 'node:fs';
import { basename, posix, resolve } from 'node:path';
import { withSiteChrome } from './demo/server/chrome.ts';
import { minifyCssLiterals } from './test/tools/minify-css-literals.mjs';
import { englishPerChunk } from './test/tools/english-per-chunk.mjs';

/**
 * Three jobs, chosen by `--mode`:
 * - `lib` (npm): ES modules, one entry per widget (`ebok-<name>.js`) plus `index.js` and `all.js`;
 *   Lit, @lit/* and chart.js stay external so the host's bundler dedupes them; shared code in chunks/.
 * - `cdn`: `dist/cdn/ebok-widgets.js` for a single script tag on a CMS page: a small loader that fetches
 *   each widget's chunk (and the shared core, the English texts, chart.js) from next to itself only when
 *   the page shows that widget.
 * - serve (`npm run dev`): the demo pages alone, without the reference API (`npm start` serves both).
 */

const root = import.meta.dirname;

/** Every `src/widgets/<name>/ebok-<name>.ts`: each is one npm entry. */
function widgetEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  const dir = resolve(root, 'src/widgets');
  for (const name of readdirSync(dir)) {
    for (const file of readdirSync(resolve(dir, name))) {
      if (/^ebok-.*\.ts$/.test(file)) entries[file.replace(/\.ts$/, '')] = resolve(dir, name, file);
    }
  }
  return entries;
}

/**
 * The generated locale modules (src/i18n/locales/*.ts) import `str` from @lit/localize. Left alone, that
 * makes the bundler split @lit/localize into a third file that the CDN entry must fetch before anything
 * renders. `str` is a three-line tagger whose result is plain data, so the locale chunks get their own copy
 * and the entry stays one file. Locale messages are plain text by our convention (no `html` in `msg`),
 * so nothing else may be imported there.
 */
function localeModulesStandAlone(): Plugin {
  const STR = '\0ebok-locale-str';
  return {
    name: 'ebok-locale-modules-stand-alone',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/[\\/]src[\\/]i18n[\\/]locales[\\/]/.test(importer)) return null;
      if (source === '@lit/localize') return STR;
      if (!source.startsWith('.')) {
        throw new Error(`${importer} imports ${source}: locale messages must be plain text (use str, not html).`);
      }
      return null;
    },
    load(id) {
      return id === STR ? 'export const str = (strings, ...values) => ({ strTag: true, strings, values });' : null;
    },
  };
}

/**
 * The CDN loader (src/cdn/) as one file whose requests are one level deep:
 * - the modules the entry imports statically (page-wide settings, the version) get a copy of their own inside
 *   the entry instead of a shared chunk the browser would fetch before the loader can even start. Both copies
 *   keep their state on `globalThis` (src/api/page-config.ts), so a second copy changes nothing;
 * - `__EBOK_CDN_CHUNKS__` in src/cdn/index.ts becomes, for each widget tag, its chunk and every chunk
 *   that chunk imports statically (paths relative to the entry's chunks/ folder), which the loader preloads all at once; the
 *   chunks every widget imports are listed once, under the tag `''`. What the widget imports right after its first
 *   frame (`AFTER_FIRST_FRAME`) is listed too, marked to be fetched at low priority.
 *   File names still hold hash placeholders here; the bundler fills them in afterwards, as in the imports.
 */
/** Modules a widget imports after its first frame, which the CDN loader fetches with its chunk at low priority. */
const AFTER_FIRST_FRAME = /\.behaviour\.ts$|src[\\/]core[\\/]clients\.ts$/;

function cdnLoader(hasEnglish: (chunk: { moduleIds: readonly string[] }) => boolean): Plugin {
  const OWN_COPY = '?ebok-cdn-entry';
  const MARKER = '__EBOK_CDN_CHUNKS__';
  const inCdn = (id: string | undefined) => !!id && /[\\/]src[\\/]cdn[\\/]/.test(id);
  return {
    name: 'ebok-cdn-loader',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const kind = (options as { kind?: string }).kind;
      if (!inCdn(importer) || kind !== 'import-statement' || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved || inCdn(resolved.id) || resolved.id.includes('?')) return resolved;
      return { ...resolved, id: resolved.id + OWN_COPY };
    },
    renderChunk(code, chunk, _options, meta) {
      if (!chunk.isEntry) return null;
      if (chunk.imports.length) {
        this.error(`The CDN entry imports ${chunk.imports.join(', ')} statically: the loader must be one file.`);
      }
      const at = code.indexOf(MARKER);
      if (at < 0 || code.indexOf(MARKER, at + 1) >= 0 || !/^;?\s*$/m.test(code.slice(at + MARKER.length).split('\n')[0] ?? '')) {
        this.error(`${MARKER} must appear once in the CDN entry, last on its line (src/cdn/index.ts).`);
      }
      const closure = (file: string, seen = new Set<string>()): Set<string> => {
        if (!seen.has(file)) {
          seen.add(file);
          for (const dep of meta.chunks[file]?.imports ?? []) closure(dep, seen);
        }
        return seen;
      };
      // What a widget loads right after its first frame (its `*.behaviour.ts`, the page's clients): fetched in the
      // same wave, at low priority, so that it never holds up the first frame.
      const after = (file: string) => (meta.chunks[file]?.moduleIds ?? []).some((id) => AFTER_FIRST_FRAME.test(id));
      const base = posix.dirname(chunk.fileName);
      // Every chunk is in chunks/ (chunkFileNames): the table leaves that out, the loader puts it back,
      const inChunks = (path: string) => {
        if (!path.startsWith('chunks/')) this.error(`${path} is not in chunks/, where the CDN loader looks for every chunk.`);
        // and `.js`, which every chunk's name ends with.
        return path.slice('chunks/'.length).replace(/\.js$/, '');
      };
      const lists: Record<string, string[]> = {};
      // A `+` before a file: it has an English part (englishPerChunk), which an English page preloads with it.
      // A `-` before that: the file comes after the first frame (low priority).
      const named = (file: string, later = false) =>
        (later ? '-' : '') + (meta.chunks[file] && hasEnglish(meta.chunks[file]) ? '+' : '') + inChunks(posix.relative(base, file));
      for (const file of chunk.dynamicImports) {
        const tag = /[\\/]src[\\/]widgets[\\/][^\\/]+[\\/](ebok-[^\\/]+)\.ts$/.exec(meta.chunks[file]?.facadeModuleId ?? '')?.[1];
        if (!tag) continue;
        const first = closure(file);
        const later = new Set<string>();
        for (const needed of first) for (const next of meta.chunks[needed]?.dynamicImports ?? []) if (after(next)) closure(next, later);
        lists[tag] = [...[...first].map((f) => named(f)), ...[...later].filter((f) => !first.has(f)).map((f) => named(f, true))];
      }
      if (!Object.keys(lists).length) this.error('The CDN entry imports no widget chunk.');
      // What every widget needs (the core, the kit) is listed once, under '', not once per tag: the table is in
      // the loader every page downloads first, and each widget added would otherwise repeat it.
      const all = Object.values(lists);
      const common = all[0]!.filter((file) => all.every((list) => list.includes(file)));
      for (const tag of Object.keys(lists)) lists[tag] = lists[tag]!.filter((file) => !common.includes(file));
      lists[''] = common;
      // The marker is last on its line, so no mapping after it moves: the source map stays as it is.
      let out = code.slice(0, at) + JSON.stringify(lists) + code.slice(at + MARKER.length);
      // WIDGET_MODULES (src/cdn/autoloader.ts) emptied: the loader imports a tag's chunk from the first file of its
      // list, so the entry names each tag and each chunk once (−0.25 KB gzip on every page). Not with source maps,
      // whose columns after it would move (those builds are for reading, not for serving).
      if (!sourcemap) {
        const entry = /"ebok-[a-z-]+":\s*\(\)\s*=>\s*import\(["`]\.\/chunks\/[^"`]+\.js["`]\)(?:\.then\(\(?\w+\)?\s*=>\s*\w+\.\w+\))?/.source;
        const table = new RegExp(`\\{\\s*${entry}(?:,\\s*${entry})*,?\\s*\\}`, 'g');
        const found = out.match(table) ?? [];
        const tags = found[0]?.match(/"ebok-[a-z-]+":/g)?.length;
        if (found.length !== 1 || tags !== Object.keys(lists).length - 1) {
          this.error(`The CDN entry's WIDGET_MODULES was not found once with every tag (${found.length} tables, ${tags ?? 0} of ${Object.keys(lists).length - 1} tags).`);
        }
        out = out.replace(found[0], '{}');
      }
      return { code: out, map: null };
    },
  };
}

/**
 * The text of css`` templates without its indentation, newlines and comments (test/tools/minify-css-literals.mjs),
 * which the bundler's minifier leaves as written. Not with source maps (`EBOK_SOURCEMAP=1`): the maps would no
 * longer point at the right columns, so there the style sheets ship as written.
 */
function minifyStyles(): Plugin {
  return {
    name: 'ebok-minify-css-literals',
    enforce: 'pre',
    transform(code, id) {
      if (sourcemap || !/[\\/]src[\\/][^?]*\.ts$/.test(id)) return null;
      const minified = minifyCssLiterals(code, id);
      return minified === code ? null : { code: minified, map: null };
    },
  };
}

/** The modules of the CDN's shared core chunk (see `codeSplitting` below): what every element draws with. */
const CORE =
  /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/](reactive-element|localize))[\\/]|node_modules[\\/]@lit[\\/]context[\\/](index|lib[\\/](create-context|context-request-event))\.js|src[\\/](theme|context)[\\/]|src[\\/]api[\\/](client-source|page-config|diagnose)\.ts|src[\\/]i18n[\\/]locale(-codes)?\.ts|src[\\/]core[\\/](version|define|ebok-element|events|icon)\.ts/;

/** The API client (request, session, cache, retry) of the CDN's `client` chunk: a widget's first frame can do without it. */
const CLIENT = /src[\\/]api[\\/]/;

/**
 * The widget base of the CDN's `base` chunk: what a widget needs to draw its first frame (heading, states,
 * notices, icons), without the client and the kit.
 */
const BASE =
  /src[\\/]kit[\\/](notice\.styles|widget-base|lazy-behaviour)\.ts|src[\\/]controllers[\\/]focus\.ts|src[\\/]core[\\/](status|api-element)\.ts/;

/** The shared kit of the CDN's `kit` chunk (see `codeSplitting` below). @lit/context's consuming half is in the core: the provider needs it, and nothing else of the kit. */
const KIT =
  /node_modules[\\/]@lit[\\/]task[\\/]|node_modules[\\/]@lit[\\/]context[\\/]lib[\\/](context-root|controllers[\\/]context-consumer|decorators[\\/]consume)\.js|src[\\/]core[\\/]clients\.ts|src[\\/]kit[\\/](failure|action|portal-config|notice|icons|widget)\.ts|src[\\/]controllers[\\/]api-task\.ts|src[\\/]i18n[\\/](format|calendar)\.ts/;

/**
 * Lit directives that only the list widgets use, the `@query` decorator that only the dialog and the session
 * use, and the providing half of @lit/context, which only `<ebok-provider>` uses: in the core, every page
 * would pay for them.
 */
const NOT_CORE =
  /node_modules[\\/](lit|lit-html)[\\/](directives[\\/]repeat|directive-helpers)\.js|node_modules[\\/]@lit[\\/]reactive-element[\\/]decorators[\\/]query\.js|node_modules[\\/]@lit[\\/]context[\\/]lib[\\/](controllers[\\/]context-provider|decorators[\\/]provide|value-notifier)\.js/;

const external = [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^chart\.js(\/|$)/];

/**
 * Source maps only when asked (`EBOK_SOURCEMAP=1 npm run build`): a map embeds the sources (sourcesContent),
 * which neither the npm package nor the CDN files are meant to publish.
 */
const sourcemap = process.env.EBOK_SOURCEMAP === '1';

export default defineConfig(({ command, mode }): UserConfig => {
  if (command === 'serve') {
    const port = Number(process.env.PORT ?? 8787);
    // The widgets alone, without the reference API (npm start runs both): the demo pages under /demo/.
    return {
      root,
      publicDir: false,
      server: { port, strictPort: true, host: process.env.HOST ?? 'localhost', open: false },
      plugins: [
        {
          // The demo sites' header and footer, as the site server puts them in (demo/server/chrome.ts).
          name: 'ebok-demo-chrome',
          transformIndexHtml: (html, context) => withSiteChrome(html, basename(context.path)),
        },
        {
          name: 'ebok-demo-root',
          configureServer(server) {
            server.middlewares.use((req, res, next) => {
              if (req.url === '/') {
                res.writeHead(302, { Location: '/demo/' });
                res.end();
              } else next();
            });
          },
        },
      ],
    };
  }
  if (mode === 'cdn') {
    const english = englishPerChunk(root);
    return {
      publicDir: false,
      plugins: [minifyStyles(), localeModulesStandAlone(), english, cdnLoader(english.api.chunkHasEnglish)],
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        sourcemap,
        manifest: true,
        reportCompressedSize: false,
        lib: {
          entry: { 'ebok-widgets': resolve(root, 'src/cdn/index.ts') },
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rolldownOptions: {
          output: {
            // Seven hash characters: the bundler needs that many for 65 chunks. The widgets' chunks drop the
            // `ebok-` of their names: every import and the loader's table name them, and every page pays for it.
            chunkFileNames: (chunk) => `chunks/${chunk.name.replace(/^ebok-/, '')}-[hash:7].js`,
            minify: true,
            // The CDN files are run as they are, never bundled again: a later bundler's `/* @__PURE__ */` hints
            // are bytes every page paid for.
            comments: { annotation: false },
            codeSplitting: {
              groups: [
                { name: 'chartjs', test: /node_modules[\\/](chart\.js|@kurkle)/ },
                // The core every widget needs (Lit, the client, the theme, the language) as one file: fewer
                // requests, and gzip does better on one file than on the pieces the bundler would cut it into.
                // The entry's own copies (`?ebok-cdn-entry`, see cdnLoader) stay in the entry.
                { name: 'core', test: (id: string) => id === english.api.idModule || (!id.includes('?') && (CORE.test(id) || BASE.test(id)) && !NOT_CORE.test(id)) },
                // What a widget draws its first frame with, and the client it talks to the API with, each one file.
                { name: 'kit', test: (id: string) => !id.includes('?') && (KIT.test(id) || CLIENT.test(id)) },
                // What every widget that reads the API builds on (its states, errors, actions, formats), as one
                // file rather than the three or four that the set of widgets using each piece would give.
                { name: 'kit', test: (id: string) => !id.includes('?') && KIT.test(id) },
              ],
            },
          },
        },
      },
    };
  }
  // mode === 'lib' (the npm package)
  if (!existsSync(resolve(root, 'src/i18n/locales/en.ts'))) {
    throw new Error('Run `npm run i18n` first: the locale modules are generated from src/i18n/xliff.');
  }
  return {
    publicDir: false,
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap,
      reportCompressedSize: false,
      lib: {
        entry: {
          index: resolve(root, 'src/index.ts'),
          all: resolve(root, 'src/all.ts'),
          ...widgetEntries(),
        },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        external,
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
