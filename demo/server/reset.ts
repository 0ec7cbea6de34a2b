/** `npm run demo:reset`: deletes the demo data directory (EBOK_DATA_DIR, default .data/); the next start re-seeds. */
import { rmSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
const REPO_ROOT = resolve(import.meta.dirname, '../..');

const dir = resolve(process.env.EBOK_DATA_DIR ?? resolve(REPO_ROOT, '.data'));
if (dir === '/' || dir === REPO_ROOT || dir === resolve(REPO_ROOT, 'demo')) {
  console.error(`Refusing to delete ${dir}`);
  process.exit(1);
}
if (existsSync(dir)) {
  rmSync(dir, { recursive: true, force: true });
  console.log(`Usunięto dane demo: ${dir}. Następny start zasieje je od nowa.`);
} else console.log(`Brak danych demo w ${dir}.`);
