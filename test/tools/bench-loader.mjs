// How the CDN loader fetches a page's widgets on a slow network: `npm run bench:loader` (not part of npm test).
//
//   node test/tools/bench-loader.mjs [label=]<dir of a CDN build> ...   (default: dist/cdn)
//
// Each build is served gzipped by a small local server and opened in headless Chromium with the network
// throttled through CDP (`Network.emulateNetworkConditions`, DevTools' "Slow 4G": 562.5 ms latency,
// 1.44 Mbit/s down), in pages as strict as a CMS can be (README "Security"):
// - only `<ebok-balance-tile>`, only `<ebok-login>`, and both;
// - the script pasted twice from two different paths (two copies, each with its own Lit), Trusted Types
//   required with `trusted-types lit-html` and no 'allow-duplicates'.
// For each page it prints when each widget rendered (first Lit update), and the timeline of the bundle's
// requests: start and end (ms since navigation), gzipped size, and the waterfall level (1 = the script tag's
// file; a request is one level deeper than the last of ours that had finished before it started).
// To compare with an older loader, build that commit's CDN bundle into a directory of its own
// (`npx vite build --mode cdn --outDir /tmp/before/cdn`) and pass both: `before=/tmp/before/cdn after=dist/cdn`.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { chromiumArgs } from '../../web-test-runner.config.mjs';

const root = resolve(import.meta.dirname, '../..');
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8, uploadThroughput: (750 * 1000 * 0.9) / 8 };
const QUIET_MS = 3000; // the page is done when none of our requests has started or ended for this long
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

const builds = (process.argv.slice(2).length ? process.argv.slice(2) : ['dist/cdn']).map((arg) => {
  const [label, dir] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, arg];
  const path = resolve(root, dir);
  if (!existsSync(join(path, 'ebok-widgets.js'))) throw new Error(`${path}/ebok-widgets.js is missing: build the CDN bundle first`);
  return { label, path };
});

const pages = {
  'only the tile': { body: '<ebok-balance-tile></ebok-balance-tile>' },
  'only the login': { body: '<ebok-login></ebok-login>' },
  'tile and login': { body: '<ebok-balance-tile></ebok-balance-tile>\n<ebok-login></ebok-login>' },
  'the script twice, from two paths': { body: '<ebok-provider><ebok-balance-tile></ebok-balance-tile></ebok-provider>', twice: true },
};

// Marks `rendered <tag>` when every element with that tag on the page has finished its first update.
const PROBE = `(() => {
  const tags = [...new Set([...document.querySelectorAll('*')].map((el) => el.localName).filter((t) => t.startsWith('ebok-')))];
  window.__rendered = Promise.all(tags.map(async (tag) => {
    await customElements.whenDefined(tag);
    await Promise.all([...document.querySelectorAll(tag)].map((el) => el.updateComplete));
    performance.mark('rendered ' + tag);
  }));
})();`;

function html(page, build) {
  const scripts = [`<script type="module" src="/${build}/ebok-widgets.js"></script>`];
  if (page.twice) scripts.push(`<script type="module" src="/${build}-copy/ebok-widgets.js"></script>`);
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
${scripts.join('\n')}
</head><body>
${page.body}
<script src="/probe.js" defer></script>
</body></html>`;
}

const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const send = (status, body, type) => {
    const gz = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const data = gz ? gzipSync(body, { level: 9 }) : Buffer.from(body);
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...(gz ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(data);
  };
  const [, first, ...rest] = url.pathname.split('/');
  if (first === 'probe.js') return send(200, PROBE, TYPES['.js']);
  if (first === 'favicon.ico') return res.writeHead(204).end();
  const page = Object.values(pages).find((_, i) => first === `page${i}`);
  const build = builds.findIndex((b, i) => `b${i}` === rest[0]);
  if (page && build >= 0) return send(200, html(page, `b${build}`), TYPES['.html']);
  const match = /^b(\d+)(-copy)?$/.exec(first);
  const dir = match && builds[Number(match[1])]?.path;
  const file = dir && normalize(join(dir, ...rest));
  if (!file || !file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return send(404, 'not found', 'text/plain');
  send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: [process.env.CHROME_PATH, '/usr/bin/chromium'].find((path) => path && existsSync(path)),
  headless: true,
  args: chromiumArgs,
});

async function measure(pageIndex, buildIndex) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  let last = Date.now();
  for (const event of ['Network.requestWillBeSent', 'Network.loadingFinished', 'Network.loadingFailed']) cdp.on(event, () => (last = Date.now()));
  await page.goto(`${origin}/page${pageIndex}/b${buildIndex}`, { waitUntil: 'load', timeout: 60000 });
  await page.evaluate(() => Promise.race([globalThis.__rendered, new Promise((done) => setTimeout(done, 30000))]));
  while (Date.now() - last < QUIET_MS) await new Promise((done) => setTimeout(done, 200));
  const result = await page.evaluate(() => ({
    rendered: performance.getEntriesByType('mark').map((m) => ({ tag: m.name.replace('rendered ', ''), at: m.startTime })),
    requests: performance
      .getEntriesByType('resource')
      .filter((r) => r.initiatorType !== 'other' || r.name.endsWith('.js'))
      .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize })),
  }));
  await context.close();
  const ours = result.requests.filter((r) => /^\/b\d+(-copy)?\//.test(r.path)).sort((a, b) => a.start - b.start);
  for (const r of ours) r.level = 1 + Math.max(0, ...ours.filter((q) => q !== r && q.end <= r.start).map((q) => q.level ?? 0));
  return { ...result, ours, errors };
}

const fmt = (ms) => String(Math.round(ms)).padStart(6);
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(5);
console.log(`CDN loader on a throttled network (Slow 4G: ${SLOW_4G.latency} ms, ${((SLOW_4G.downloadThroughput * 8) / 1e6).toFixed(2)} Mbit/s)`);
const summary = [];
for (const [b, build] of builds.entries()) {
  for (const [p, name] of Object.keys(pages).entries()) {
    const { rendered, ours, errors } = await measure(p, b);
    const renderedAt = Math.max(...rendered.map((r) => r.at));
    const before = ours.filter((r) => r.start < renderedAt);
    console.log(`\n${build.label} · ${name}`);
    for (const r of rendered) console.log(`  <${r.tag}> rendered at ${Math.round(r.at)} ms`);
    console.log(`  before the last render: ${before.length} requests, ${kb(before.reduce((s, r) => s + r.bytes, 0)).trim()} KB gz, ${Math.max(0, ...before.map((r) => r.level))} levels`);
    console.log(`  in all: ${ours.length} requests, ${kb(ours.reduce((s, r) => s + r.bytes, 0)).trim()} KB gz; console errors: ${errors.length}`);
    for (const e of errors.slice(0, 3)) console.log(`    error: ${e.slice(0, 140)}`);
    console.log('   start    end    KB  lvl  file');
    for (const r of ours) {
      const mark = r.start >= renderedAt ? '  (after render)' : '';
      console.log(`  ${fmt(r.start)} ${fmt(r.end)} ${kb(r.bytes)}  ${String(r.level).padStart(3)}  ${r.path.replace(/^\/b\d+/, '')}${mark}`);
    }
    summary.push({ build: build.label, page: name, 'rendered (ms)': Math.round(renderedAt), 'requests before': before.length, 'KB before': Number(kb(before.reduce((s, r) => s + r.bytes, 0))), levels: Math.max(0, ...before.map((r) => r.level)), errors: errors.length });
  }
}
console.log('');
console.table(summary);
await browser.close();
server.close();
