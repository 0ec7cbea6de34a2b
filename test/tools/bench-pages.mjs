// What a customer's browser pays for our widgets on a slow phone, page by page, next to a plain-Lit login form:
// `npm run bench:pages` (the first part of `npm run bench`, after the build; not part of npm test).
//
//   node test/tools/bench-pages.mjs                    measure, print the table, write bench-results/pages.json
//   node test/tools/bench-pages.mjs --table [file]     print the README's Markdown table from a JSON it wrote
//   BENCH_RUNS=3 (runs per page, the median is kept)   BENCH_PAGES=login (only pages whose name contains it)
//
// The built CDN bundle (dist/cdn, which must exist: `npm run build` or `npx vite build --mode cdn`) is served
// gzipped (level 9) by a small local server, with plain pages: one per tag of the CDN loader's WIDGET_MODULES
// (src/cdn/autoloader.ts) alone, the login and the tile together, every widget at once, the login and the tile
// on an English page (`<html lang="en">`), and the login page again kept open until every element is defined.
// Every widget gets `api-base="/api/v1"` (and the page `<meta name="ebok-api-base" content="/api/v1">` for the
// elements the portal and the dashboard create), answered by a stub in the same server, as the contract says:
// `GET /api/v1/portal-config` the energy utility's configuration of the reference server
// (demo/personas/utilities.ts), `GET /api/v1/auth/session` 204 (nobody signed in), the public
// `GET /api/v1/outages` an empty list, anything else 401 `unauthenticated`: every widget renders what a visitor
// who is not signed in sees, and none needs the reference server (no database to seed).
// The comparison is a login form in plain Lit (two labelled fields, a submit button, required-field checks and
// an error message) that this script writes to a temporary directory and builds with Vite (`build()`, fully
// minified, Lit from this repository's node_modules), served and measured the same way.
//
// Each page is opened in a fresh incognito context of headless Chromium (1280×800, cache disabled) with the
// network emulated as slow 4G through CDP (`Network.emulateNetworkConditions`: latency 150 ms, 1.6 Mbit/s down,
// 750 kbit/s up) and the CPU slowed 4× (`Emulation.setCPUThrottlingRate`). A script injected before the page's
// own (`evaluateOnNewDocument`) records long tasks (PerformanceObserver 'longtask') and when the page's
// elements rendered. Per page:
// - first render: when every custom element in the page's HTML has completed its first Lit update (`hasUpdated`,
//   looked at every animation frame), in ms since navigation. Not `updateComplete`: a widget that draws first
//   and loads its behaviour after (the balance tile) resolves that only once the behaviour is in;
// - JS before first render: the JavaScript files requested before that moment (Resource Timing; a file whose
//   request started before it counts), their number and gzipped bytes as transferred (`encodedBodySize`:
//   the compressed body, without the HTTP headers);
// - levels: the depth of that request waterfall (1 = the script tag's file; a request is one level deeper than
//   the deepest of those that had finished before it started, as in bench-loader.mjs);
// - interactive: the end of the last long task or request (any: scripts, API) before the first window of
//   QUIET_MS after the first render with no long task and no request in flight (a short Lighthouse-like TTI:
//   the page's widgets are drawn, their data asked for and the main thread free). The loader defines the
//   other elements only later, once no request has finished for a second and the browser is idle: that work
//   is not part of it, and the last row ("login alone, until every tag is defined") measures it;
// - long tasks until interactive (count and ms), and the JS heap used then (CDP `Performance.getMetrics`
//   JSHeapUsedSize, right after a forced GC);
// - the API requests by path (and query): the widgets should ask for each resource once; duplicates are
//   printed.
// Each page is measured BENCH_RUNS times (default 3) and the median of each figure is kept. It prints the
// machine and the table, and writes everything to bench-results/pages.json (git-ignored).
/* global window, document, customElements -- in the functions run in the page */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cleanup, cleanups, sleep, within } from './bench-exit.mjs';

const root = resolve(import.meta.dirname, '../..');
const OUT = resolve(root, 'bench-results/pages.json');

// ---------- the README's table from a JSON this script wrote ----------
const fixed = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const kib = (bytes) => fixed(bytes / 1024, 1);
const mib = (bytes) => fixed(bytes / 2 ** 20, 1);
const ratio = (ours, plain) => (Number.isFinite(ours) && Number.isFinite(plain) && plain > 0 ? `${(ours / plain).toFixed(1)}×` : '–');

function markdown(result) {
  const plain = result.pages.find((p) => p.plain)?.median;
  const lines = [
    '| page | JS before first render | levels | first render | interactive | long tasks until then | JS heap | API requests | ours / plain Lit: KB · render · interactive · heap |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const page of result.pages) {
    const m = page.median;
    const api = Object.entries(m.api ?? {})
      .map(([path, n]) => `${path.replace(/^\/api\/v1/, '')}${n > 1 ? ` **×${n}**` : ''}`)
      .join(', ');
    const vs = page.plain || !plain ? '' : [ratio(m.jsBytes, plain.jsBytes), ratio(m.renderMs, plain.renderMs), ratio(m.interactiveMs, plain.interactiveMs), ratio(m.heapBytes, plain.heapBytes)].join(' · ');
    // Tags in backticks: bare, a Markdown renderer takes them for HTML.
    const name = page.plain ? `**${page.name}** (the reference)` : page.name.replace(/<[a-z-]+>/g, (tag) => `\`${tag}\``);
    const all = page.untilAllDefined ? ` (every tag at ${fixed(m.definedAt)} ms; in all ${fixed(m.longTasksInAll)} long tasks, ${fixed(m.longTaskMsInAll)} ms)` : '';
    lines.push(
      `| ${name}${all} | ${kib(m.jsBytes)} KB, ${fixed(m.jsFiles)} ${m.jsFiles === 1 ? 'file' : 'files'} | ${fixed(m.levels)} | ${fixed(m.renderMs)} ms | ${fixed(m.interactiveMs)} ms | ${fixed(m.longTasks)}, ${fixed(m.longTaskMs)} ms | ${mib(m.heapBytes)} MiB | ${api || 'none'} | ${vs} |`,
    );
  }
  return lines.join('\n');
}

function machineLine(result) {
  const m = result.machine;
  return `${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.chromium}, Node ${m.node}; load average ${m.loadBefore} before, ${m.loadAfter} after; median of ${result.runs} runs per page`;
}

if (process.argv[2] === '--table') {
  const file = resolve(process.argv[3] ?? OUT);
  const result = JSON.parse(readFileSync(file, 'utf8'));
  console.log(`Machine: ${machineLine(result)}.\n`);
  console.log(markdown(result));
  process.exit(0);
}

// ---------- the measurement ----------
const { default: puppeteer } = await import('puppeteer-core');
const { chromiumArgs, findChromium } = await import('../../web-test-runner.config.mjs');

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const ONLY = process.env.BENCH_PAGES ?? '';
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1000 * 1000) / 8, uploadThroughput: (750 * 1000) / 8 };
const CPU_SLOWDOWN = 4;
/** The quiet window that ends "interactive": no long task and no request in flight for this long. */
const QUIET_MS = 500;
const VIEWPORT = { width: 1280, height: 800 };
const LIMITS = { render: 30_000, quiet: 30_000, allDefined: 60_000 };
const CDN = resolve(root, 'dist/cdn');
if (!existsSync(join(CDN, 'ebok-widgets.js'))) throw new Error(`${CDN}/ebok-widgets.js is missing: build the CDN bundle first (npm run build)`);

/** The tags the CDN loader knows, in its order. */
const TAGS = [...readFileSync(resolve(root, 'src/cdn/autoloader.ts'), 'utf8').matchAll(/^\s*'(ebok-[a-z-]+)': \(\) => import\(/gm)].map((m) => m[1]);
if (TAGS.length < 2) throw new Error('Found no WIDGET_MODULES in src/cdn/autoloader.ts');

// ---------- the plain-Lit login form, built now ----------
const PLAIN_SOURCE = `import { LitElement, css, html } from 'lit';

/** A login form as a page would write it in plain Lit: labelled fields, required checks, an error message. */
class PlainLogin extends LitElement {
  static properties = { apiBase: { attribute: 'api-base' }, errors: { state: true }, message: { state: true }, busy: { state: true } };
  static styles = css\`
    :host { display: block; max-width: 24rem; font: 1rem/1.5 system-ui, sans-serif; }
    label { display: block; margin-top: 0.75rem; font-weight: 600; }
    input { box-sizing: border-box; width: 100%; padding: 0.5rem; border: 1px solid #767676; border-radius: 4px; font: inherit; }
    input[aria-invalid='true'] { border-color: #b00020; }
    .field-error, [role='alert'] { color: #b00020; margin: 0.25rem 0 0; }
    button { margin-top: 1rem; padding: 0.5rem 1.25rem; border: 0; border-radius: 4px; background: #0b57d0; color: #fff; font: inherit; }
    button[disabled] { opacity: 0.6; }
  \`;

  constructor() {
    super();
    this.apiBase = '/api/v1';
    this.errors = {};
    this.message = '';
    this.busy = false;
  }

  render() {
    const field = (name, label, type, autocomplete) => html\`
      <label for=\${name}>\${label}</label>
      <input id=\${name} name=\${name} type=\${type} autocomplete=\${autocomplete} required
        aria-invalid=\${this.errors[name] ? 'true' : 'false'} aria-describedby=\${name + '-error'} />
      <p class="field-error" id=\${name + '-error'}>\${this.errors[name] ?? ''}</p>\`;
    return html\`<form novalidate @submit=\${this.submit}>
      \${field('identifier', 'E-mail or customer number', 'text', 'username')}
      \${field('password', 'Password', 'password', 'current-password')}
      <button type="submit" ?disabled=\${this.busy}>Sign in</button>
      <p role="alert">\${this.message}</p>
    </form>\`;
  }

  async submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const identifier = String(form.get('identifier') ?? '').trim();
    const password = String(form.get('password') ?? '');
    this.errors = {
      ...(identifier ? {} : { identifier: 'Enter your e-mail or customer number.' }),
      ...(identifier.includes('@') && !/^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(identifier) ? { identifier: 'This e-mail address looks wrong.' } : {}),
      ...(password ? {} : { password: 'Enter your password.' }),
    };
    this.message = '';
    if (Object.keys(this.errors).length) return;
    this.busy = true;
    try {
      const response = await fetch(this.apiBase + '/auth/login', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ identifier, password }),
      });
      if (!response.ok) this.message = response.status === 401 ? 'Wrong login or password.' : 'Could not sign in, try again later.';
      else this.dispatchEvent(new CustomEvent('login', { bubbles: true, composed: true }));
    } catch {
      this.message = 'No connection, try again.';
    } finally {
      this.busy = false;
    }
  }
}
customElements.define('plain-login', PlainLogin);
`;

async function buildPlain() {
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'ebok-bench-plain-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const entry = join(dir, 'plain-login.js');
  writeFileSync(entry, PLAIN_SOURCE);
  const lit = createRequire(join(root, 'package.json')).resolve('lit');
  await build({
    configFile: false,
    root: dir,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: [{ find: /^lit$/, replacement: lit }] },
    build: {
      outDir: join(dir, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      reportCompressedSize: false,
      lib: { entry, formats: ['es'], fileName: () => 'plain-login.js' },
      rolldownOptions: { output: { minify: true, comments: false } },
    },
  });
  return join(dir, 'dist');
}

// ---------- the pages ----------
const html = ({ lang, head, body }) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bench</title>
${head}
</head><body>
<main>
${body}
</main>
</body></html>`;
const ours = (lang, tags) => ({
  lang,
  tags,
  head: '<meta name="ebok-api-base" content="/api/v1">\n<script type="module" src="/cdn/ebok-widgets.js"></script>',
  body: tags.map((tag) => `<${tag} api-base="/api/v1"></${tag}>`).join('\n'),
});
const PAGES = [
  { name: 'plain-Lit login form', plain: true, lang: 'en', tags: ['plain-login'], head: '<script type="module" src="/plain/plain-login.js"></script>', body: '<plain-login api-base="/api/v1"></plain-login>' },
  ...TAGS.map((tag) => ({ name: `<${tag}>`, ...ours('pl', [tag]) })),
  { name: '<ebok-login> + <ebok-balance-tile>', ...ours('pl', ['ebok-login', 'ebok-balance-tile']) },
  { name: `all ${TAGS.length} widgets`, ...ours('pl', TAGS) },
  { name: '<ebok-login>, English page', ...ours('en', ['ebok-login']) },
  { name: '<ebok-balance-tile>, English page', ...ours('en', ['ebok-balance-tile']) },
  { name: '<ebok-login>, until every tag is defined', untilAllDefined: true, ...ours('pl', ['ebok-login']) },
].filter((page) => page.plain || page.name.includes(ONLY));

// ---------- the server: pages, the two builds, the API stub ----------
async function portalConfig() {
  const { tsImport } = await import('tsx/esm/api');
  const { ENERGIA } = await tsImport(resolve(root, 'demo/personas/utilities.ts'), import.meta.url);
  return ENERGIA.config;
}

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.html': 'text/html; charset=utf-8' };

async function startServer(plainDir, config) {
  const gzipped = new Map();
  const gz = (key, body) => {
    let data = gzipped.get(key);
    if (!data) gzipped.set(key, (data = gzipSync(body, { level: 9 })));
    return data;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status, body, type, key = `${url.pathname}`) => {
      const zip = body.length > 0 && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const data = zip ? gz(key, body) : Buffer.from(body);
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...(zip ? { 'Content-Encoding': 'gzip' } : {}) });
      res.end(data);
    };
    const path = url.pathname;
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const page = /^\/page\/(\d+)$/.exec(path);
    if (page && PAGES[Number(page[1])]) return send(200, html(PAGES[Number(page[1])]), TYPES['.html']);
    if (path.startsWith('/api/v1/')) {
      const api = path.slice('/api/v1'.length);
      if (req.method === 'GET' && api === '/portal-config') return send(200, JSON.stringify(config), 'application/json');
      if (req.method === 'GET' && api === '/auth/session') return res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      if (req.method === 'GET' && api === '/outages') return send(200, JSON.stringify({ items: [], nextCursor: null, total: 0 }), 'application/json');
      const problem = { type: 'urn:ebok-widgets:problem:unauthenticated', title: 'Not signed in', status: 401, code: 'unauthenticated' };
      return send(401, JSON.stringify(problem), 'application/problem+json', 'problem');
    }
    const [, first, ...rest] = path.split('/');
    const dir = first === 'cdn' ? CDN : first === 'plain' ? plainDir : undefined;
    const file = dir && normalize(join(dir, ...rest));
    if (!file || !file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) return send(404, 'not found', 'text/plain', 'missing');
    send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  cleanups.push(() => new Promise((done) => (server.closeAllConnections(), server.close(() => done()))));
  return `http://127.0.0.1:${server.address().port}`;
}

// ---------- in the page ----------
// Runs before any script of the page: long tasks, and when every custom element in its HTML first rendered.
const PROBE = `(() => {
  if (window.top !== window) return;
  performance.setResourceTimingBufferSize(10000);
  const bench = (window.__bench = { longTasks: [], renders: {} });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* not supported */ }
  bench.rendered = new Promise((done, fail) => {
    const start = () => {
      const tags = [...new Set([...document.querySelectorAll('*')].map((el) => el.localName).filter((t) => t.includes('-')))];
      Promise.all(tags.map(async (tag) => {
        await customElements.whenDefined(tag);
        // The first Lit update, seen at the next frame (not updateComplete: the tile's waits for its behaviour).
        await Promise.all([...document.querySelectorAll(tag)].map((el) => new Promise((drawn) => {
          const check = () => (el.hasUpdated ? drawn() : requestAnimationFrame(check));
          check();
        })));
        bench.renders[tag] = performance.now();
      })).then(() => { bench.renderedAt = performance.now(); done(); }, fail);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  });
})();`;

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The end of the last busy interval (long task, request) before the first quiet window after `from`. */
function interactiveAt(from, busy) {
  let cursor = from;
  for (const b of [...busy].filter((b) => b.end > from).sort((a, b) => a.start - b.start)) {
    if (b.start - cursor >= QUIET_MS) break;
    cursor = Math.max(cursor, b.end);
  }
  return cursor;
}

async function measure(browser, origin, index) {
  const spec = PAGES[index];
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport(VIEWPORT);
    const errors = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.evaluateOnNewDocument(PROBE);
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Performance.enable');
    // Requests in flight and the last activity, to know when the page has gone quiet.
    const inFlight = new Set();
    const api = [];
    let lastActivity = Date.now();
    cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
      if (request.url.startsWith('data:')) return;
      inFlight.add(requestId);
      lastActivity = Date.now();
      const url = new URL(request.url);
      if (url.pathname.startsWith('/api/')) api.push(`${request.method === 'GET' ? '' : `${request.method} `}${url.pathname}${url.search}`);
    });
    for (const event of ['Network.loadingFinished', 'Network.loadingFailed']) {
      cdp.on(event, ({ requestId }) => {
        if (inFlight.delete(requestId)) lastActivity = Date.now();
      });
    }

    await page.goto(`${origin}/page/${index}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await within(LIMITS.render, `The first render of ${spec.name}`, page.evaluate(() => window.__bench.rendered));
    let definedAt;
    if (spec.untilAllDefined) {
      definedAt = await within(
        LIMITS.allDefined,
        'Every element defined',
        page.evaluate((tags) => Promise.all(tags.map((tag) => customElements.whenDefined(tag))).then(() => performance.now()), TAGS),
      );
    }
    // Quiet: no request in flight and no new long task for QUIET_MS.
    const deadline = Date.now() + LIMITS.quiet;
    let tasks = 0;
    for (;;) {
      const now = await page.evaluate(() => window.__bench.longTasks.length);
      if (now !== tasks) {
        tasks = now;
        lastActivity = Date.now();
      }
      if (inFlight.size === 0 && Date.now() - lastActivity >= QUIET_MS) break;
      if (Date.now() > deadline) {
        errors.push(`not quiet within ${LIMITS.quiet / 1000} s (${inFlight.size} requests in flight)`);
        break;
      }
      await sleep(100);
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heapBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    const data = await page.evaluate(() => ({
      renderedAt: window.__bench.renderedAt,
      renders: window.__bench.renders,
      longTasks: window.__bench.longTasks,
      lang: document.documentElement.lang,
      requests: performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize })),
    }));

    const renderMs = data.renderedAt;
    const scripts = data.requests.filter((r) => r.path.endsWith('.js')).sort((a, b) => a.start - b.start);
    for (const r of scripts) r.level = 1 + Math.max(0, ...scripts.filter((q) => q !== r && q.end <= r.start).map((q) => q.level ?? 0));
    // Downloaded before the first render: what a widget fetches at low priority for after its first frame and
    // that is still on its way then (the balance tile's behaviour) did not hold that frame up.
    const before = scripts.filter((r) => r.end <= renderMs);
    const interactiveMs = interactiveAt(renderMs, [...data.longTasks, ...data.requests]);
    const untilInteractive = data.longTasks.filter((t) => t.start < interactiveMs);
    const apiCounts = {};
    for (const path of api) apiCounts[path] = (apiCounts[path] ?? 0) + 1;
    return {
      renderMs,
      jsBytes: before.reduce((sum, r) => sum + r.bytes, 0),
      jsFiles: before.length,
      levels: Math.max(0, ...before.map((r) => r.level)),
      interactiveMs,
      longTasks: untilInteractive.length,
      longTaskMs: untilInteractive.reduce((sum, t) => sum + t.end - t.start, 0),
      longTasksInAll: data.longTasks.length,
      longTaskMsInAll: data.longTasks.reduce((sum, t) => sum + t.end - t.start, 0),
      heapBytes,
      definedAt,
      api: apiCounts,
      jsInAll: { files: scripts.length, bytes: scripts.reduce((sum, r) => sum + r.bytes, 0) },
      renders: data.renders,
      scripts: before.map((r) => ({ path: r.path, start: Math.round(r.start), end: Math.round(r.end), bytes: r.bytes, level: r.level })),
      errors,
    };
  } finally {
    await context.close();
  }
}

function summarize(runs) {
  const figure = (key) => median(runs.map((r) => r[key]));
  // API requests: the most any run made of each (a duplicate in one run is one too many).
  const api = {};
  for (const run of runs) for (const [path, n] of Object.entries(run.api)) api[path] = Math.max(api[path] ?? 0, n);
  return {
    ...Object.fromEntries(['renderMs', 'jsBytes', 'jsFiles', 'levels', 'interactiveMs', 'longTasks', 'longTaskMs', 'longTasksInAll', 'longTaskMsInAll', 'heapBytes', 'definedAt'].map((key) => [key, figure(key)])),
    api,
  };
}

// ---------- the run ----------
const started = Date.now();
try {
  const loadBefore = loadavg()[0].toFixed(1);
  const [plainDir, config] = await Promise.all([buildPlain(), portalConfig()]);
  const origin = await startServer(plainDir, config);
  const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
  cleanups.push(() => browser.close());
  const machine = {
    cpu: cpus()[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    chromium: (await browser.version()).replace(/^(Headless)?Chrome\//, 'Chromium '),
    node: process.version.slice(1),
    loadBefore,
  };
  console.log(`Pages on slow 4G (${NETWORK.latency} ms, ${(NETWORK.downloadThroughput * 8) / 1e6} Mbit/s down, ${(NETWORK.uploadThroughput * 8) / 1e6} Mbit/s up), CPU ${CPU_SLOWDOWN}× slower, ${RUNS} runs each`);
  console.log(`Machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.chromium}, Node ${machine.node}\n`);

  const results = [];
  for (const [index, spec] of PAGES.entries()) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await measure(browser, origin, index));
    const m = summarize(runs);
    results.push({ name: spec.name, plain: spec.plain ?? false, lang: spec.lang, tags: spec.tags, untilAllDefined: spec.untilAllDefined ?? false, median: m, runs });
    const dupes = Object.entries(m.api).filter(([, n]) => n > 1);
    const errors = [...new Set(runs.flatMap((r) => r.errors))];
    console.log(
      `${spec.name.padEnd(44)} ${kib(m.jsBytes).padStart(5)} KB ${String(m.jsFiles).padStart(2)} files ${m.levels} levels, render ${fixed(m.renderMs).padStart(5)} ms, interactive ${fixed(m.interactiveMs).padStart(5)} ms, ${m.longTasks} long tasks ${fixed(m.longTaskMs)} ms, heap ${mib(m.heapBytes)} MiB` +
        (spec.untilAllDefined ? `; every tag defined at ${fixed(m.definedAt)} ms, ${m.longTasksInAll} long tasks ${fixed(m.longTaskMsInAll)} ms in all` : '') +
        (dupes.length ? `\n    duplicate API requests: ${dupes.map(([path, n]) => `${path} ×${n}`).join(', ')}` : '') +
        errors.map((e) => `\n    error: ${e.slice(0, 200)}`).join(''),
    );
  }
  machine.loadAfter = loadavg()[0].toFixed(1);
  const result = {
    date: new Date().toISOString(),
    machine,
    conditions: { network: NETWORK, cpuSlowdown: CPU_SLOWDOWN, quietMs: QUIET_MS, viewport: VIEWPORT, cdn: relative(root, CDN), api: 'stub: portal-config of the energy utility, auth/session 204, outages an empty list, anything else 401 unauthenticated' },
    runs: RUNS,
    pages: results,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync(resolve(root, 'bench-results'), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nMachine: ${machineLine(result)}.\n`);
  console.log(markdown(result));
  console.log(`\n${relative(root, OUT)} written (${result.seconds} s); \`node test/tools/bench-pages.mjs --table\` prints this table again.`);
} finally {
  await cleanup();
}
