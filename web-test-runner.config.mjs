import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';

/**
 * Every test runs in real headless Chromium (Debian's `chromium`), never jsdom.
 * The browser is taken from CHROME_PATH, else /usr/bin/chromium; no tool here downloads a browser.
 */
function findChromium() {
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

// `unit` runs against the sources; `built` loads the files `npm run build` wrote to dist/.
// TEST_FILES=test/x.test.ts,test/y.test.ts runs just those (for development).
const groups = process.env.TEST_FILES
  ? [{ name: 'selected', files: process.env.TEST_FILES.split(',') }]
  : [
      { name: 'unit', files: ['test/**/*.test.ts', '!test/built/**'] },
      { name: 'built', files: ['test/built/**/*.test.ts'] },
    ];

export default {
  rootDir: '.',
  nodeResolve: true,
  groups,
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: {
    config: { timeout: 10000, ui: 'bdd' },
  },
  testsFinishTimeout: 300000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  filterBrowserLogs: ({ type }) => type === 'error' || type === 'warn',
};
