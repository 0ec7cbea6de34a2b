/**
 * Run by `npm install` (the `prepare` script, which runs for a clone of this repository, never for
 * projects that install ebok-widgets as a dependency): builds the empty, migrated database template that
 * a fresh demo data directory starts from (see db.ts), so the first `npm start` does not pay PGlite's
 * initdb of several seconds. Failing here never fails the install: the server can always build it itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from './db.ts';

const dir = mkdtempSync(join(tmpdir(), 'ebok-prepare-'));
try {
  const db = await openDb({ dataDir: dir });
  await db.close();
  console.log('ebok-widgets: demo database template ready');
} catch (error) {
  console.warn('ebok-widgets: could not prepare the demo database template (the first npm start will):', error);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
