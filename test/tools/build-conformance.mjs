// Builds the conformance suite's CLI (test/conformance/run.ts) into one file the npm package ships as the
// `ebok-conformance` command: dist/conformance/ebok-conformance.mjs, with its dependencies (ajv, ajv-formats,
// yaml) bundled in, because a utility that ran `npm install ebok-widgets` has none of our devDependencies.
// The command reads the contract the package ships, src/api/openapi.yaml, at ../../src/api/openapi.yaml from
// itself (test/conformance/contract.ts). Part of `npm run build`, after the Vite builds (they empty dist/).
//   node test/tools/build-conformance.mjs [--outfile <file>]
import { chmodSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_OUTFILE = resolve(root, 'dist/conformance/ebok-conformance.mjs');

/** Bundles the CLI into `outfile` (default dist/conformance/ebok-conformance.mjs); answers the file's path. */
export async function buildConformance(outfile = DEFAULT_OUTFILE) {
  await build({
    entryPoints: [resolve(root, 'test/conformance/run.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    tsconfig: resolve(root, 'test/conformance/tsconfig.json'),
    // Bundled CommonJS (ajv) may `require` Node's own modules; an ES module has no `require` of its own.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __ebokCreateRequire } from 'node:module';\nconst require = __ebokCreateRequire(import.meta.url);",
    },
    define: { __EBOK_CONFORMANCE_BIN__: 'true' },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
  return outfile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { outfile: { type: 'string' } } });
  const outfile = await buildConformance(values.outfile ? resolve(values.outfile) : DEFAULT_OUTFILE);
  console.log(`${relative(process.cwd(), outfile)}: ${(statSync(outfile).size / 1024).toFixed(0)} KB (the ebok-conformance command)`);
}
