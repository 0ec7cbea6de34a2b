// Builds the CDN bundle (dist/cdn/, `vite build --mode cdn`) only when it is missing or older than what it is
// built from, so that `npm start` serves the product as a utility hosts it without paying for a build that is
// already done. What it is built from: every file and folder under src/ (a folder's time changes when a file
// in it is added, removed or renamed), the Vite and TypeScript configuration, and the lockfile (the versions
// of Lit and the other dependencies). The locale modules are sources too: they are brought up to date first.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import './i18n-if-stale.mjs';

const root = new URL('../../', import.meta.url).pathname;
const outputs = ['dist/cdn/ebok-widgets.js', 'dist/cdn/.vite/manifest.json'].map((f) => join(root, f));
const inputs = ['vite.config.ts', 'tsconfig.json', 'package-lock.json'].map((f) => join(root, f));

/** The newest modification time of a folder, its subfolders and their files. */
function newest(dir) {
  let time = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

function staleBecause() {
  const missing = outputs.find((f) => !existsSync(f));
  if (missing) return `${missing.slice(root.length)} is missing`;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  if (newest(join(root, 'src')) > built) return 'src/ changed since the last build';
  const changed = inputs.find((f) => existsSync(f) && statSync(f).mtimeMs > built);
  return changed ? `${changed.slice(root.length)} changed since the last build` : undefined;
}

const reason = staleBecause();
if (reason) {
  console.log(`Building the CDN bundle (${reason})…`);
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--mode', 'cdn', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
