/**
 * Where the portal is, read from and written to the address, for its three ways of routing. Pure functions:
 * the element reads `location` and calls these; tests call them with any URL.
 *
 * A place is a section's path (`''` for the dashboard, `finanse`, `zgloszenia/nowe`) and a few query values
 * (`?punkt=pt_1`) that open something inside it.
 */
export type Routing = 'path' | 'hash' | 'memory';

export interface Place {
  /** The section's path without slashes at either end; `''` for the dashboard. */
  path: string;
  /** Values that open something in the section (a point, a contract, a ticket's category). */
  query: Record<string, string>;
}

export const HOME: Place = { path: '', query: {} };

/** `'/ebok'`, `'ebok/'` and `'/ebok/'` are the same base: always a leading and a trailing slash. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function cleanPath(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

function queryOf(search: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) if (value !== '') query[key] = value;
  return query;
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A place from a path with an optional query (`finanse?punkt=pt_1`, `/finanse/`). */
export function parsePlace(text: string): Place {
  const [path = '', search = ''] = text.split('?', 2);
  return { path: cleanPath(decode(path)), query: queryOf(search) };
}

/** `finanse?punkt=pt_1`: the place as the part of the address after the base. */
export function formatPlace(place: Place): string {
  const path = place.path
    .split('/')
    .filter(Boolean)
    .map((part) => encodeURIComponent(part))
    .join('/');
  const search = new URLSearchParams(Object.entries(place.query).sort(([a], [b]) => a.localeCompare(b))).toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The place an address shows, or undefined when the address is outside the portal (path routing: a pathname
 * not under the base). Memory routing never reads the address.
 */
export function placeFromUrl(routing: Routing, base: string, url: URL): Place | undefined {
  if (routing === 'memory') return undefined;
  if (routing === 'hash') {
    const hash = url.hash.replace(/^#/, '');
    // Only `#/…` is the portal's: a plain `#main` is an anchor of the host page.
    if (hash === '' ) return HOME;
    if (!hash.startsWith('/')) return undefined;
    return parsePlace(hash);
  }
  const root = normalizeBase(base);
  const pathname = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  if (!pathname.startsWith(root)) return undefined;
  return { path: cleanPath(decode(url.pathname.slice(root.length))), query: queryOf(url.search) };
}

/**
 * The href of a place for links and for the history entry: `/ebok/finanse` (path), `#/finanse` (hash and
 * memory: memory's links are always followed by the portal itself, the address never changes).
 */
export function hrefFor(routing: Routing, base: string, place: Place): string {
  const rest = formatPlace(place);
  if (routing === 'path') return `${normalizeBase(base)}${rest}`;
  return `#/${rest}`;
}

/** Whether two places are the same (same path, same query values). */
export function samePlace(a: Place, b: Place): boolean {
  return formatPlace(a) === formatPlace(b);
}

/**
 * The portal's place an inner widget's link leads to (its `href` under the portal, else the section its `target`
 * names, `section`; `stay` for a link that keeps the place, the login's), or undefined when it leads elsewhere.
 */
export function placeOfLink(routing: Routing, base: string, href: string | undefined, section: string | undefined, stay?: Place): Place | undefined {
  if (href) {
    const mine = routing === 'path' ? placeFromUrl('path', base, new URL(href, window.location.href)) : href.startsWith('#/') ? parsePlace(href.slice(1)) : undefined;
    if (mine) return mine;
  }
  if (stay) return stay;
  return section === undefined ? undefined : { path: section, query: {} };
}

/** Writes a place into the page's address and history (path and hash routing; memory routing leaves them). */
export function writePlace(routing: Routing, base: string, place: Place, how: 'push' | 'replace'): void {
  if (routing === 'memory') return;
  const current = placeFromUrl(routing, base, new URL(window.location.href));
  if (current && samePlace(current, place)) return;
  const url = new URL(hrefFor(routing, base, place), window.location.href);
  if (how === 'push') history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}
