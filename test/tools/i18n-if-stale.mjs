// Builds the locale modules (lit-localize build) only when they are missing or older than the XLIFF files,
// so `npm start` does not spend seconds on a build that is already done.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;
const built = `${root}src/i18n/locales/en.ts`;
const sources = readdirSync(`${root}src/i18n/xliff`).map((f) => `${root}src/i18n/xliff/${f}`);
const stale = !existsSync(built) || sources.some((f) => statSync(f).mtimeMs > statSync(built).mtimeMs);
if (stale) execFileSync(`${root}node_modules/.bin/lit-localize`, ['build', '--config', 'lit-localize.json'], { cwd: root, stdio: 'inherit' });
