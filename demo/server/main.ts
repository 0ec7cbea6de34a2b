/**
 * `npm start`: the demo site (demo/*.html with the built CDN bundle, site.ts) and the reference API server on
 * one port.
 * Environment: PORT (default 8787), EBOK_DATA_DIR (default .data/), DATABASE_URL (use PostgreSQL instead of
 * the embedded PGlite), EBOK_ALLOWED_ORIGINS (comma-separated extra origins for CORS and return URLs),
 * EBOK_PUBLIC_ORIGIN (the address people use, for links in e-mails), EBOK_LOG=1 (log requests).
 * `--demo` serves the outbox, the test hooks and the back-office sandbox pages, to this computer only (npm start).
 */
import { resolve } from 'node:path';
import { createServer, REPO_ROOT } from './app.ts';
import { ensureCdnBuild } from './site.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from './seed.ts';
import { daysBetween, warsawDate } from '../../src/i18n/calendar.ts';

const started = performance.now();
/** `--demo` (npm start, the tests): the outbox, the test hooks and the sandbox pages, for this computer only. */
const DEMO = process.argv.includes('--demo');
const serveSite = process.env.EBOK_NO_SITE !== '1';
// The site serves the built CDN bundle, as a utility hosts it: rebuilt here only when its sources changed.
if (serveSite) ensureCdnBuild(REPO_ROOT);
const server = await createServer({
  port: Number(process.env.PORT ?? 8787),
  dataDir: resolve(process.env.EBOK_DATA_DIR ?? resolve(REPO_ROOT, '.data')),
  databaseUrl: process.env.DATABASE_URL || undefined,
  allowedOrigins: (process.env.EBOK_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  publicOrigin: process.env.EBOK_PUBLIC_ORIGIN || undefined,
  serveSite,
  log: process.env.EBOK_LOG === '1',
  testHooks: DEMO,
});

console.log(`
eBOK demo: ${server.url}/  (gaz: ${server.url}/gas.html, woda: ${server.url}/water.html)
Portal:    ${server.url}/demo/portal/  (cały eBOK w jednym znaczniku <ebok-portal>)
API:       ${server.url}/api/v1
${DEMO ? `Outbox:    ${server.url}/outbox   (e-maile i SMS-y, np. linki aktywacyjne i kody logowania)
Tryb demo (--demo): outbox, haki testowe (/api/test/…) i strony sandbox tylko dla tego komputera.` : 'Bez --demo: bez outboxa, haków testowych i stron sandbox zaplecza.'}

Loginy demo (hasło dla wszystkich: ${DEMO_PASSWORD}):
${DEMO_LOGINS.map((l) => `  ${l.email.padEnd(22)} ${l.what}`).join('\n')}
Rejestracja: PESEL 44051401359 + numer klienta 1200345678 (konto jeszcze nie istnieje).
${dataAge()}
Gotowe w ${Math.round(performance.now() - started)} ms. Ctrl+C kończy.
`);

/**
 * Invoices, payments and messages are laid out around the day the data was seeded; after some weeks the
 * newest invoice is old and "due in 3 days" has long passed. Say so, and how to start afresh.
 */
function dataAge(): string {
  const days = daysBetween(warsawDate(server.seededAt), warsawDate(new Date()));
  const since = `Dane demo z ${warsawDate(server.seededAt)}`;
  if (days < 7) return `${since}.`;
  return `${since} (${days} dni temu): terminy i historia się zestarzały. npm run demo:reset zasieje je od dzisiaj.`;
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
