// The framework hosts (test/hosts/): a React 19, a Vue 3 and an Angular app, each installed from the tarball
// of `npm pack` of this repository, built with its own toolchain, served on its own origin, and driven in
// headless Chromium against the reference API server on another origin. Each must render the widgets, log
// in, route the widgets' `ebok-navigate` itself (cancelled, no page load), follow attributes bound to its
// state, keep the widgets' look under hostile host CSS, unmount and remount them without leaking listeners
// or repeating requests, and show no console error.
//
//   node test/tools/test-hosts.mjs [react|vue|angular …] [--rebuild] [--update-locks] [--no-build] [--keep]
//
// Installs and builds are done in a scratch copy of each host outside the repository (EBOK_HOSTS_WORKDIR,
// default: <tmp>/ebok-widgets-hosts-<hash of this checkout>), so nothing resolves from the repository's own
// node_modules and the root's tsc, ESLint and lit-analyzer never see the hosts' node_modules. That copy is
// the cache: a host's node_modules is reused while its package-lock.json is unchanged (only ebok-widgets is
// reinstalled from a new tarball), and its build is reused while its sources, lockfile and the tarball are.
//   --rebuild        build every host again even when nothing changed
//   --update-locks   `npm install` each host and write its package-lock.json back into test/hosts/<host>/
//   --no-build       pack dist/ as it is, even when src/ is newer (default: `npm run build` when stale)
//   --keep           keep the servers running at the end (to look at the apps in a browser); Ctrl+C stops
/* global document, window, location, customElements, getComputedStyle -- (in page.evaluate callbacks, run in the browser) */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const HOSTS_DIR = join(ROOT, 'test/hosts');
const WORK = resolve(
  process.env.EBOK_HOSTS_WORKDIR ?? join(tmpdir(), `ebok-widgets-hosts-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}`),
);
const TARBALL = join(WORK, 'ebok-widgets.tgz');
const DEMO = { login: 'energia@example.com', password: 'Demo-Haslo-2026', name: 'Jan Kowalski' };

/** The hosts: where each lives, how it builds, and where its build lands (relative to the host). */
const HOSTS = [
  { name: 'react', label: 'React 19 + react-router 7 (Vite, StrictMode, development build)', out: 'dist' },
  { name: 'vue', label: 'Vue 3.5 + vue-router 4 (Vite, production build)', out: 'dist' },
  { name: 'angular', label: 'Angular 21 + @angular/router (application builder, production build)', out: 'dist' },
];
/** Never copied from the repository into the scratch copy, never deleted there (installs and builds). */
const GENERATED = new Set(['node_modules', 'dist', '.angular']);

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const unknown = args.filter((a) => a.startsWith('--') && !['rebuild', 'update-locks', 'no-build', 'keep'].includes(a.slice(2)));
const wanted = args.filter((a) => !a.startsWith('--'));
const badHost = wanted.filter((w) => !HOSTS.some((h) => h.name === w));
if (unknown.length || badHost.length) {
  console.error(`test-hosts: unknown ${[...unknown, ...badHost].join(' ')}; hosts: ${HOSTS.map((h) => h.name).join(', ')}`);
  process.exit(2);
}
const hosts = wanted.length ? HOSTS.filter((h) => wanted.includes(h.name)) : HOSTS;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const ENV = {
  ...process.env,
  NG_CLI_ANALYTICS: 'false',
  NG_FORCE_TTY: 'false',
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  // A pin whose engines do not allow this Node (Angular 22 on Node 20) fails the install, not later.
  npm_config_engine_strict: 'true',
  FORCE_COLOR: '0',
};

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const sha = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};
const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined);

/** Runs a command; resolves with its output, rejects with the output's tail when it fails. */
function run(command, commandArgs, { cwd = ROOT, env = ENV, quiet = true } = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', fail);
    child.on('close', (status) => {
      if (status === 0) ok(output);
      else fail(new Error(`\`${command} ${commandArgs.join(' ')}\` in ${relative(ROOT, cwd) || '.'} failed (${status}):\n${output.trim().split('\n').slice(-40).join('\n')}`));
    });
  });
}

function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error('No Chromium found. Install it with `apt-get update && apt-get install -y chromium` (or set CHROME_PATH).');
  }
  return found;
}

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, 'localhost', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

function* walk(dir) {
  for (const entry of readdirSync(dir).sort()) {
    if (GENERATED.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Newest modification time of the files under `paths` (directories walked). */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? walk(path) : [path];
    for (const file of files) latest = Math.max(latest, statSync(file).mtimeMs);
  }
  return latest;
}

// ── the package ────────────────────────────────────────────────────────────────────────────────────────

/** `npm run build` unless dist/ is newer than everything it is built from. */
async function buildLibraryIfStale() {
  const outputs = ['dist/index.js', 'dist/all.js', 'dist/types/all.d.ts', 'custom-elements.json'].map((p) => join(ROOT, p));
  const inputs = ['src', 'package.json', 'vite.config.ts', 'tsconfig.build.json', 'lit-localize.json'].map((p) => join(ROOT, p));
  const built = outputs.every(existsSync) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
  if (built && (flag('no-build') || newest(inputs) <= built)) return 'current';
  if (!built && flag('no-build')) throw new Error('dist/ is missing: run `npm run build` (or drop --no-build)');
  await run('npm', ['run', '--silent', 'build']);
  return 'built';
}

/** `npm pack` of the repository into WORK/ebok-widgets.tgz; returns its hash and its dependencies. */
async function pack() {
  mkdirSync(WORK, { recursive: true });
  const out = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', WORK]);
  const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
  renameSync(join(WORK, filename), TARBALL);
  const manifest = readJson(join(ROOT, 'package.json'));
  return { hash: sha(readFileSync(TARBALL)), dependencies: manifest.dependencies ?? {} };
}

// ── a host: sources, install, build ────────────────────────────────────────────────────────────────────

/** Copies the host's committed files (and test/hosts/shared/) over its scratch copy, keeping installs and builds. */
function syncSources(host) {
  const from = join(HOSTS_DIR, host.name);
  const to = join(WORK, host.name);
  for (const [source, target] of [
    [from, to],
    [join(HOSTS_DIR, 'shared'), join(WORK, 'shared')],
  ]) {
    mkdirSync(target, { recursive: true });
    for (const entry of readdirSync(target)) if (!GENERATED.has(entry)) rmSync(join(target, entry), { recursive: true, force: true });
    cpSync(source, target, { recursive: true, filter: (path) => !relative(source, path).split(sep).some((part) => GENERATED.has(part)) });
  }
  // The lockfile names the tarball without its integrity, so that a new tarball is installed, never the
  // npm cache's copy of an old one (with an integrity, `npm ci` silently installs the cached old package).
  const lockPath = join(to, 'package-lock.json');
  const lock = readJson(lockPath);
  if (lock?.packages?.['node_modules/ebok-widgets']) {
    delete lock.packages['node_modules/ebok-widgets'].integrity;
    writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  }
  const sourceHash = sha(
    ...[...walk(from), ...walk(join(HOSTS_DIR, 'shared'))].flatMap((file) => [relative(HOSTS_DIR, file), readFileSync(file)]),
  );
  return { dir: to, lock, sourceHash };
}

/** Writes the scratch copy's package-lock.json back into the repository (without the tarball's integrity). */
function saveLock(host, dir) {
  const lock = readJson(join(dir, 'package-lock.json'));
  delete lock.packages?.['node_modules/ebok-widgets']?.integrity;
  writeFileSync(join(HOSTS_DIR, host.name, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
}

/** npm ci when the lockfile changed, only the new tarball when it alone changed, nothing when neither did. */
async function install(host, { dir, lock }, tarball) {
  const stampPath = join(dir, 'node_modules', '.ebok-host-install.json');
  const lockHash = sha(readFileSync(join(dir, 'package.json')), lock ? JSON.stringify(lock) : '');
  if (!lock || flag('update-locks')) {
    // npm trusts a locked ebok-widgets (same version, no integrity) and would keep its old dependencies:
    // forget it, so that it is read from the tarball again; every other locked version that still fits
    // stays (a small diff). Delete test/hosts/<host>/package-lock.json for a wholly fresh one.
    if (lock?.packages?.['node_modules/ebok-widgets']) {
      delete lock.packages['node_modules/ebok-widgets'];
      writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    }
    rmSync(join(dir, 'node_modules', 'ebok-widgets'), { recursive: true, force: true });
    await run('npm', ['install'], { cwd: dir });
    await verifyInstalled(dir);
    saveLock(host, dir);
    const saved = syncSources(host);
    writeFileSync(stampPath, JSON.stringify({ lock: sha(readFileSync(join(dir, 'package.json')), JSON.stringify(saved.lock)), tarball: tarball.hash, node: process.version }));
    return { how: 'npm install, lock saved', stamp: readFileSync(stampPath, 'utf8') };
  }
  const locked = lock.packages?.['node_modules/ebok-widgets']?.dependencies ?? {};
  if (JSON.stringify(sortKeys(locked)) !== JSON.stringify(sortKeys(tarball.dependencies))) {
    throw new Error(
      `test/hosts/${host.name}/package-lock.json locks other dependencies of ebok-widgets than the library's package.json has: ` +
        `run \`node test/tools/test-hosts.mjs --update-locks\` and commit the lockfiles`,
    );
  }
  const stamp = readJson(stampPath);
  let how;
  if (!stamp || stamp.lock !== lockHash || stamp.node !== process.version) {
    await run('npm', ['ci'], { cwd: dir });
    how = 'npm ci';
  } else if (stamp.tarball !== tarball.hash) {
    await run('npm', ['install', '--no-save', '../ebok-widgets.tgz'], { cwd: dir });
    how = 'new tarball';
  } else {
    how = 'cached';
  }
  if (how !== 'cached') await verifyInstalled(dir);
  writeFileSync(stampPath, JSON.stringify({ lock: lockHash, tarball: tarball.hash, node: process.version }));
  return { how, stamp: readFileSync(stampPath, 'utf8') };
}

/** node_modules/ebok-widgets is the tarball's content (npm can keep an old copy: see syncSources and install). */
async function verifyInstalled(dir) {
  for (const file of ['package.json', 'dist/index.js']) {
    const packed = await run('tar', ['-xzOf', TARBALL, `package/${file}`]);
    const installed = readFileSync(join(dir, 'node_modules', 'ebok-widgets', file), 'utf8');
    if (installed !== packed) throw new Error(`node_modules/ebok-widgets/${file} in ${dir} is not the tarball's: npm installed an old copy`);
  }
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

/** `npm run build` of the host unless its sources, installed packages and tarball are those of its last build. */
async function build(host, { dir, sourceHash }, installStamp) {
  const stampPath = join(dir, 'node_modules', '.ebok-host-build.json');
  const key = sha(sourceHash, installStamp);
  if (!flag('rebuild') && readJson(stampPath)?.key === key && existsSync(join(dir, host.out, 'index.html'))) return 'cached';
  rmSync(stampPath, { force: true });
  await run('npm', ['run', 'build'], { cwd: dir });
  if (!existsSync(join(dir, host.out, 'index.html'))) throw new Error(`the build wrote no ${host.out}/index.html`);
  writeFileSync(stampPath, JSON.stringify({ key }));
  return 'built';
}

// ── servers ────────────────────────────────────────────────────────────────────────────────────────────

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A static server for one built app on its own port (its own origin): files, else index.html for the
 * app's routes (history routing), and /host-config.js telling the app where the API is.
 */
function serveApp(root, config) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/host-config.js') {
      res.writeHead(200, { 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-store' });
      res.end(`window.hostConfig = ${JSON.stringify(config)};\n`);
      return;
    }
    let file = join(root, normalize(path));
    if (!file.startsWith(root)) file = '';
    const found = file && existsSync(file) && statSync(file).isFile();
    if (!found && extname(path)) {
      res.writeHead(404, { 'Content-Type': TYPES['.txt'] });
      res.end('not found');
      return;
    }
    if (!found) file = join(root, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, 'localhost', () => ok({ server, origin: `http://localhost:${server.address().port}` })));
}

/** The reference API server (demo/server) on its own port, a fresh database, the apps' origins allowed. */
async function startReferenceServer(origins) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ebok-hosts-data-'));
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['demo/server/main.ts', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EBOK_DATA_DIR: dataDir, EBOK_NO_SITE: '1', EBOK_ALLOWED_ORIGINS: origins.join(',') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const origin = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const ready = (async () => {
    const deadline = Date.now() + 60000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the reference server exited:\n${output}`);
      try {
        if ((await fetch(`${origin}/api/v1/portal-config`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the reference server did not start within 60 s:\n${output}`);
      await new Promise((ok) => setTimeout(ok, 200));
    }
  })();
  ready.catch(() => undefined);
  return { origin, apiBase: `${origin}/api/v1`, ready, stop };
}

// ── the scenario in Chromium ───────────────────────────────────────────────────────────────────────────

/** Computed styles of documented parts, to see that host CSS did not get in and that all hosts look alike. */
const lookOf = (page, targets) =>
  page.evaluate((list) => {
    const out = {};
    for (const [element, selector] of list) {
      const el = document.querySelector(element)?.shadowRoot?.querySelector(selector);
      if (!el) {
        out[`${element} ${selector}`] = null;
        continue;
      }
      const s = getComputedStyle(el);
      out[`${element} ${selector}`] = {
        fontFamily: s.fontFamily,
        fontSize: s.fontSize,
        fontWeight: s.fontWeight,
        color: s.color,
        backgroundColor: s.backgroundColor,
        letterSpacing: s.letterSpacing,
        textTransform: s.textTransform,
        borderRadius: s.borderTopLeftRadius,
      };
    }
    return out;
  }, targets);

const LOOK_SIGNED_OUT = [
  ['ebok-login', '[part="base"]'],
  ['ebok-login', 'input[autocomplete="username"]'],
  ['ebok-login', '[part="submit"]'],
];
const LOOK_SIGNED_IN = [
  ['ebok-session', '[part="name"]'],
  ['ebok-session', '[part="logout"]'],
  ['ebok-balance-tile', '[part="base"]'],
  ['ebok-balance-tile', '[part="amount"]'],
  ['ebok-balance-tile', '[part="details-link"]'],
];
/** What the host page's CSS (test/hosts/shared/host-page.css) sets; none of it may show inside a widget. */
const HOSTILE = { colors: ['rgb(120, 0, 120)', 'rgb(200, 0, 0)'], font: /courier|monospace/i };

function lookProblems(look) {
  const problems = [];
  for (const [where, style] of Object.entries(look)) {
    if (!style) {
      problems.push(`${where} is not there`);
      continue;
    }
    if (HOSTILE.font.test(style.fontFamily)) problems.push(`${where} took the host's font (${style.fontFamily})`);
    if (HOSTILE.colors.includes(style.color)) problems.push(`${where} took the host's colour (${style.color})`);
    if (style.letterSpacing !== 'normal') problems.push(`${where} took the host's letter-spacing (${style.letterSpacing})`);
    if (style.textTransform !== 'none') problems.push(`${where} took the host's text-transform (${style.textTransform})`);
    if (parseFloat(style.fontSize) < 17 && !where.includes('amount')) problems.push(`${where} has ${style.fontSize} text (at least 17px)`);
  }
  return problems;
}

/** Event listeners on window and document by type (Chrome DevTools protocol), to see what a mount leaves. */
async function listeners(cdp) {
  const counts = {};
  for (const target of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    for (const l of found) counts[`${target}:${l.type}`] = (counts[`${target}:${l.type}`] ?? 0) + 1;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return counts;
}

function listenerDiff(before, after) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => (before[k] ?? 0) !== (after[k] ?? 0)).map((k) => `${k} ${before[k] ?? 0}→${after[k] ?? 0}`);
}

/**
 * The library's diagnostics (`console.warn('ebok-widgets (code): …')`) are for pages set up wrong. These
 * hosts are set up right, so any diagnostic fails the host, except these known library issues, each let
 * through only in the steps where it is known to happen, and reported in the notes. Delete an entry when
 * its issue is fixed.
 */
const KNOWN_LIBRARY_ISSUES = [
  {
    code: 'no_api_base',
    steps: /^(ebok-navigate routed by the host|remount \d)$/,
    why:
      'when the host\'s router removes <ebok-provider> with its widgets, the provider drops its client on ' +
      'disconnect, <ebok-login> renders once more without one and warns "has no API to talk to" (and fires ' +
      'ebok-error no_api_base) although its provider has an api-base',
  },
  {
    code: 'no_api_base',
    hosts: /^angular$/,
    steps: /^render$/,
    why:
      'Angular creates the template\'s elements in the live page and applies [attr.api-base] in its next change ' +
      'detection; the widgets render once in between, and the library warns (and fires ebok-error) at once ' +
      'instead of giving the page a moment, as it does for provider_not_defined',
  },
];

class Check extends Error {}

/**
 * The scenario every host must pass. Returns { checks, notes, look }; throws a Check (with the step) on
 * the first failure. The host contract (all three apps): links [data-test=to-account] (/) and
 * [data-test=to-details] (/saldo); buttons [data-test=lang|heading-level|after-login] toggling the state
 * bound to the widgets; outputs [data-test=logins|navigations|last-target] counting what the host's
 * handlers received; [data-route=account|saldo] on each route's content.
 */
async function scenario(page, host, app, api) {
  const notes = [];
  const problems = [];
  const known = [];
  let current = 'start';
  const requests = [];
  let checks = 0;
  let documents = 0;
  const ok = (condition, message) => {
    checks++;
    if (!condition) throw new Check(message);
  };

  page.on('console', (message) => {
    const type = message.type();
    const where = message.location()?.url ?? '';
    const diagnostic = /^ebok-widgets \(([a-z_]+)\)/.exec(message.text())?.[1];
    const issue = KNOWN_LIBRARY_ISSUES.find((i) => i.code === diagnostic && i.steps.test(current) && (!i.hosts || i.hosts.test(host.name)));
    if (issue) known.push(`${diagnostic} (${current}): ${issue.why}`);
    else if (diagnostic) problems.push(`the library says the page is set up wrong: ${message.text()}`);
    else if (type === 'error') problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
    else if (type === 'warn' || type === 'warning') notes.push(`console warning (${current}): ${message.text().slice(0, 160)}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documents++;
    const url = new URL(request.url());
    // CORS preflights (OPTIONS) are the browser's, not the widgets' requests.
    if (url.origin === api.origin && request.method() !== 'OPTIONS') {
      requests.push({ method: request.method(), path: url.pathname.replace(/^\/api\/v1/, ''), lang: request.headers()['accept-language'], at: Date.now() });
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // Chromium reports a fetch whose body nobody reads (a 204) as aborted after its answer came: not a failure.
    if (reason === 'net::ERR_ABORTED' && request.response()) return;
    // A request aborted because its widget left the page is by design (AbortController on disconnect).
    if (reason === 'net::ERR_ABORTED') notes.push(`aborted: ${request.method()} ${new URL(request.url()).pathname}`);
    else problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
  });
  const cdp = await page.createCDPSession();
  const count = (method, path) => requests.filter((r) => r.method === method && r.path === path).length;
  const text = (selector) => page.$eval(selector, (el) => el.textContent.trim());
  const wait = async (what, fn, ...fnArgs) => {
    try {
      await page.waitForFunction(fn, { timeout: 15000, polling: 50 }, ...fnArgs);
    } catch (error) {
      throw new Check(`${what}: not within 15 s (${error.message.split('\n')[0]})`);
    }
  };
  const waitPart = (what, element, selector, expected) =>
    wait(
      what,
      (e, s, want) => {
        const found = document.querySelector(e)?.shadowRoot?.querySelector(s);
        return !!found && (want === null || found.textContent.replace(/\s+/g, ' ').trim() === want);
      },
      element,
      selector,
      expected,
    );
  const waitOutput = async (name, value) => {
    try {
      await wait(`[data-test=${name}] shows ${value}`, (n, v) => document.querySelector(`[data-test="${n}"]`)?.textContent.trim() === v, name, value);
    } catch (error) {
      const shown = await page.$eval(`[data-test="${name}"]`, (el) => el.textContent.trim()).catch(() => 'nothing');
      error.message += ` (it shows ${shown})`;
      throw error;
    }
  };
  const click = async (selector) => {
    await page.locator(selector).setTimeout(15000).click();
  };
  const logIn = async () => {
    await waitPart('the login form', 'ebok-login', 'input[autocomplete="username"]', null);
    await page.locator('ebok-login >>> input[autocomplete="username"]').fill(DEMO.login);
    await page.locator('ebok-login >>> input[autocomplete="current-password"]').fill(DEMO.password);
    await click('ebok-login >>> [part="submit"]');
    await waitPart(`the session bar shows ${DEMO.name}`, 'ebok-session', '[part="name"]', DEMO.name);
  };
  const step = async (name, fn) => {
    current = name;
    try {
      await fn();
    } catch (error) {
      if (error instanceof Check) error.message = `${name}: ${error.message}`;
      throw error;
    }
    if (problems.length) throw new Check(`${name}: ${problems.join('; ')}`);
  };

  // 1. A deep link to the route without widgets: the library is loaded and defines its elements, but
  //    nothing is on the page yet, so nothing is asked of the API.
  await step('deep link to /saldo', async () => {
    await page.goto(`${app}/saldo`, { waitUntil: 'load' });
    await wait('the /saldo route', () => !!document.querySelector('[data-route="saldo"]'));
    ok(await page.evaluate(() => !!customElements.get('ebok-login') && !!customElements.get('ebok-balance-tile')), 'the elements are defined');
    ok(requests.length === 0, `no API request without a widget on the page (got ${requests.map((r) => `${r.method} ${r.path}`).join(', ')})`);
    await page.evaluate(() => (window.__hostsMark = 'first load'));
  });
  const beforeMount = await listeners(cdp);

  // 2. The host's router mounts the widgets: they render signed out, in their own look.
  let look;
  await step('render', async () => {
    await click('[data-test="to-account"]');
    await waitPart('the login form', 'ebok-login', 'input[autocomplete="username"]', null);
    await waitPart('"Zaloguj się" in the session bar (signed-out="login")', 'ebok-session', '[part="login"]', 'Zaloguj się');
    if (host.name === 'react') {
      const effects = await page.evaluate(() => window.hostStats?.accountEffects);
      ok(effects === 2, `StrictMode ran the route's effect twice on its first mount (ran ${effects}×: not a development build?)`);
      notes.push('StrictMode active: effects ran twice on mount');
    }
    look = await lookOf(page, LOOK_SIGNED_OUT);
    const wrong = lookProblems(look);
    ok(wrong.length === 0, `the widgets keep their look: ${wrong.join('; ')}`);
  });

  // 3. Log in as the demo customer: the session bar (another widget) shows the name; the host's own
  //    listener on <ebok-login> (bound by the framework) hears ebok-login-success once.
  await step('log in', async () => {
    await logIn();
    await waitOutput('logins', '1');
    await waitPart('"Szczegóły salda" on the tile', 'ebok-balance-tile', '[part="details-link"]', 'Szczegóły salda');
    await waitPart('"Zalogowano jako …" in <ebok-login> (after-login="message")', 'ebok-login', '[part="message"]', null);
    Object.assign(look, await lookOf(page, LOOK_SIGNED_IN));
    const wrong = lookProblems(look);
    ok(wrong.length === 0, `the widgets keep their look: ${wrong.join('; ')}`);
    ok(count('POST', '/auth/login') === 1, `one login request (got ${count('POST', '/auth/login')})`);
  });

  // 4. Attributes bound to the host's state follow it.
  await step('state-bound attributes', async () => {
    const level = () => page.evaluate(() => document.querySelector('ebok-balance-tile')?.shadowRoot?.querySelector('[part="heading"]')?.getAttribute('aria-level'));
    ok((await level()) === '2', `the tile's heading is at level 2 (is ${await level()})`);
    await click('[data-test="heading-level"]');
    await wait('heading-level 3 from the host state', () => document.querySelector('ebok-balance-tile')?.shadowRoot?.querySelector('[part="heading"]')?.getAttribute('aria-level') === '3');
    await click('[data-test="lang"]');
    await waitPart('English from the provider\'s lang', 'ebok-balance-tile', '[part="details-link"]', 'Balance details');
    await click('[data-test="lang"]');
    await waitPart('Polish again', 'ebok-balance-tile', '[part="details-link"]', 'Szczegóły salda');
    await click('[data-test="after-login"]');
    await wait('<ebok-login> hidden (after-login="hidden")', () => document.querySelector('ebok-login')?.hidden === true);
    await click('[data-test="after-login"]');
    await wait('<ebok-login> shown again (after-login="message")', () => document.querySelector('ebok-login')?.hidden === false);
    checks += 5;
  });

  // 5. "Szczegóły salda" fires ebok-navigate; the host cancels it and routes: no page load.
  await step('ebok-navigate routed by the host', async () => {
    await click('ebok-balance-tile >>> [part="details-link"]');
    await wait('the /saldo route', () => !!document.querySelector('[data-route="saldo"]'));
    ok((await page.evaluate(() => location.pathname)) === '/saldo', 'the address is /saldo');
    ok((await page.evaluate(() => window.__hostsMark)) === 'first load' && documents === 1, `no page load (documents loaded: ${documents})`);
    await waitOutput('navigations', '1');
    ok((await text('[data-test="last-target"]')) === 'balance-details', 'the event said target "balance-details"');
    ok((await page.$('ebok-provider')) === null, 'the widgets left the page with their route');
  });
  const afterFirst = await listeners(cdp);
  const leftByFirst = listenerDiff(beforeMount, afterFirst);
  if (leftByFirst.length) notes.push(`listeners left by the first mount (login, session): ${leftByFirst.join(', ')}`);

  // 6. Unmount and remount twice: the signed-in widgets come back from the shared session (no new
  //    session request), and each cycle leaves window and document as it found them.
  for (const cycle of [1, 2]) {
    await step(`remount ${cycle}`, async () => {
      await click('[data-test="to-account"]');
      await waitPart(`${DEMO.name} again`, 'ebok-session', '[part="name"]', DEMO.name);
      await waitPart('the tile again', 'ebok-balance-tile', '[part="details-link"]', 'Szczegóły salda');
      await wait('heading-level still 3', () => document.querySelector('ebok-balance-tile')?.shadowRoot?.querySelector('[part="heading"]')?.getAttribute('aria-level') === '3');
      await click('[data-test="to-details"]');
      await wait('the /saldo route', () => !!document.querySelector('[data-route="saldo"]') && !document.querySelector('ebok-provider'));
      const now = await listeners(cdp);
      const grown = listenerDiff(afterFirst, now);
      ok(grown.length === 0, `no listeners left behind on window/document by a remount: ${grown.join(', ')}`);
    });
  }

  // 7. Log out and in again on a remounted route: exactly one more ebok-login-success reaches the host
  //    (no listener added twice by StrictMode or by the remounts), and still one session request in all.
  await step('log out and in after remounts', async () => {
    await click('[data-test="to-account"]');
    await waitPart(`${DEMO.name}`, 'ebok-session', '[part="name"]', DEMO.name);
    await click('ebok-session >>> [part="logout"]');
    await logIn();
    await waitOutput('logins', '2');
    await new Promise((ok) => setTimeout(ok, 500)); // a duplicated listener would deliver within this
    ok((await text('[data-test="logins"]')) === '2', `ebok-login-success reached the host twice for two logins (got ${await text('[data-test="logins"]')})`);
    ok(documents === 1, `still no page load (documents loaded: ${documents})`);
    ok(count('GET', '/auth/session') === 1, `one GET /auth/session for the whole visit (got ${count('GET', '/auth/session')})`);
    ok(count('GET', '/portal-config') <= 1, `the portal config asked at most once (got ${count('GET', '/portal-config')})`);
    // The same GET twice within a second in the same language (a language switch reloads by design).
    const twins = requests.filter(
      (r, i) => r.method === 'GET' && requests.slice(0, i).some((o) => o.method === r.method && o.path === r.path && o.lang === r.lang && r.at - o.at < 1000),
    );
    const timeline = requests.map((r) => `${r.method} ${r.path} ${r.lang} +${r.at - requests[0].at} ms`).join(', ');
    ok(twins.length === 0, `no GET repeated within a second: ${twins.map((r) => r.path).join(', ')} (requests: ${timeline})`);
  });

  for (const line of known) notes.push(`KNOWN LIBRARY ISSUE, let through: ${line}`);
  const tally = {};
  for (const r of requests) tally[`${r.method} ${r.path}`] = (tally[`${r.method} ${r.path}`] ?? 0) + 1;
  notes.push(`API requests: ${Object.entries(tally).map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  return { checks, notes, look };
}

// ── main ───────────────────────────────────────────────────────────────────────────────────────────────

for (const host of HOSTS) {
  if (existsSync(join(HOSTS_DIR, host.name, 'node_modules'))) {
    console.warn(`test-hosts: test/hosts/${host.name}/node_modules is not used and the root lit-analyzer scans it: delete it`);
  }
}

const started = Date.now();
const results = new Map(hosts.map((h) => [h.name, { host: h, install: '', build: '', browser: '', ok: false, error: '', notes: [] }]));
const cleanups = [];
let exitCode = 1;
try {
  // The apps' static servers first (their origins go into the API's CORS allowlist), then the API, which
  // takes a while to start and does so while the package is packed and the hosts are installed and built.
  const apps = new Map();
  const hostConfig = { apiBase: '' };
  for (const host of hosts) {
    const served = await serveApp(join(WORK, host.name, host.out), hostConfig);
    apps.set(host.name, served.origin);
    cleanups.push(() => new Promise((ok) => served.server.close(() => ok())));
  }
  const api = await startReferenceServer([...apps.values()]);
  hostConfig.apiBase = api.apiBase;
  cleanups.push(api.stop);

  let t = Date.now();
  const library = await buildLibraryIfStale();
  const tarball = await pack();
  console.log(`ebok-widgets: dist ${library}, packed ${TARBALL} (${seconds(Date.now() - t)})`);

  for (const host of hosts) {
    const result = results.get(host.name);
    try {
      t = Date.now();
      const sources = syncSources(host);
      const installed = await install(host, sources, tarball);
      result.install = `${installed.how} ${seconds(Date.now() - t)}`;
      t = Date.now();
      result.build = `${await build(host, sources, installed.stamp)} ${seconds(Date.now() - t)}`;
    } catch (error) {
      result.error = error.message;
    }
    console.log(`  ${host.name}: install ${result.install || '✘'}, build ${result.build || '✘'}`);
  }

  t = Date.now();
  await api.ready;
  const waited = Date.now() - t;
  if (waited > 100) console.log(`reference server ready after ${seconds(waited)} more`);
  const require = createRequire(import.meta.url);
  const puppeteer = createRequire(require.resolve('@web/test-runner-chrome'))('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  cleanups.unshift(() => browser.close());

  const looks = new Map();
  for (const host of hosts) {
    const result = results.get(host.name);
    if (result.error) continue;
    t = Date.now();
    const context = await browser.createBrowserContext(); // its own cookies: each host logs in afresh
    const page = await context.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    try {
      const outcome = await scenario(page, host, apps.get(host.name), api);
      result.notes = outcome.notes;
      result.checks = outcome.checks;
      looks.set(host.name, outcome.look);
      result.ok = true;
    } catch (error) {
      result.error = error.message;
      const shot = join(WORK, `${host.name}-failure.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      result.notes.push(`screenshot: ${shot}`);
    }
    result.browser = seconds(Date.now() - t);
    if (!flag('keep')) await context.close();
  }

  // The same widgets look the same in every host.
  const [first, ...others] = [...looks.entries()];
  for (const [name, look] of others) {
    const differences = Object.keys(first[1]).filter((k) => JSON.stringify(first[1][k]) !== JSON.stringify(look[k]));
    if (differences.length) {
      const result = results.get(name);
      result.ok = false;
      result.error = `looks different from ${first[0]}: ${differences.map((k) => `${k} ${JSON.stringify(look[k])} vs ${JSON.stringify(first[1][k])}`).join('; ')}`;
    }
  }

  const rows = [['host', 'install', 'build', 'browser', 'result']];
  for (const r of results.values()) {
    rows.push([r.host.name, r.install || '-', r.build || '-', r.browser || '-', r.ok ? `✔ ${r.checks} checks` : `✘ ${r.error.split('\n')[0]}`]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log('');
  for (const row of rows) console.log(row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] + 2) : cell)).join(''));
  for (const r of results.values()) {
    console.log(`\n${r.host.name}: ${r.host.label}`);
    if (!r.ok && r.error.includes('\n')) console.log(r.error.replace(/^/gm, '  '));
    for (const note of r.notes) console.log(`  · ${note}`);
  }
  const passed = [...results.values()].filter((r) => r.ok).length;
  console.log(`\nhost apps (${WORK}) in ${seconds(Date.now() - started)}`);
  console.log(`hosts: ${passed} passed, ${results.size - passed} failed`);
  exitCode = passed === results.size ? 0 : 1;

  if (flag('keep')) {
    console.log(`\nServing until Ctrl+C: ${[...apps].map(([n, o]) => `${n} ${o}`).join(', ')}; API ${api.apiBase}`);
    await new Promise((ok) => process.once('SIGINT', ok));
  }
} catch (error) {
  console.error(`test-hosts: ${error.message}`);
} finally {
  for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch(() => undefined);
}
process.exit(exitCode);
