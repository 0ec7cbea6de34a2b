/**
 * The demo utility's website as a utility would run it: the pages of demo/ with the built CDN bundle
 * (dist/cdn/, `npm run build`), never the sources. Every page carries a strict Content Security Policy with
 * Trusted Types and the other security headers; HTML, CSS and JavaScript go out compressed (brotli or gzip,
 * compressed once per file and kept in memory); the hashed chunks are cached for a year, everything else is
 * revalidated (ETag). `npm run dev` still serves the same pages from the sources through Vite for live editing.
 */
import { readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { basename, extname, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { withSiteChrome } from './chrome.js';

/**
 * The Content Security Policy of the site's pages, in one place (README "Security"). The widgets need no more
 * than `script-src 'self'; style-src 'self'` and the `lit-html` Trusted Types policy, plus `img-src blob:` for the
 * preview of a meter photo chosen on the device (an object URL, never fetched from anywhere); add
 * `'allow-duplicates'` to `trusted-types` if a page may load the bundle twice (each copy of Lit creates its own
 * `lit-html` policy).
 */
export const SITE_CSP: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
];

/** Headers of every page of the site (the API, the outbox and the payment sandbox keep their own). */
export function pageHeaders(https: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': SITE_CSP.join('; '),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // Same-origin only: the API reads the page from Referer (gas.html, water.html); links with ?token= never
    // leave the site in a Referer.
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};
/** Smaller than this is not worth a compressed copy. */
const COMPRESS_FROM_BYTES = 512;

/** In the sources the pages load the widgets from src/ (for Vite); served, they load the CDN file. */
const DEV_SCRIPT = '<script type="module" src="/src/all.ts"></script>';
export const CDN_SCRIPT = '<script type="module" src="/cdn/ebok-widgets.js"></script>';

interface Cached {
  mtimeMs: number;
  size: number;
  type: string;
  etag: string;
  body: Uint8Array;
  br?: Uint8Array;
  gzip?: Uint8Array;
}

/** Builds dist/cdn/ first when it is missing or older than its sources (a no-op of a tenth of a second otherwise). */
export function ensureCdnBuild(root: string): void {
  execFileSync(process.execPath, [resolve(root, 'test/tools/build-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
}

export interface SiteOptions {
  /** The repository root (demo/ and dist/cdn/ under it). */
  root: string;
  /** Whether the public address is https (adds Strict-Transport-Security). */
  https: boolean;
}

/** The encoding to answer with, from `Accept-Encoding`: brotli, else gzip, else none. */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  const offered = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) offered.set(name, q === undefined ? 1 : Number(q));
  }
  const allowed = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  return allowed('br') ? 'br' : allowed('gzip') ? 'gzip' : undefined;
}

export function siteApp(options: SiteOptions): Hono {
  const demo = resolve(options.root, 'demo');
  const cdn = resolve(options.root, 'dist/cdn');
  const loader = resolve(cdn, 'ebok-widgets.js');
  try {
    statSync(loader);
  } catch {
    throw new Error(`${loader} is missing: build the CDN bundle first (npm start does; or npm run build).`);
  }
  const cache = new Map<string, Cached>();

  /** The file as served, read again when it changed on disk (a rebuild, an edited page). */
  function load(file: string, transform?: (text: string) => string): Cached | undefined {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit;
    const raw = readFileSync(file);
    const body = transform ? new TextEncoder().encode(transform(raw.toString('utf8'))) : new Uint8Array(raw);
    const loaded: Cached = {
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      type: TYPES[extname(file)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      body,
    };
    cache.set(file, loaded);
    return loaded;
  }

  function variant(file: Cached, encoding: 'br' | 'gzip' | undefined): Uint8Array | undefined {
    if (!encoding || file.body.length < COMPRESS_FROM_BYTES || !/^(text\/|application\/json|image\/svg)/.test(file.type)) return undefined;
    if (encoding === 'br') {
      file.br ??= new Uint8Array(
        brotliCompressSync(file.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: file.body.length } }),
      );
      return file.br;
    }
    file.gzip ??= new Uint8Array(gzipSync(file.body, { level: 9 }));
    return file.gzip;
  }

  function send(c: Context, file: Cached | undefined, cacheControl: string, extra: Record<string, string> = {}): Response {
    if (!file) return notFound();
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    const compressed = variant(file, encoding);
    const etag = compressed ? `${file.etag.slice(0, -1)}-${encoding}"` : file.etag;
    const headers: Record<string, string> = {
      ...extra,
      'Content-Type': file.type,
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
      ETag: etag,
      Vary: 'Accept-Encoding',
    };
    const match = c.req.header('if-none-match');
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
    if (compressed) headers['Content-Encoding'] = encoding!;
    const body = compressed ?? file.body;
    headers['Content-Length'] = String(body.length);
    return new Response(body, { status: 200, headers });
  }

  const pageHeadersNow = pageHeaders(options.https);
  const notFound = (): Response =>
    new Response('<!doctype html><html lang="pl"><meta charset="utf-8"><title>Nie znaleziono</title><h1>Nie znaleziono</h1><p><a href="/">Strona główna</a></p></html>', {
      status: 404,
      headers: { ...pageHeadersNow, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    });

  /** A demo page with the site's header and footer, or `plain` as it is (the portal's page: one tag). */
  const page = (name: string, plain = false) =>
    load(resolve(demo, name), (html) => {
      if (html.split(DEV_SCRIPT).length !== 2) throw new Error(`demo/${name} must load the widgets with exactly one ${DEV_SCRIPT} (served as the CDN script).`);
      return (plain ? html : withSiteChrome(html, name)).replace(DEV_SCRIPT, CDN_SCRIPT);
    });

  const h = new Hono();
  h.get('/', (c) => send(c, page('index.html'), 'no-cache', pageHeadersNow));
  h.get('/:page{[\\w-]+\\.html}', (c) => send(c, page(c.req.param('page')), 'no-cache', pageHeadersNow));
  // The site's own stylesheet, script and icon (Chromium asks for /favicon.ico of pages without an icon link).
  for (const name of ['site.css', 'site.js', 'favicon.svg']) h.get(`/${name}`, (c) => send(c, load(resolve(demo, name)), 'no-cache'));
  h.get('/favicon.ico', (c) => send(c, load(resolve(demo, 'favicon.svg')), 'public, max-age=86400'));
  // The CDN as a utility hosts dist/cdn/: the loader revalidated (its URL never changes), chunks immutable.
  h.get('/cdn/ebok-widgets.js', (c) => send(c, load(loader), 'no-cache'));
  h.get('/cdn/:file{ebok-widgets\\.js\\.map}', (c) => send(c, load(resolve(cdn, c.req.param('file'))), 'no-cache'));
  h.get('/cdn/chunks/:file{[\\w.-]+\\.js(\\.map)?}', (c) => send(c, load(resolve(cdn, 'chunks', basename(c.req.param('file')))), 'public, max-age=31536000, immutable'));
  // The portal's page answers every address under its base, as a CMS page with path routing must.
  h.get('/demo/portal', (c) => c.redirect(`/demo/portal/${new URL(c.req.url).search}`, 301));
  h.get('/demo/portal/*', (c) => send(c, page('portal/index.html', true), 'no-cache', pageHeadersNow));
  // Addresses of the Vite days (/demo/…) lead to the same pages.
  const moved = (page: string) => (c: Context) => c.redirect(`/${page === 'index.html' ? '' : page}${new URL(c.req.url).search}`, 301);
  h.get('/demo/', moved(''));
  h.get('/demo/:page{[\\w-]+\\.html}', (c) => moved(c.req.param('page'))(c));
  // Mounted after every other route: any other GET is a page that does not exist.
  h.get('*', () => notFound());
  return h;
}
