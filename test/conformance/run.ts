/// <reference types="node" />
// CLI of the conformance suite: point it at a utility's back end and read which parts of the contract hold.
//   npx tsx test/conformance/run.ts --base-url http://localhost:8791/api/v1 \
//     [--login energia@example.com --password Demo-Haslo-2026] [--lockout-login <an account it may lock>] \
//     [--mfa-login 2fa@example.com] [--outbox-url http://localhost:8791/api/test/outbox] [--json report.json]
// The npm package ships it built (test/tools/build-conformance.mjs) as `npx ebok-conformance` with the same options.
// Exit code 0 when every check passed, 1 when one failed, 2 on a usage error.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ConformanceOptions } from './suite.js';
import { formatReport, runConformance } from './suite.js';

/** `true` in the built command (an esbuild define); not defined when run from source with tsx. */
declare const __EBOK_CONFORMANCE_BIN__: boolean | undefined;
const program = typeof __EBOK_CONFORMANCE_BIN__ !== 'undefined' && __EBOK_CONFORMANCE_BIN__ ? 'npx ebok-conformance' : 'npx tsx test/conformance/run.ts';

const usage = `Usage: ${program} --base-url <API base, e.g. http://localhost:8791/api/v1> [options]

  --login <identifier>        a customer without MFA, with data (and something to pay)
  --password <password>       its password
  --lockout-login <id>        an account the suite may lock (lockout checks run only with it)
  --lockout-password <pw>     its right password (default: --password)
  --lockout-max <n>           most wrong passwords to send before giving up (default 20)
  --mfa-login <id>            an account with a second factor (one-time code checks; needs --outbox-url)
  --mfa-password <pw>         its password (default: --password)
  --removal-login <id>        an account the suite may file an account removal request for (removal checks)
  --removal-password <pw>     its password (default: --password)
  --outbox-url <url>          a test outbox (GET <url>?to=<address>); the single-use token checks need it
  --terms-hook-url <url>      a test hook of the login's utility: POST publishes new terms, DELETE restores them
                              (the terms-at-login checks need it)
  --origin <origin>           the Origin header sent (default: the base URL's origin; must be allowed)
  --return-url <url>          returnUrl for POST /payments (default: <origin>/)
  --max-body-bytes <n>        the server's limit for a request body (default 31457280, 30 MiB); the suite sends
                              a chunked body 1 MiB over it and expects 413
  --timing-samples <n>        login attempts per identifier for the timing comparisons (default 5; password
                              reset and login reminder take at most 3, each asks for an e-mail)
  --timing-factor <x>         the slower median may be at most x times the faster one... (default 3)
  --timing-slack-ms <ms>      ...or at most this many ms slower (default 150)
  --probe-runs <n>            generated requests per operation, signed out and signed in, for the contract probe
                              (default 40; 0 leaves the probe out)
  --probe-seed <n>            the probe's seed (default random; every counterexample prints the one that replays it)
  --probe-only <ids>          probe only these operations (comma-separated operation ids)
  --contract <path>           the OpenAPI file (default: the src/api/openapi.yaml of this repository or package)
  --json <file>               also write the report as JSON
  --quiet                     print only the failed checks and the summary`;

function main(): Promise<number> | number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'base-url': { type: 'string' },
        login: { type: 'string' },
        password: { type: 'string' },
        'lockout-login': { type: 'string' },
        'lockout-password': { type: 'string' },
        'lockout-max': { type: 'string' },
        'mfa-login': { type: 'string' },
        'mfa-password': { type: 'string' },
        'removal-login': { type: 'string' },
        'removal-password': { type: 'string' },
        'outbox-url': { type: 'string' },
        'terms-hook-url': { type: 'string' },
        origin: { type: 'string' },
        'return-url': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        'timing-samples': { type: 'string' },
        'timing-factor': { type: 'string' },
        'timing-slack-ms': { type: 'string' },
        'probe-runs': { type: 'string' },
        'probe-seed': { type: 'string' },
        'probe-only': { type: 'string' },
        contract: { type: 'string' },
        json: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const baseUrl = values['base-url'];
  if (!baseUrl) {
    console.error(`--base-url is required\n\n${usage}`);
    return 2;
  }
  if (Boolean(values.login) !== Boolean(values.password)) {
    console.error('--login and --password go together');
    return 2;
  }
  const number = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number`);
    return parsed;
  };
  const options: ConformanceOptions = {
    baseUrl,
    ...(values.login ? { login: values.login } : {}),
    ...(values.password ? { password: values.password } : {}),
    ...(values['lockout-login'] ? { lockoutLogin: values['lockout-login'] } : {}),
    ...(values['lockout-password'] ? { lockoutPassword: values['lockout-password'] } : {}),
    ...(values['mfa-login'] ? { mfaLogin: values['mfa-login'] } : {}),
    ...(values['mfa-password'] ? { mfaPassword: values['mfa-password'] } : {}),
    ...(values['removal-login'] ? { removalLogin: values['removal-login'] } : {}),
    ...(values['removal-password'] ? { removalPassword: values['removal-password'] } : {}),
    ...(values['outbox-url'] ? { outboxUrl: values['outbox-url'] } : {}),
    ...(values['terms-hook-url'] ? { termsHookUrl: values['terms-hook-url'] } : {}),
    ...(values.origin ? { origin: values.origin } : {}),
    ...(values['return-url'] ? { returnUrl: values['return-url'] } : {}),
    ...(values.contract ? { contractPath: values.contract } : {}),
  };
  try {
    const max = number('lockout-max', values['lockout-max']);
    if (max !== undefined) options.lockoutMaxAttempts = max;
    const bodyLimit = number('max-body-bytes', values['max-body-bytes']);
    if (bodyLimit !== undefined) options.maxBodyBytes = bodyLimit;
    const samples = number('timing-samples', values['timing-samples']);
    const factor = number('timing-factor', values['timing-factor']);
    const slackMs = number('timing-slack-ms', values['timing-slack-ms']);
    const integer = (name: string, value: string | undefined): number | undefined => {
      if (value === undefined) return undefined;
      if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number ≥ 0`);
      return Number(value);
    };
    const probeRuns = integer('probe-runs', values['probe-runs']);
    const probeSeed = integer('probe-seed', values['probe-seed']);
    const probeOnly = values['probe-only']?.split(',').map((id) => id.trim()).filter(Boolean);
    options.probe = {
      ...(probeRuns !== undefined ? { runs: probeRuns } : {}),
      ...(probeSeed !== undefined ? { seed: probeSeed } : {}),
      ...(probeOnly?.length ? { only: probeOnly } : {}),
    };
    options.timing = {
      ...(samples !== undefined ? { samples } : {}),
      ...(factor !== undefined ? { factor } : {}),
      ...(slackMs !== undefined ? { slackMs } : {}),
    };
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const quiet = values.quiet === true;
  const json = values.json;
  return (async () => {
    const report = await runConformance({
      ...options,
      onCheck: (check) => {
        if (!quiet) process.stderr.write(check.status === 'pass' ? '.' : check.status === 'fail' ? 'F' : 's');
      },
    });
    if (!quiet) process.stderr.write('\n\n');
    console.log(formatReport(report, { failuresOnly: quiet }));
    if (json) writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
    return report.failed === 0 ? 0 : 1;
  })();
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 2;
}
