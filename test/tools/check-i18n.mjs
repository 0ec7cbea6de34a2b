// Part of `npm test`: every message in the code has an English translation, and the XLIFF files that
// translators work on are current. It extracts the messages into a scratch copy of src/i18n/xliff and
// compares: a new, changed or removed message means `npm run i18n:extract` and a translation are due.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const committedDir = join(root, config.interchange.xliffDir);
const scratch = mkdtempSync(join(tmpdir(), 'ebok-i18n-'));
const problems = [];
try {
  cpSync(committedDir, join(scratch, 'xliff'), { recursive: true });
  const scratchConfig = join(root, `.lit-localize.check.json`);
  writeFileSync(scratchConfig, JSON.stringify({ ...config, interchange: { ...config.interchange, xliffDir: join(scratch, 'xliff') } }));
  try {
    execFileSync(join(root, 'node_modules/.bin/lit-localize'), ['extract', '--config', scratchConfig], { cwd: root, stdio: 'pipe' });
  } finally {
    rmSync(scratchConfig, { force: true });
  }
  for (const locale of config.targetLocales) {
    const file = `${locale}.xlf`;
    const committed = readFileSync(join(committedDir, file), 'utf8');
    const fresh = readFileSync(join(scratch, 'xliff', file), 'utf8');
    const units = [...fresh.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
    for (const [, id, body] of units) {
      const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
      const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1];
      if (!target?.trim()) problems.push(`${file}: no translation for ${id} "${source.slice(0, 70)}"`);
    }
    if (committed !== fresh) problems.push(`${file} is not current with the code: run \`npm run i18n:extract\`, translate, commit`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (problems.length) {
  console.error(['Translations are incomplete:', ...problems.map((p) => `  - ${p}`)].join('\n'));
  process.exit(1);
}
console.log(`translations complete: ${config.targetLocales.join(', ')}`);
