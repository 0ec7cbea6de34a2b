// How <ebok-invoice-list> copes with firma@example.com's 10,000 documents in Chromium against the reference
// server: `npm run bench:list` (not part of npm test; `npm run bench` runs it after the other benchmarks).
//
//   node test/tools/bench-list.mjs        BENCH_SCROLL_STEP=120 (px per frame)  BENCH_WARM_RUNS=3  BENCH_PROFILE=1
//
// It builds the CDN bundle when it is stale, starts the reference server as `npm start` runs it (a child process,
// the demo site and the API, on a free port, with a fresh embedded database in a temporary directory), and puts
// a small proxy in front of it that adds two pages of its own, so that the page, the CDN bundle and the API share
// one origin as on the demo site (the session cookie needs nothing more). In headless Chromium (1280×800, no
// throttling, loopback) it logs in through the login API, then measures:
// - first rows: from the parser reaching the `<ebok-invoice-list>` tag (a script just before it marks the moment)
//   to the first rows in the DOM and to the next frame; once with an empty cache, then reloaded (chunks cached);
// - filters: status "to pay", then also one point of delivery, then "Clear filters", each from the `change`
//   (or click) to the filtered list settled and painted;
// - a scroll through all 10,000 rows to the oldest, `BENCH_SCROLL_STEP` px each frame from the page's script
//   (waiting at the bottom whenever the next page has not arrived; when the page jumps by itself, it counts the
//   jump and scrolls back, so that every row passes the screen), until the row whose `aria-rowindex` equals
//   the table's `aria-rowcount` is on screen: frame times (requestAnimationFrame deltas: p50, p95, max, frames
//   over 50 ms), long tasks, the page requests and the whole time it took;
// - the JS heap used (`performance.memory` with --enable-precise-memory-info, and after a forced GC) after the
//   first rows and after the scroll, and the DOM rows then.
// It prints the figures and the machine, and writes them to bench-results/invoice-list.json (git-ignored), which
// the README's "Invoice list" figures come from. Every step has a time limit that says what did not happen; the
// server, the proxy, the browser and the temporary directory are removed on any outcome, also on Ctrl+C.
/* global window, document, requestAnimationFrame, scrollY, innerHeight -- in the functions run in the page */
import { spawn, execFileSync } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../../web-test-runner.config.mjs';
import { cleanup, cleanups, sleep, within } from './bench-exit.mjs';

const root = resolve(import.meta.dirname, '../..');
const STEP = Number(process.env.BENCH_SCROLL_STEP ?? 120);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 3);
const LOGIN = 'firma@example.com';
const EXPECTED = 10000;
const VIEWPORT = { width: 1280, height: 800 };
const LIMITS = { serverStart: 240_000, firstRows: 60_000, filter: 60_000, scroll: 900_000, stall: 30_000 };
const OUT = resolve(root, 'bench-results/invoice-list.json');
/** BENCH_PROFILE=1 also records a CPU profile of the scroll (its overhead shows in the figures of that run). */
const PROFILE = process.env.BENCH_PROFILE === '1';
const PROFILE_OUT = resolve(root, 'bench-results/invoice-list-scroll.cpuprofile');

// ---------- the pages the proxy adds ----------
// A classic script in the head: long tasks, long animation frames and enough resource entries for 200 pages.
const PROBE = `(() => {
  performance.setResourceTimingBufferSize(100000);
  const bench = (window.__bench = { longTasks: [], frames: [] });
  const watch = (type, list) => {
    try {
      new PerformanceObserver((entries) => { for (const e of entries.getEntries()) list.push({ start: e.startTime, duration: e.duration }); }).observe({ type, buffered: true });
    } catch { /* not supported */ }
  };
  watch('longtask', bench.longTasks);
  watch('long-animation-frame', bench.frames);
  const mark = (name) => { if (!performance.getEntriesByName(name).length) performance.mark(name); };
  // The first rows of the list: in the DOM (a mutation of its shadow root), then the next frame.
  bench.firstRows = new Promise((done) => {
    const look = (list) => {
      if (!list.shadowRoot?.querySelector('tr[part~="row"]')) return false;
      mark('ebok-rows');
      requestAnimationFrame(() => setTimeout(() => { mark('ebok-rows-frame'); done(); }));
      return true;
    };
    const start = async () => {
      await customElements.whenDefined('ebok-invoice-list');
      const list = document.querySelector('ebok-invoice-list');
      if (look(list)) return;
      const observer = new MutationObserver(() => look(list) && observer.disconnect());
      observer.observe(list.shadowRoot, { childList: true, subtree: true });
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  });
})();`;
const TAG = `performance.mark('ebok-tag');`;
const page = (title, body) => `<!doctype html><html lang="pl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="ebok-api-base" content="/api/v1">
<script src="/bench/probe.js"></script>
<script type="module" src="/cdn/ebok-widgets.js"></script>
</head><body>
<main>
<h1>${title}</h1>
${body}
</main>
</body></html>`;
const OWN = {
  '/bench/login.html': ['text/html; charset=utf-8', `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Logowanie</title></head><body><p>Logowanie</p></body></html>`],
  '/bench/list.html': ['text/html; charset=utf-8', page('Faktury', '<script src="/bench/tag.js"></script>\n<ebok-invoice-list></ebok-invoice-list>')],
  '/bench/probe.js': ['text/javascript; charset=utf-8', PROBE],
  '/bench/tag.js': ['text/javascript; charset=utf-8', TAG],
};

// ---------- statistics ----------
const quantile = (values, q) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};
const median = (values) => quantile(values, 0.5);
const round = (n, digits = 0) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);
const mib = (bytes) => round(bytes / 2 ** 20, 1);

// ---------- the reference server and the proxy ----------
async function startServer() {
  execFileSync(process.execPath, [join(root, 'test/tools/build-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'ebok-bench-list-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

  // The proxy listens first: the server must allow its origin (CORS, CSRF's Origin check, payment returns).
  let upstream;
  const proxy = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const own = OWN[path];
    if (!upstream) return res.writeHead(503, { 'Content-Type': 'text/plain' }).end('the reference server is starting');
    if (own) {
      res.writeHead(200, { 'Content-Type': own[0], 'Cache-Control': 'no-store', ...(own[0].startsWith('text/html') && upstream.csp ? { 'Content-Security-Policy': upstream.csp } : {}) });
      return res.end(own[1]);
    }
    const forward = httpRequest({ host: '127.0.0.1', port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(forward);
  });
  await new Promise((done) => proxy.listen(0, '127.0.0.1', done));
  cleanups.push(() => new Promise((done) => (proxy.closeAllConnections(), proxy.close(() => done()))));
  const origin = `http://127.0.0.1:${proxy.address().port}`;

  // As `npm start` runs it (validating its answers against the contract), on a port of its own choosing.
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts', '--demo'], {
    cwd: root,
    env: { ...process.env, PORT: '0', EBOK_DATA_DIR: dataDir, EBOK_ALLOWED_ORIGINS: origin, EBOK_LOG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((done) => child.once('exit', done));
  const killOnExit = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', killOnExit);
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if ((await Promise.race([exited.then(() => true), sleep(10_000)])) !== true) child.kill('SIGKILL');
  });

  const started = Date.now();
  const url = await within(
    LIMITS.serverStart,
    'The reference server starting (seeding a fresh database)',
    new Promise((done, fail) => {
      const look = () => {
        const match = /eBOK demo: (http:\/\/\S+?)\/\s/.exec(output);
        if (match) done(match[1]);
      };
      child.stdout.on('data', look);
      child.once('exit', (code, signal) => fail(new Error(`The reference server exited (${signal ?? code}):\n${output}`)));
    }),
  ).catch((error) => {
    throw new Error(`${error.message}\nIts output:\n${output}`);
  });
  upstream = { port: Number(new URL(url).port) };
  const site = await fetch(`${url}/`);
  upstream.csp = site.headers.get('content-security-policy') ?? undefined;
  const password = /hasło dla wszystkich: (\S+?)\)/.exec(output)?.[1];
  if (!password) throw new Error(`The server's banner does not say the demo password:\n${output}`);
  return { origin, password, startMs: Date.now() - started, output: () => output };
}

// ---------- in the page ----------
/** Resolves when the list has its first rows; the timings since the tag and the requests made until then. */
async function firstRows(page) {
  await within(LIMITS.firstRows, 'The first rows of <ebok-invoice-list>', page.evaluate(() => window.__bench.firstRows));
  return page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const tag = at('ebok-tag');
    const rowsAt = at('ebok-rows');
    const list = document.querySelector('ebok-invoice-list');
    const api = performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime < rowsAt && new URL(r.name).pathname.startsWith('/api/'))
      .map((r) => ({ path: new URL(r.name).pathname + new URL(r.name).search, start: r.startTime - tag, ms: r.duration }));
    const chunks = performance.getEntriesByType('resource').filter((r) => r.startTime < rowsAt && new URL(r.name).pathname.startsWith('/cdn/'));
    return {
      tagToRowsMs: rowsAt - tag,
      tagToFrameMs: at('ebok-rows-frame') - tag,
      navigationToRowsMs: rowsAt,
      scripts: chunks.length,
      scriptBytes: chunks.reduce((sum, r) => sum + r.transferSize, 0),
      fromCache: chunks.filter((r) => r.transferSize === 0).length,
      api,
      longTasks: window.__bench.longTasks.filter((t) => t.start < rowsAt).length,
      rows: list.shadowRoot.querySelectorAll('tr[part~="row"]').length,
      rowCount: Number(list.shadowRoot.querySelector('table[part~="table"]')?.getAttribute('aria-rowcount')),
    };
  });
}

/** Changes one filter as the customer does (or clicks "Clear filters") and waits for the list to settle and paint. */
async function applyFilter(page, label, change) {
  const result = await within(
    LIMITS.filter,
    `The list filtered (${label})`,
    page.evaluate(async (change) => {
      const list = document.querySelector('ebok-invoice-list');
      const shadow = list.shadowRoot;
      const control = () => shadow.querySelector(change.clear ? '[part~="clear"]' : `select[part~="filter-${change.name}"]`);
      // The points of delivery come from their own request; wait for their select.
      for (let i = 0; !control() && i < 600; i++) await new Promise((done) => setTimeout(done, 50));
      const element = control();
      if (!element) return { missing: change.clear ? 'the "Clear filters" button' : `the ${change.name} filter` };
      let value = change.value;
      if (change.option !== undefined) value = element.options[change.option]?.value;
      const since = window.__bench.longTasks.length;
      const t0 = performance.now();
      if (change.clear) element.click();
      else {
        element.value = value;
        element.dispatchEvent(new Event('change', { bubbles: true }));
      }
      await list.list.settled();
      const settledAt = performance.now();
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
      return {
        value: change.clear ? '' : value,
        text: change.clear ? 'Wyczyść filtry' : element.selectedOptions[0]?.textContent?.trim(),
        settledMs: settledAt - t0,
        paintedMs: performance.now() - t0,
        count: list.list.count ?? null,
        rows: shadow.querySelectorAll('tr[part~="row"]').length,
        longTasks: window.__bench.longTasks.length - since,
        attributes: { status: list.getAttribute('status'), 'point-id': list.getAttribute('point-id') },
      };
    }, change),
  );
  if (result.missing) throw new Error(`The list has no ${result.missing}`);
  return { filter: label, ...result };
}

/** Starts the scroll in the page (it runs by itself, frame by frame); `scrollState` reports on it. */
function startScroll(page, step) {
  return page.evaluate((step) => {
    const list = document.querySelector('ebok-invoice-list');
    const shadow = list.shadowRoot;
    window.scrollTo(0, 0);
    const state = (window.__scroll = { frames: [], slow: [], jumps: [], moved: 0, waited: 0, done: false, t0: performance.now(), lastProgress: performance.now(), lastLoaded: 0 });
    const tick = (now) => {
      if (state.last !== undefined) {
        const ms = now - state.last;
        state.frames.push(ms);
        if (ms > 50) state.slow.push({ atMs: Math.round(state.last - state.t0), ms: Math.round(ms), loaded: list.list.items.length, scrollY: Math.round(scrollY) });
      }
      state.last = now;
      // The last row can only be on screen once the last page is in (looking costs the page's frame time).
      const rowCount = list.list.hasMore ? 0 : Number(shadow.querySelector('table[part~="table"]')?.getAttribute('aria-rowcount'));
      const lastRow = rowCount > 1 ? shadow.querySelector(`tr[part~="row"][aria-rowindex="${rowCount}"]`) : null;
      const box = lastRow?.getBoundingClientRect();
      if (box && box.top >= 0 && box.bottom <= innerHeight) {
        state.done = true;
        state.end = now;
        state.rowCount = rowCount;
        return;
      }
      const loaded = list.list.items.length;
      if (loaded !== state.lastLoaded) {
        state.lastLoaded = loaded;
        state.lastProgress = now;
      }
      // The page moved by itself since the last frame (the browser's scroll anchoring when a page of rows
      // arrived while waiting at the bottom): count it, and go back to where the customer was, to see every row.
      if (state.expectY !== undefined && Math.abs(scrollY - state.expectY) > 1) {
        state.jumps.push({ atMs: Math.round(now - state.t0), px: Math.round(scrollY - state.expectY), loaded });
        window.scrollTo(0, state.expectY);
      }
      if (scrollY < document.scrollingElement.scrollHeight - innerHeight - 0.5) {
        window.scrollBy(0, step);
        state.moved++;
        state.lastProgress = now;
      } else state.waited++;
      state.expectY = scrollY;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, step);
}

function scrollState(page) {
  return page.evaluate(() => {
    const s = window.__scroll;
    const list = document.querySelector('ebok-invoice-list');
    return {
      done: s.done,
      loaded: list.list.items.length,
      more: list.list.more,
      hasMore: list.list.hasMore,
      scrollY: Math.round(scrollY),
      sinceProgressMs: performance.now() - s.lastProgress,
      elapsedMs: performance.now() - s.t0,
    };
  });
}

async function heap(cdp, page) {
  const used = await page.evaluate(() => performance.memory.usedJSHeapSize);
  // Twice: the first full GC can leave DOM nodes that only the second one frees.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const afterGc = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const dom = await page.evaluate(() => ({
    rows: document.querySelector('ebok-invoice-list').shadowRoot.querySelectorAll('tr[part~="row"]').length,
    nodes: document.querySelector('ebok-invoice-list').shadowRoot.querySelectorAll('*').length,
  }));
  return { usedMiB: mib(used), afterGcMiB: mib(afterGc), domNodes: metrics.Nodes, rowsInDom: dom.rows, shadowElements: dom.nodes };
}

// ---------- the run ----------
async function run() {
  const machine = {
    cpu: cpus()[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    loadAverageAtStart: loadavg().map((n) => round(n, 2)),
  };
  const server = await startServer();
  console.log(`Reference server ready in ${(server.startMs / 1000).toFixed(1)} s (fresh embedded database), behind ${server.origin}`);

  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...chromiumArgs, '--enable-precise-memory-info', `--window-size=${VIEWPORT.width},${VIEWPORT.height}`],
    defaultViewport: VIEWPORT,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    protocolTimeout: 120_000,
  });
  cleanups.push(() => browser.close());
  machine.chromium = await browser.version();
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.setDefaultTimeout(60_000);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');

  // Log in through the API from the site's origin (the cookie is the site's, as after <ebok-login>).
  await page.goto(`${server.origin}/bench/login.html`);
  const login = await page.evaluate(
    async (identifier, password) => {
      const response = await fetch('/api/v1/auth/login', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ identifier, password }),
      });
      return { status: response.status, body: (await response.text()).slice(0, 300) };
    },
    LOGIN,
    server.password,
  );
  if (login.status !== 200) throw new Error(`Login of ${LOGIN} failed: ${login.status} ${login.body}`);

  const first = { cold: undefined, warm: [] };
  await page.goto(`${server.origin}/bench/list.html`);
  first.cold = await firstRows(page);
  for (let i = 0; i < WARM_RUNS; i++) {
    await page.reload();
    first.warm.push(await firstRows(page));
  }
  const last = first.warm.at(-1) ?? first.cold;
  if (last.rowCount !== EXPECTED + 1) throw new Error(`The list says ${last.rowCount - 1} documents (aria-rowcount ${last.rowCount}), not ${EXPECTED}`);
  const heapFirst = await heap(cdp, page);

  const filters = [];
  filters.push(await applyFilter(page, 'status: to pay', { name: 'status', value: 'to-pay' }));
  filters.push(await applyFilter(page, '+ point of delivery', { name: 'point', option: 1 }));
  filters.push(await applyFilter(page, 'clear filters', { clear: true }));
  if (filters.at(-1).count !== EXPECTED) throw new Error(`After "Clear filters" the list has ${filters.at(-1).count} documents, not ${EXPECTED}`);

  // Scroll to the oldest document.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 500))));
  const requestsBefore = await page.evaluate(() => performance.getEntriesByType('resource').length);
  const longTasksBefore = await page.evaluate(() => [window.__bench.longTasks.length, window.__bench.frames.length]);
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await startScroll(page, STEP);
  const started = Date.now();
  let lastReport = 0;
  for (;;) {
    const s = await scrollState(page);
    if (s.done) break;
    if (Date.now() - started > LIMITS.scroll) throw new Error(`The scroll to the oldest document did not finish within ${LIMITS.scroll / 1000} s (${s.loaded} documents loaded, load more: ${s.more})`);
    if (s.sinceProgressMs > LIMITS.stall)
      throw new Error(`The list stopped growing at ${s.loaded} documents for ${Math.round(s.sinceProgressMs / 1000)} s at the bottom (load more: ${s.more}, more pages: ${s.hasMore})`);
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      process.stdout.write(`${process.stdout.isTTY ? '\r' : '\n'}  scrolling: ${String(s.loaded).padStart(5)} of ${EXPECTED} documents loaded, ${Math.round(s.elapsedMs / 1000)} s `);
    }
    await sleep(1000);
  }
  process.stdout.write('\n');
  if (PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(resolve(PROFILE_OUT, '..'), { recursive: true });
    writeFileSync(PROFILE_OUT, JSON.stringify(profile));
    console.log(`CPU profile of the scroll: ${PROFILE_OUT.slice(root.length + 1)} (open it in DevTools' Performance panel)`);
  }
  const scroll = await page.evaluate(
    (requestsBefore, [tasksBefore, framesBefore]) => {
      const s = window.__scroll;
      const tasks = window.__bench.longTasks.slice(tasksBefore);
      const loafs = window.__bench.frames.slice(framesBefore);
      const pages = performance
        .getEntriesByType('resource')
        .slice(requestsBefore)
        .filter((r) => new URL(r.name).pathname === '/api/v1/documents');
      return {
        frames: s.frames,
        slow: s.slow,
        jumps: s.jumps,
        tasks: tasks.map((t) => ({ atMs: Math.round(t.start - s.t0), ms: Math.round(t.duration) })),
        moved: s.moved,
        waited: s.waited,
        totalMs: s.end - s.t0,
        rowCount: s.rowCount,
        longTasks: { count: tasks.length, totalMs: tasks.reduce((sum, t) => sum + t.duration, 0), maxMs: Math.max(0, ...tasks.map((t) => t.duration)) },
        longAnimationFrames: loafs.length,
        pages: {
          count: pages.length,
          distinct: new Set(pages.map((r) => r.name)).size,
          durations: pages.map((r) => r.duration),
          spanMs: pages.length ? pages.at(-1).responseEnd - pages[0].startTime : 0,
        },
      };
    },
    requestsBefore,
    longTasksBefore,
  );
  const heapEnd = await heap(cdp, page);
  await browser.close();
  return { machine, server, first, heapFirst, filters, scroll, heapEnd, errors };
}

function report({ machine, first, heapFirst, filters, scroll, heapEnd, errors }) {
  const frames = scroll.frames;
  const warm = (key) => round(median(first.warm.map((w) => w[key])));
  const result = {
    date: new Date().toISOString(),
    machine,
    setup: {
      login: LOGIN,
      documents: EXPECTED,
      viewport: VIEWPORT,
      scrollStepPx: STEP,
      warmRuns: WARM_RUNS,
      network: 'loopback, no throttling; page, CDN bundle and API on one origin',
      server: 'demo/server/main.ts as npm start runs it (embedded PGlite, answers validated against the contract)',
    },
    firstRows: {
      coldTagToRowsMs: round(first.cold.tagToRowsMs),
      coldTagToFrameMs: round(first.cold.tagToFrameMs),
      warmTagToRowsMs: warm('tagToRowsMs'),
      warmTagToFrameMs: warm('tagToFrameMs'),
      cold: first.cold,
      warm: first.warm,
    },
    filters: filters.map((f) => ({ ...f, settledMs: round(f.settledMs), paintedMs: round(f.paintedMs) })),
    scroll: {
      stepPx: STEP,
      totalMs: round(scroll.totalMs),
      frames: frames.length,
      frameP50Ms: round(quantile(frames, 0.5), 1),
      frameP95Ms: round(quantile(frames, 0.95), 1),
      frameMaxMs: round(Math.max(...frames), 1),
      framesOver50Ms: frames.filter((f) => f > 50).length,
      framesScrolled: scroll.moved,
      framesWaitingForPages: scroll.waited,
      longTasks: { ...scroll.longTasks, totalMs: round(scroll.longTasks.totalMs), maxMs: round(scroll.longTasks.maxMs) },
      longAnimationFrames: scroll.longAnimationFrames,
      pageRequests: scroll.pages.count,
      distinctPageRequests: scroll.pages.distinct,
      pageP50Ms: round(median(scroll.pages.durations)),
      pageMaxMs: round(Math.max(0, ...scroll.pages.durations)),
      lastAriaRowIndex: scroll.rowCount,
      jumpsUndone: scroll.jumps.length,
      jumpedPx: scroll.jumps.reduce((sum, j) => sum + j.px, 0),
      jumps: scroll.jumps,
      slowFrames: scroll.slow,
      longTaskList: scroll.tasks,
    },
    heap: { afterFirstRows: heapFirst, afterScroll: heapEnd },
    consoleErrors: errors,
  };
  mkdirSync(resolve(OUT, '..'), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);

  const r = result;
  const s = r.scroll;
  console.log(`\n<ebok-invoice-list>, ${LOGIN}'s ${EXPECTED.toLocaleString('en')} documents, Chromium ${VIEWPORT.width}×${VIEWPORT.height}, loopback`);
  console.log(`Machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.chromium}, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}\n`);
  console.log('| measure | figure |');
  console.log('| --- | --- |');
  const row = (name, value) => console.log(`| ${name} | ${value} |`);
  row('tag → first rows, empty cache', `${r.firstRows.coldTagToRowsMs} ms (next frame ${r.firstRows.coldTagToFrameMs} ms)`);
  row(`tag → first rows, reloaded (median of ${WARM_RUNS})`, `${r.firstRows.warmTagToRowsMs} ms (next frame ${r.firstRows.warmTagToFrameMs} ms)`);
  for (const f of r.filters) row(`filter: ${f.filter}`, `${f.paintedMs} ms → ${f.count} documents`);
  row(`scroll to the oldest (${STEP} px a frame)`, `${(s.totalMs / 1000).toFixed(1)} s, ${s.frames} frames, ${s.pageRequests} page requests (${s.distinctPageRequests} distinct), page p50 ${s.pageP50Ms} ms, max ${s.pageMaxMs} ms`);
  row('frame time p50 / p95 / max', `${s.frameP50Ms} / ${s.frameP95Ms} / ${s.frameMaxMs} ms`);
  row('frames over 50 ms', `${s.framesOver50Ms} of ${s.frames}; frames waiting at the bottom for a page: ${s.framesWaitingForPages}`);
  row('the page jumped by itself (undone)', `${s.jumpsUndone} times, ${s.jumpedPx} px in all`);
  row('long tasks while scrolling', `${s.longTasks.count} (total ${s.longTasks.totalMs} ms, longest ${s.longTasks.maxMs} ms)`);
  row('JS heap used after first rows', `${r.heap.afterFirstRows.usedMiB} MiB (${r.heap.afterFirstRows.afterGcMiB} MiB after GC), ${r.heap.afterFirstRows.rowsInDom} rows in the DOM`);
  row('JS heap used after the scroll', `${r.heap.afterScroll.usedMiB} MiB (${r.heap.afterScroll.afterGcMiB} MiB after GC), ${r.heap.afterScroll.rowsInDom} rows in the DOM`);
  if (errors.length) console.log(`\nConsole errors (${errors.length}):\n${errors.slice(0, 5).map((e) => `  ${e.slice(0, 200)}`).join('\n')}`);
  console.log(`\nWritten to ${OUT.slice(root.length + 1)}`);
}

let failed = false;
try {
  report(await run());
} catch (error) {
  failed = true;
  console.error(`\nbench-list failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
