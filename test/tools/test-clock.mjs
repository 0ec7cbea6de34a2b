// The browser tests on a clock that is not today's, so that a fixture instant that rots with the calendar
// fails here rather than on some later day for everyone. Uses Debian's libfaketime (`faketime`), which
// shifts the clock of web-test-runner, of Chromium and of the reference server it starts.
//
//   node test/tools/test-clock.mjs                 400 days ahead, the device in New York time (npm test)
//   node test/tools/test-clock.mjs +90d            any faketime offset
//   node test/tools/test-clock.mjs '@2027-03-28 00:59:30'   an absolute start (UTC); the clock runs on from it
//   node test/tools/test-clock.mjs edges           Warsaw's spring and autumn clock changes and new year, one run each
//
// TZ=<zone> sets the device's zone (default America/New_York: the widgets show Polish time whatever it is).
import { spawn, spawnSync } from 'node:child_process';

/**
 * Runs started just before an edge of Polish time, so the suite crosses it while it runs (UTC instants):
 * 02:00 CET → 03:00 CEST, 03:00 CEST → 02:00 CET, and Warsaw's midnight of the new year an hour before UTC's.
 */
const EDGES = [
  ['spring clock change in Warsaw', '@2027-03-28 00:59:30'],
  ['autumn clock change in Warsaw', '@2026-10-25 00:59:30'],
  ['new year in Warsaw, UTC still in the old year', '@2026-12-31 22:59:30'],
];

function hasFaketime() {
  return spawnSync('faketime', ['-f', '+0d', 'true'], { stdio: 'ignore' }).status === 0;
}

function run(label, spec, zone) {
  console.log(`\n── browser tests, clock ${spec} (${label}), device zone ${zone}`);
  return new Promise((resolve) => {
    const child = spawn('faketime', ['-f', spec, 'npx', 'web-test-runner'], {
      stdio: 'inherit',
      env: { ...process.env, TZ: zone },
    });
    child.on('close', (status) => resolve(status ?? 1));
  });
}

if (!hasFaketime()) {
  console.error(
    'faketime is not installed. The suite runs once more on a shifted clock to prove it holds on any day:\n' +
      '  apt-get update && apt-get install -y faketime    (Debian; .ci/run installs it)',
  );
  process.exit(1);
}

const arg = process.argv[2] ?? '+400d';
const zone = process.env.TZ || 'America/New_York';
const runs = arg === 'edges' ? EDGES : [['shifted', arg]];
for (const [label, spec] of runs) {
  const status = await run(label, spec, zone);
  if (status !== 0) {
    console.error(`\nThe browser tests fail with the clock at ${spec} (${label}, TZ=${zone}): a test or a fixture depends on the day.`);
    process.exit(status);
  }
}
