import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createNetServer } from 'node:net';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { screenshotPlugin } from './test/tools/wtr-screenshot-plugin.mjs';
import { blockPlugin } from './test/tools/wtr-block-plugin.mjs';
import { storiesPlugin } from './test/tools/wtr-stories-plugin.mjs';

/**
 * Every test runs in real headless Chromium (Debian's `chromium`), never jsdom.
 * The browser is taken from CHROME_PATH, else /usr/bin/chromium; no tool here downloads a browser.
 */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it with `apt-get update && apt-get install -y chromium` ' +
        '(or set CHROME_PATH to a Chromium/Chrome binary), then run the tests again.',
    );
  }
  return found;
}

// Flags this machine needs: root (no sandbox), no GPU, and a closed network (no background traffic).
export const chromiumArgs = [
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

/** A port nobody listens on now, so parallel test runs on one machine do not collide. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, 'localhost', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const TEST_PORT = Number(process.env.EBOK_WTR_PORT ?? (await freePort()));
const SERVER_PORT = Number(process.env.EBOK_TEST_SERVER_PORT ?? (await freePort()));

/**
 * The reference API server for integration tests (test/integration/): started once per run on its own
 * port with a fresh database, the test page's origin allowed by CORS, so widgets talk to it over real HTTP
 * with real cookies, as on a utility's site. EBOK_TEST_SERVER=<api base> points the tests at another
 * implementation of the contract instead (a utility's own backend with the demo data).
 */
function referenceServer() {
  let child;
  let dataDir;
  let apiBase = process.env.EBOK_TEST_SERVER;
  return {
    name: 'ebok-reference-server',
    async serverStart() {
      if (apiBase) return;
      if (process.env.TEST_FILES && !process.env.TEST_FILES.includes('integration')) return;
      dataDir = mkdtempSync(join(tmpdir(), 'ebok-wtr-'));
      child = spawn(join(import.meta.dirname, 'node_modules/.bin/tsx'), ['demo/server/main.ts', '--demo'], {
        cwd: import.meta.dirname,
        env: {
          ...process.env,
          PORT: String(SERVER_PORT),
          EBOK_DATA_DIR: dataDir,
          EBOK_NO_SITE: '1',
          EBOK_ALLOWED_ORIGINS: `http://localhost:${TEST_PORT}`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const base = `http://localhost:${SERVER_PORT}/api/v1`;
      const deadline = Date.now() + 60000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`The reference server exited:\n${output}`);
        try {
          if ((await fetch(`${base}/portal-config`)).ok) break;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`The reference server did not start within 60 s:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      apiBase = base;
    },
    async serverStop() {
      child?.kill('SIGTERM');
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    serve(context) {
      if (context.path === '/__ebok/server.json') return { body: JSON.stringify({ apiBase }), type: 'json' };
      return undefined;
    },
  };
}

// `unit` runs against the sources; `built` loads the files `npm run build` wrote to dist/.
// TEST_FILES=test/x.test.ts,test/y.test.ts runs just those (for development).
const groups = process.env.TEST_FILES
  ? [{ name: 'selected', files: process.env.TEST_FILES.split(',') }]
  : [
      { name: 'unit', files: ['test/**/*.test.ts', '!test/built/**', '!test/integration/**'] },
      { name: 'integration', files: ['test/integration/**/*.test.ts'] },
      { name: 'built', files: ['test/built/**/*.test.ts'] },
    ];

export default {
  rootDir: '.',
  port: TEST_PORT,
  nodeResolve: true,
  groups,
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: {
    config: { timeout: 10000, ui: 'bdd' },
  },
  // A loaded CI machine (the suite, the reference server and Chromium on two cores) can take more than the
  // default 20 s to open a test file's page; a hung file still fails, after these limits.
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs },
      // Every test page behaves as the focused window, whatever an earlier file did with focus (a Tab past the
      // page's last stop moves it to the browser's own UI): focus and blur events are what field checks wait on.
      async createPage({ context }) {
        const page = await context.newPage();
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), referenceServer(), screenshotPlugin(), blockPlugin(), storiesPlugin()],
  filterBrowserLogs: ({ type }) => type === 'error' || type === 'warn',
};
