// Bundle size budgets, part of `npm test`. Sizes are of the CDN build (minified), gzip level 9, as a CDN
// serves them, read through Vite's manifest so they follow what a browser really fetches:
// - the entry (the loader) and what it imports statically;
// - for each widget, what a page that shows only that widget downloads before it renders: the entry, the
//   widget's chunk and everything that chunk imports statically; on an English page also the English part of
//   each of those chunks (`<chunk>.en.js`, see test/tools/english-per-chunk.mjs);
// - the whole bundle without chart.js.
// It also fails when chart.js is reachable from the entry or from a widget that does not draw a chart.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const cdn = join(root, 'dist/cdn');
const budgets = JSON.parse(readFileSync(new URL('size-budgets.json', import.meta.url), 'utf8'));
const manifest = JSON.parse(readFileSync(join(cdn, '.vite/manifest.json'), 'utf8'));

const kb = (bytes) => bytes / 1024;
const sizes = new Map();
const gz = (file) => {
  if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(cdn, file)), { level: 9 }).length);
  return sizes.get(file);
};
const total = (files) => kb([...new Set(files)].reduce((sum, file) => sum + gz(file), 0));

function allJs(dir = cdn) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '.vite' ? [] : allJs(path);
    return name.endsWith('.js') ? [relative(cdn, path)] : [];
  });
}

/** A manifest key and every chunk it imports statically. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}
const files = (keys) => [...keys].map((key) => manifest[key].file);
const isChartJs = (file) => /(^|\/)chartjs-/.test(file);

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('dist/cdn/.vite/manifest.json has no entry: run `npm run build` first');
const entry = closure(entryKey);
const widgets = Object.keys(manifest).filter((key) => /src\/widgets\/[^/]+\/ebok-[^/]+\.ts$/.test(key));

let failed = 0;
const rows = [];
const check = (label, size, max, count) => {
  const ok = size <= max;
  if (!ok) failed++;
  rows.push(`${ok ? 'ok  ' : 'OVER'} ${size.toFixed(1).padStart(6)} KB of ${String(max).padStart(3)} KB  ${label} (${count} files)`);
};

check(budgets.entry.label, total(files(entry)), budgets.entry.max, entry.size);
for (const widget of widgets) {
  const keys = new Set([...entry, ...closure(widget)]);
  const name = /ebok-[^/]+(?=\.ts$)/.exec(widget)[0];
  check(`${budgets.perWidget.label}: <${name}>`, total(files(keys)), budgets.perWidget.widgets?.[name] ?? budgets.perWidget.max, keys.size);
  const english = files(keys).map((file) => file.replace(/\.js$/, '.en.js')).filter((file) => existsSync(join(cdn, file)));
  check(`${budgets.englishPage.label}: <${name}>`, total([...files(keys), ...english]), budgets.englishPage.widgets?.[name] ?? budgets.englishPage.max, keys.size + english.length);
  if (!/chart/.test(name) && files(keys).some(isChartJs)) {
    failed++;
    rows.push(`FAIL chart.js loads with <${name}>, which draws no chart`);
  }
}
const everything = allJs().filter((file) => !isChartJs(file));
check(budgets.whole.label, total(everything), budgets.whole.max, everything.length);
if (files(entry).some(isChartJs)) {
  failed++;
  rows.push('FAIL chart.js loads with the entry (it must be a dynamic import)');
}

console.log(['bundle sizes (min+gz):', ...rows.map((row) => `  ${row}`)].join('\n'));
if (failed) {
  console.error(`${failed} size check(s) failed. Make the code smaller or lazier; raise a budget only with a reason.`);
  process.exit(1);
}
