// Bundle size budgets, part of `npm test`: fails when a budget in size-budgets.json is exceeded, and when
// chart.js (or anything named in `lazy`) is reachable from the CDN entry by static imports, i.e. would load
// before a chart is on the page. Sizes are minified (the CDN build) + gzip level 9, as a CDN serves them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const cdn = join(root, 'dist/cdn');
const budgets = JSON.parse(readFileSync(new URL('size-budgets.json', import.meta.url), 'utf8'));
const manifest = JSON.parse(readFileSync(join(cdn, '.vite/manifest.json'), 'utf8'));

const kb = (bytes) => bytes / 1024;
const gz = (file) => gzipSync(readFileSync(join(cdn, file)), { level: 9 }).length;

function allJs(dir = cdn) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '.vite' ? [] : allJs(path);
    return name.endsWith('.js') ? [relative(cdn, path)] : [];
  });
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('dist/cdn/.vite/manifest.json has no entry: run `npm run build` first');

/** The entry and every chunk it imports statically: what loads before the first widget renders. */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) staticClosure(dep, seen);
  return seen;
}
const closure = [...staticClosure(entryKey)];
const isChartJs = (file) => /(^|\/)chartjs-/.test(file);

const sets = {
  'entry-closure': closure.map((key) => manifest[key].file),
  'all-but-chartjs': allJs().filter((file) => !isChartJs(file)),
};

let failed = 0;
const rows = [];
for (const [name, budget] of Object.entries(budgets.cdn)) {
  const files = sets[budget.files];
  if (!files) throw new Error(`size-budgets.json: unknown file set "${budget.files}"`);
  const size = kb(files.reduce((sum, file) => sum + gz(file), 0));
  const ok = size <= budget.max;
  if (!ok) failed++;
  rows.push(`${ok ? 'ok  ' : 'OVER'} ${size.toFixed(1).padStart(6)} KB of ${String(budget.max).padStart(3)} KB  ${name} (${files.length} files)`);
}

const chartInEntry = closure.filter((key) => isChartJs(manifest[key].file) || /chart\.js/.test(key));
if (chartInEntry.length) {
  failed++;
  rows.push(`FAIL chart.js loads with the entry (must be a dynamic import): ${chartInEntry.join(', ')}`);
}

console.log(['bundle sizes (min+gz):', ...rows.map((row) => `  ${row}`)].join('\n'));
if (failed) {
  console.error(`${failed} size check(s) failed. Make the code smaller or lazier; raise a budget only with a reason.`);
  process.exit(1);
}
