/**
 * Every demo page in headless Chromium, signed out, as `npm start` serves it:
 * `npx tsx demo/server/pages-check.ts` starts a server on a random port with a fresh data directory (building
 * the CDN bundle first if it is stale) and fails when a page logs a console error or warning, throws, meets a
 * CSP or Trusted Types violation, gets an HTTP error or a failed request, sends JS, CSS or HTML uncompressed, or
 * shifts its layout (CLS above the "good" threshold). Each page is loaded in a fresh browser context (no cookie)
 * at a phone's and at a desktop's size.
 *
 * `--url http://localhost:8787` checks a server that is already running instead; `--report` also prints the
 * numbers of each visit (requests, bytes on the wire and decoded, CLS).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser, type Protocol } from 'puppeteer-core';
import { createServer, REPO_ROOT, type RunningServer } from './app.ts';
import { ensureCdnBuild } from './site.ts';

/** The "good" CLS of Core Web Vitals; the demo reserves the widgets' space, so it stays far below. */
const CLS_LIMIT = 0.1;
const VIEWPORTS = [
  { name: 'phone', width: 412, height: 823, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: 'desktop', width: 1350, height: 940, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
] as const;
/** Flags this machine needs (root, no GPU, a closed network); the same as web-test-runner.config.mjs. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const { values: args } = parseArgs({ options: { url: { type: 'string' }, report: { type: 'boolean', default: false } } });
const DEMO = resolve(import.meta.dirname, '..');
const PAGES = readdirSync(DEMO)
  .filter((f) => f.endsWith('.html'))
  .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));

function findChromium(): string {
  const found = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));
  if (!found) throw new Error('No Chromium found. Install it with `apt-get update && apt-get install -y chromium` (or set CHROME_PATH), then run again.');
  return found;
}

/**
 * Runs in the page before its own scripts (DevTools-injected, so the page's CSP does not apply to it): records
 * CSP violations and layout shifts. CLS as Chromium defines it: the largest session window of shifts without
 * recent input (gaps under 1 s, at most 5 s long).
 */
const PROBE = `(() => {
  const probe = (window.__ebokProbe = { violations: [], cls: 0, shifts: [] });
  document.addEventListener('securitypolicyviolation', (e) => probe.violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber));
  let windowValue = 0, windowStart = 0, last = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      if (entry.startTime - last > 1000 || entry.startTime - windowStart > 5000) { windowValue = 0; windowStart = entry.startTime; }
      last = entry.startTime;
      windowValue += entry.value;
      probe.cls = Math.max(probe.cls, windowValue);
      const nodes = (entry.sources || []).map((s) => s.node ? (s.node.localName || s.node.nodeName) + (s.node.id ? '#' + s.node.id : '') + (s.node.className && typeof s.node.className === 'string' ? '.' + s.node.className.split(' ')[0] : '') : '?');
      probe.shifts.push(entry.value.toFixed(4) + ' at ' + Math.round(entry.startTime) + ' ms: ' + nodes.join(', '));
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

interface Visit {
  page: string;
  viewport: string;
  requests: number;
  wireBytes: number;
  decodedBytes: number;
  cls: number;
  shifts: string[];
  problems: string[];
  notes: string[];
}

async function visit(browser: Browser, origin: string, page: string, viewport: (typeof VIEWPORTS)[number]): Promise<Visit> {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await tab.setViewport(viewport);
    const problems: string[] = [];
    const notes: string[] = [];
    const sizes = new Map<string, { url: string; wire: number; decoded: number }>();
    const cdp = await tab.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    cdp.on('Network.requestWillBeSent', (e: Protocol.Network.RequestWillBeSentEvent) => {
      if (!e.request.url.startsWith('data:')) sizes.set(e.requestId, { url: e.request.url, wire: 0, decoded: 0 });
    });
    cdp.on('Network.dataReceived', (e: Protocol.Network.DataReceivedEvent) => {
      const entry = sizes.get(e.requestId);
      if (entry) entry.decoded += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e: Protocol.Network.LoadingFinishedEvent) => {
      const entry = sizes.get(e.requestId);
      if (entry) entry.wire = e.encodedDataLength;
    });
    cdp.on('Network.responseReceived', (e: Protocol.Network.ResponseReceivedEvent) => {
      const { url, status, headers, mimeType } = e.response;
      if (status >= 400) problems.push(`HTTP ${status} for ${url}`);
      const encoding = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
      const length = Number(Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1] ?? Infinity);
      if (/^(text\/html|text\/css|text\/javascript|application\/javascript)/.test(mimeType) && !encoding && length > 1024) problems.push(`not compressed: ${url}`);
    });
    tab.on('console', (message) => {
      const type = message.type();
      if (type === 'error' || type === 'warn') problems.push(`console ${type}: ${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`);
    });
    tab.on('pageerror', (error) => problems.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
    tab.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '?';
      // A request the page itself cancelled (an AbortSignal) is no failure and logs nothing.
      if (reason === 'net::ERR_ABORTED') notes.push(`cancelled by the page: ${request.url()}`);
      else problems.push(`request failed: ${request.url()} (${reason})`);
    });
    await tab.evaluateOnNewDocument(PROBE);
    await tab.goto(`${origin}/${page === 'index.html' ? '' : page}`, { waitUntil: 'networkidle0', timeout: 30_000 });
    // The loader defines the remaining elements when the page is idle, and late shifts count too.
    await new Promise((ok) => setTimeout(ok, 1500));
    const probe = (await tab.evaluate('window.__ebokProbe')) as { violations: string[]; cls: number; shifts: string[] };
    const undefinedTags = (await tab.evaluate(`[...new Set([...document.querySelectorAll('*')].map((el) => el.localName).filter((n) => n.startsWith('ebok-') && !customElements.get(n)))]`)) as string[];
    problems.push(...probe.violations.map((v) => `CSP violation: ${v}`));
    if (undefinedTags.length) problems.push(`elements never defined: ${undefinedTags.join(', ')}`);
    if (probe.cls > CLS_LIMIT) problems.push(`CLS ${probe.cls.toFixed(3)} > ${CLS_LIMIT}: ${probe.shifts.join('; ')}`);
    const all = [...sizes.values()];
    return {
      page,
      viewport: viewport.name,
      requests: all.length,
      wireBytes: all.reduce((sum, r) => sum + r.wire, 0),
      decodedBytes: all.reduce((sum, r) => sum + r.decoded, 0),
      cls: probe.cls,
      shifts: probe.shifts,
      problems,
      notes,
    };
  } finally {
    await context.close();
  }
}

let server: RunningServer | undefined;
let dataDir: string | undefined;
let browser: Browser | undefined;
let failed = 0;
try {
  let origin = args.url?.replace(/\/$/, '');
  if (!origin) {
    ensureCdnBuild(REPO_ROOT);
    dataDir = mkdtempSync(join(tmpdir(), 'ebok-pages-'));
    server = await createServer({ port: 0, dataDir, serveSite: true });
    origin = server.url;
  }
  browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, pipe: true });
  const visits: Visit[] = [];
  for (const page of PAGES) {
    for (const viewport of VIEWPORTS) {
      const v = await visit(browser, origin, page, viewport);
      visits.push(v);
      if (v.problems.length) failed++;
      console.log(`${v.problems.length ? 'FAIL' : 'ok  '} ${page} (${viewport.name}, signed out)${v.problems.map((p) => `\n     ${p}`).join('')}`);
    }
  }
  if (args.report) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`\n${'page'.padEnd(18)} ${'viewport'.padEnd(8)} ${'requests'.padStart(8)} ${'on the wire'.padStart(12)} ${'decoded'.padStart(10)} ${'CLS'.padStart(6)}`);
    for (const v of visits) {
      console.log(`${v.page.padEnd(18)} ${v.viewport.padEnd(8)} ${String(v.requests).padStart(8)} ${kb(v.wireBytes).padStart(12)} ${kb(v.decodedBytes).padStart(10)} ${v.cls.toFixed(3).padStart(6)}`);
    }
    for (const v of visits.filter((x) => x.shifts.length)) console.log(`shifts ${v.page} ${v.viewport}: ${v.shifts.join('; ')}`);
    for (const v of visits.filter((x) => x.notes.length)) console.log(`notes ${v.page} ${v.viewport}: ${v.notes.join('; ')}`);
  }
} finally {
  await browser?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
console.log(failed ? `\n${failed} page visits failed` : `\nall ${PAGES.length} demo pages pass signed out (phone and desktop)`);
process.exit(failed ? 1 : 0);
