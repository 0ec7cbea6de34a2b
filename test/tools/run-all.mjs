// `npm test`: the whole quality gate, in the order that fails fastest. It stops at the first failing step
// and says which one failed. Each step is also an npm script of its own (see README "Development").
import { spawnSync } from 'node:child_process';

const steps = [
  ['translations built', 'npm', ['run', '--silent', 'i18n']],
  ['translations complete', 'node', ['test/tools/check-i18n.mjs']],
  ['API contract lint (Redocly)', 'npm', ['run', '--silent', 'api:lint']],
  ['API types current', 'node', ['test/tools/check-api-types.mjs']],
  ['lint (ESLint)', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['types (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['templates (lit-analyzer)', 'npm', ['run', '--silent', 'analyze']],
  ['build (npm + CDN)', 'npm', ['run', '--silent', 'build']],
  ['browser tests (web-test-runner, Chromium)', 'npx', ['web-test-runner']],
  ['Storybook build', 'npm', ['run', '--silent', 'build-storybook']],
  ['bundle size budgets', 'node', ['test/tools/check-size.mjs']],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, command, args] of steps) {
  if (only.length && !only.some((word) => name.toLowerCase().includes(word.toLowerCase()))) continue;
  console.log(`\n━━ ${name}`);
  const start = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  results.push({ name, ok: status === 0, seconds });
  if (status !== 0) break;
}

console.log('\n━━ summary');
for (const { name, ok, seconds } of results) console.log(`  ${ok ? '✔' : '✘'} ${name} (${seconds} s)`);
const failed = results.filter((r) => !r.ok);
if (failed.length) {
  console.error(`\nnpm test failed at: ${failed[0].name}`);
  process.exit(1);
}
console.log(`\nnpm test: all ${results.length} steps passed`);
