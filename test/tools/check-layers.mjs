// The rooms of src/ point one way: a room imports only from rooms below it (or its own), so the kit never
// reaches into a widget and the API client never into an element. Part of `npm test`; run it alone with
// `node test/tools/check-layers.mjs`. Type-only imports count too: a type that points up is a design that does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/**
 * Lowest first. Leaves every room may use: the events, the version, and the contract's generated types
 * (`api/schema.d.ts`, reached as `api/schema.js`).
 */
const RANKS = [
  ['leaf', ['core/events.ts', 'core/version.ts', 'api/schema.ts']],
  ['i18n, theme, validation', ['i18n/', 'theme/', 'validation/']],
  ['api', ['api/']],
  ['context', ['context/']],
  ['core', ['core/']],
  ['controllers', ['controllers/']],
  ['kit', ['kit/']],
  ['widgets', ['widgets/']],
  ['entries', ['index.ts', 'all.ts', 'cdn/']],
];

function roomOf(file) {
  const path = relative(SRC, file).split('\\').join('/');
  for (let rank = 0; rank < RANKS.length; rank++) {
    const [name, prefixes] = RANKS[rank];
    if (prefixes.some((prefix) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix))) return { rank, name, path };
  }
  return undefined;
}

function* files(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'locales') yield* files(path);
    } else if (/\.ts$/.test(entry) && !entry.endsWith('.d.ts')) yield path;
  }
}

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

const problems = [];
let checked = 0;
for (const file of files(SRC)) {
  const from = roomOf(file);
  if (!from) {
    problems.push(`${relative(ROOT, file)} is in no room of the layout (add it to test/tools/check-layers.mjs)`);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
    const to = roomOf(target);
    checked++;
    if (from.rank === 0) problems.push(`${from.path} is a leaf and imports nothing, but imports ${specifier}`);
    else if (to && to.rank > from.rank) problems.push(`${from.path} (${from.name}) imports ${to.path} (${to.name}), a room above it`);
  }
}

if (problems.length) {
  console.error(`Imports that run up the layers (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`layers: ${checked} imports in src/ point down or sideways (${RANKS.map(([name]) => name).join(' < ')})`);
