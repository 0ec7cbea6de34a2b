// `npm test`: the whole quality gate, in the order that fails fastest. It stops at the first failing step
// and says which one failed. Each step is also an npm script of its own (see README "Development").
import { spawn } from 'node:child_process';

/** Runs a step with its output shown as it comes, and kept for counting tests. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** Tests a step ran: web-test-runner's last "N passed, M failed", or the conformance self-test's check count. */
function countTests(output) {
  const plain = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  const wtr = [...plain.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  const conformance = /passes all (\d+) checks/.exec(plain);
  if (conformance) return { passed: Number(conformance[1]), failed: 0 };
  if (wtr) return { passed: Number(wtr[1]), failed: Number(wtr[2]) };
  return undefined;
}

const steps = [
  ['translations built', 'npm', ['run', '--silent', 'i18n']],
  ['translations complete', 'node', ['test/tools/check-i18n.mjs']],
  ['API contract lint (Redocly)', 'npm', ['run', '--silent', 'api:lint']],
  ['API types current', 'node', ['test/tools/check-api-types.mjs']],
  ['lint (ESLint)', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['lint bans fire (unsafeHTML, unsafeCSS, styleMap, style=, web storage, innerHTML)', 'node', ['test/tools/check-lint-bans.mjs']],
  ['identifier checksums only in src/validation', 'node', ['test/tools/check-identifier-code.mjs']],
  ['layers point one way (no import from a lower room of src/ to a higher one)', 'node', ['test/tools/check-layers.mjs']],
  ['types (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['types of the reference server and the conformance suite (tsc)', 'sh', ['-c', 'npx tsc --noEmit -p demo/server/tsconfig.json && npx tsc --noEmit -p demo/server/browser/tsconfig.json && npx tsc --noEmit -p test/conformance/tsconfig.json']],
  ['templates (lit-analyzer)', 'npm', ['run', '--silent', 'analyze']],
  ['the CDN build\'s css`` minifier changes no style sheet', 'node', ['test/tools/check-css-minify.mjs']],
  ['build (npm + CDN)', 'npm', ['run', '--silent', 'build']],
  ['the package as published: what npm would pack, and a strict TypeScript consumer (skipLibCheck: false)', 'sh', ['-c', 'node test/tools/check-pack.mjs && node test/tools/check-consumer-types.mjs']],
  ['browser tests (web-test-runner, Chromium)', 'npx', ['web-test-runner']],
  // The same tests again (not counted twice) 400 days ahead with the device in another zone: fixtures that rot.
  // The story check (test/stories/, about 2.5 minutes) runs here too: the stories' mock data are dated from now,
  // and a story that only renders today is as much a defect as a test that only passes today.
  ['browser tests on a clock 400 days ahead (faketime, TZ=America/New_York)', 'node', ['test/tools/test-clock.mjs', '+400d'], { repeat: true }],
  ['reference server end to end (demo/server/selftest.ts)', 'npx', ['tsx', 'demo/server/selftest.ts']],
  ['API contract examples: each valid against its schema and accepted by the reference server, and the either-or rules answered on the field (demo/server/examples-check.ts)', 'npx', ['tsx', 'demo/server/examples-check.ts']],
  ['demo pages in Chromium, signed out: no console error, no CSP violation, no layout shift', 'npx', ['tsx', 'demo/server/pages-check.ts']],
  ['the demo site end to end: a complaint from the invoice list, sent offline, answered, and the unread badge', 'npx', ['tsx', 'demo/server/browser/contact-check.ts']],
  ['the demo site end to end: the whole eBOK in one tag (<ebok-portal>): a deep link through the login, every section, Back and Forward, not-found, the phone menu', 'npx', ['tsx', 'demo/server/browser/portal-check.ts']],
  ['the demo site end to end: my data (phone, address, notifications, consents), a tariff change, new terms at login, a firm\'s points and contracts', 'npx', ['tsx', 'demo/server/browser/my-data-check.ts']],
  ['the demo world agrees: reference server and mock API serve the same personas', 'npx', ['tsx', 'demo/server/personas-agree.ts']],
  ['API conformance suite (reference server, and a broken one)', 'npx', ['tsx', 'test/conformance/self-test.ts']],
  ['Storybook build', 'npm', ['run', '--silent', 'build-storybook']],
  ['bundle size budgets', 'node', ['test/tools/check-size.mjs']],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, command, args, { repeat = false } = {}] of steps) {
  if (only.length && !only.some((word) => name.toLowerCase().includes(word.toLowerCase()))) continue;
  console.log(`\n━━ ${name}`);
  const start = Date.now();
  const { status, output } = await run(command, args);
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  results.push({ name, ok: status === 0, seconds, tests: repeat ? undefined : countTests(output) });
  if (status !== 0) break;
}

console.log('\n━━ summary');
for (const { name, ok, seconds } of results) console.log(`  ${ok ? '✔' : '✘'} ${name} (${seconds} s)`);
const failed = results.filter((r) => !r.ok);
if (failed.length) {
  console.error(`\nnpm test failed at: ${failed[0].name}`);
  process.exit(1);
}
const passed = results.reduce((sum, r) => sum + (r.tests?.passed ?? 0), 0);
console.log(`\nnpm test: all ${results.length} steps passed`);
console.log(`${passed} passed, 0 failed`);
