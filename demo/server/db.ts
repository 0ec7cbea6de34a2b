/**
 * The data layer: one small interface over PGlite (WASM PostgreSQL persisted in a directory, the default)
 * or a `pg` pool (when a DATABASE_URL is given). Only portable PostgreSQL SQL is used, so both behave alike.
 * Migrations (`migrations/NNN_name.sql`) run at start and are recorded in `schema_migrations`.
 */
import { readdirSync, readFileSync, mkdirSync, existsSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { PGlite as PGliteType } from '@electric-sql/pglite';

const MIGRATIONS = join(import.meta.dirname, 'migrations');

export interface Queryable {
  /** Runs one statement with `$1…` parameters and answers its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction (committed when it resolves, rolled back when it throws). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` while no other server process on this database runs its own (PostgreSQL: a session advisory lock):
   * several processes started at once on one PostgreSQL migrate and seed it once, one after another.
   */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'pg';
}

/**
 * PGlite's initdb takes seconds in WASM, so a fresh data directory starts from a template of an empty,
 * migrated database kept in the system temp directory (keyed by the migrations and the PGlite version).
 */
function templatePath(): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS).sort()) hash.update(f).update(readFileSync(join(MIGRATIONS, f)));
  const pkg = join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json');
  if (existsSync(pkg)) hash.update(readFileSync(pkg));
  return join(tmpdir(), `ebok-pglite-template-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

async function openPglite(dataDir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  mkdirSync(dataDir, { recursive: true });
  const pgdata = join(dataDir, 'pgdata');
  const fresh = !existsSync(pgdata);
  const template = templatePath();
  let pg: PGliteType | undefined;
  if (fresh && existsSync(template)) {
    try {
      pg = await PGlite.create(pgdata, { loadDataDir: new Blob([readFileSync(template)]) });
    } catch {
      rmSync(template, { force: true });
      rmSync(pgdata, { recursive: true, force: true });
      pg = undefined;
    }
  }
  const makeTemplate = fresh && !pg;
  pg ??= await PGlite.create(pgdata);
  const db = pgliteDb(pg);
  if (makeTemplate) {
    await migrate(db);
    try {
      const blob = await pg.dumpDataDir('gzip');
      const tmp = `${template}.${process.pid}.tmp`;
      writeFileSync(tmp, new Uint8Array(await blob.arrayBuffer()));
      renameSync(tmp, template);
    } catch {
      // Only a speed-up for the next fresh start.
    }
  }
  return db;
}

interface RowsQueryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

function pgliteDb(pg: PGliteType): Db {
  const run = async <T>(q: RowsQueryable, sql: string, params?: unknown[]): Promise<T[]> => {
    const result = await q.query<T>(sql, params);
    return result.rows;
  };
  return {
    kind: 'pglite',
    query: (sql, params) => run(pg, sql, params),
    transaction: (fn) => pg.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params) })),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    // One process owns a PGlite directory.
    exclusively: (fn) => fn(),
    close: () => pg.close(),
  };
}

async function openPg(databaseUrl: string): Promise<Db> {
  const { default: pgModule } = await import('pg');
  // Calendar dates and numerics stay strings (we always format them in SQL anyway).
  pgModule.types.setTypeParser(1082, (v: string) => v);
  pgModule.types.setTypeParser(1700, (v: string) => v);
  pgModule.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pgModule.Pool({ connectionString: databaseUrl, max: 10 });
  return {
    kind: 'pg',
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[] });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    exclusively: async (fn) => {
      // The lock's own connection holds it; `fn` works on the pool. A process that dies lets go of it.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The advisory lock key of `exclusively` (any constant of the application's own). */
const STARTUP_LOCK = 0x6562_6f6b;

/** Opens the database and runs the pending migrations. */
export async function openDb(options: { dataDir: string; databaseUrl?: string }): Promise<Db> {
  const db = options.databaseUrl ? await openPg(options.databaseUrl) : await openPglite(options.dataDir);
  await db.exclusively(() => migrate(db));
  return db;
}

export async function migrate(db: Db): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const dir = MIGRATIONS;
  const files = readdirSync(dir).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
  const done = new Set((await db.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = readFileSync(join(dir, file), 'utf8');
    await db.exec(`BEGIN;\n${sql}\nINSERT INTO schema_migrations (version) VALUES ('${file.replace(/'/g, "''")}');\nCOMMIT;`);
  }
}

/**
 * For tests on a real PostgreSQL: a new database on the server of `adminUrl` (a role that may create
 * databases), empty or a copy of `template`, and how to drop it again.
 */
export async function createTestDatabase(adminUrl: string, template?: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const { default: pgModule } = await import('pg');
  const name = `ebok_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pgModule.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  if (template !== undefined && !/^ebok_test_\w+$/.test(template)) throw new Error(`not a test database: ${template}`);
  await admin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.href, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
