// The checksums of Polish identifiers live in src/validation only: no other file of the project carries a PESEL
// or NIP weight table (the seed, the mocks and the demo personas ask src/validation instead). The one other home
// is test/validation/, whose oracles are written independently on purpose (a test must not check the
// implementation against itself). Run it with `node test/tools/check-identifier-code.mjs`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const ALLOWED = ['src/validation/', 'test/validation/'];
/** This file names the tables it looks for. */
const SELF = 'test/tools/check-identifier-code.mjs';
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'storybook-static', 'coverage', '.git', '.data', 'locales']);
const CODE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;

/** A weight table: the digits in order, with any commas, spaces or brackets between them. */
const table = (digits) => new RegExp(`(?<![0-9])${digits.join('[\\s,]*')}(?![0-9])`);
const TABLES = [
  ['PESEL weights 1,3,7,9', table([1, 3, 7, 9, 1, 3])],
  ['NIP weights 6,5,7,2,3,4', table([6, 5, 7, 2, 3, 4])],
];

// The check must fire: a copied table in any of the usual spellings is found, an unrelated list is not.
const mustFind = ['const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];', 'weights = [6,5,7,2,3,4,5,6,7]', "'1 3 7 9 1 3 7 9 1 3'"];
const mustIgnore = ['const sizes = [11, 3, 7, 9, 1, 3];', 'const version = "6.5.7.2"'];
for (const text of mustFind) if (!TABLES.some(([, re]) => re.test(text))) throw new Error(`the check misses a weight table: ${text}`);
for (const text of mustIgnore) if (TABLES.some(([, re]) => re.test(text))) throw new Error(`the check takes for a weight table: ${text}`);

function* files(dir) {
  for (const entry of readdirSync(dir)) {
    if (SKIPPED_DIRECTORIES.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (CODE.test(entry)) yield path;
  }
}

const problems = [];
let checked = 0;
for (const file of files(ROOT)) {
  const path = relative(ROOT, file).split('\\').join('/');
  if (path === SELF || ALLOWED.some((prefix) => path.startsWith(prefix))) continue;
  checked++;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    for (const [name, re] of TABLES) if (re.test(line)) problems.push(`${path}:${i + 1}: ${name} (use src/validation: validatePesel, validateNip …)`);
  });
}

if (problems.length) {
  console.error(`Identifier checksums outside src/validation (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`identifier checksums: none of ${checked} code files outside ${ALLOWED.join(' and ')} carries a PESEL or NIP weight table`);
