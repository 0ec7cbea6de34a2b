/**
 * Loads each widget's code as soon as its tag is on the page (the way Shoelace's autoloader does), so a CMS
 * page that shows the balance tile renders it after fetching the tile and the shared core only. Tags added
 * later (a CMS block rendered on demand, a single-page app) load when they appear. Widgets that render other
 * ebok tags inside their own shadow root import those themselves.
 *
 * One level of requests: the CDN build (vite.config.ts, `cdnLoader`) writes into its entry, for each tag, its
 * chunk and every chunk that chunk imports statically. The loader asks for all of them at once with
 * `<link rel="modulepreload">` before it imports the widget, so the browser does not discover the shared
 * core only after the widget's chunk has arrived. What a widget loads right after its first frame (the balance
 * tile's behaviour and the API client) is in the same wave, at low priority, so the first frame comes first.
 *
 * The other widgets are defined later, so that `customElements.get()` and `whenDefined()` work for every
 * ebok element on any page that loads the script (README), but they never compete with what the page shows:
 * only after the widgets on the page have rendered, the page has loaded and no request has finished for a
 * second, when the browser is idle, and at low fetch priority.
 */
import { pageIsEnglish } from './english.js';

export const WIDGET_MODULES: Record<string, () => Promise<unknown>> = {
  'ebok-provider': () => import('../widgets/provider/ebok-provider.js'),
  'ebok-balance-tile': () => import('../widgets/balance-tile/ebok-balance-tile.js'),
  'ebok-login': () => import('../widgets/login/ebok-login.js'),
  'ebok-session': () => import('../widgets/session/ebok-session.js'),
  'ebok-register': () => import('../widgets/register/ebok-register.js'),
  'ebok-password-reset': () => import('../widgets/password-reset/ebok-password-reset.js'),
  'ebok-login-reminder': () => import('../widgets/login-reminder/ebok-login-reminder.js'),
  'ebok-activation': () => import('../widgets/activation/ebok-activation.js'),
  'ebok-invoice-list': () => import('../widgets/invoice-list/ebok-invoice-list.js'),
  'ebok-payment-history': () => import('../widgets/payment-history/ebok-payment-history.js'),
  'ebok-meter-reading': () => import('../widgets/meter-reading/ebok-meter-reading.js'),
  'ebok-consumption-chart': () => import('../widgets/consumption-chart/ebok-consumption-chart.js'),
  'ebok-ticket-form': () => import('../widgets/ticket-form/ebok-ticket-form.js'),
  'ebok-tickets': () => import('../widgets/tickets/ebok-tickets.js'),
  'ebok-messages': () => import('../widgets/messages/ebok-messages.js'),
  'ebok-outages': () => import('../widgets/outages/ebok-outages.js'),
  'ebok-notification-settings': () => import('../widgets/notification-settings/ebok-notification-settings.js'),
  'ebok-tariff-change': () => import('../widgets/tariff-change/ebok-tariff-change.js'),
  'ebok-profile': () => import('../widgets/profile/ebok-profile.js'),
  'ebok-account-removal': () => import('../widgets/account-removal/ebok-account-removal.js'),
  'ebok-consents': () => import('../widgets/consents/ebok-consents.js'),
  'ebok-points': () => import('../widgets/points/ebok-points.js'),
  'ebok-contracts': () => import('../widgets/contracts/ebok-contracts.js'),
  'ebok-portal': () => import('../widgets/portal/ebok-portal.js'),
  'ebok-dashboard': () => import('../widgets/dashboard/ebok-dashboard.js'),
};

/**
 * Tag → the files its chunk needs, relative to the CDN entry's chunks/ folder, the tag's own chunk first; under
 * `''` the files every widget needs (the core, the kit), listed once. Only the CDN entry (cdn/index.ts) knows
 * them, from its build; the npm package leaves preloading to the host's bundler, so its table stays empty.
 *
 * The CDN build empties WIDGET_MODULES (vite.config.ts, `cdnLoader`): a tag's chunk is the first file of its
 * list here, so every page's loader names each tag and each chunk once, not twice.
 */
let CHUNKS: Readonly<Record<string, readonly string[]>> = {};

/** The tags the loader knows (the npm build's WIDGET_MODULES, or the CDN build's table). */
function knownTags(): string[] {
  const tags = Object.keys(WIDGET_MODULES);
  return tags.length ? tags : Object.keys(CHUNKS).filter(Boolean);
}

/** A file of the table as a URL next to this file: `+`/`-` (English part, after the first frame) dropped, `.js` back. */
const chunkUrl = (entry: string): string => new URL('chunks/' + entry.replace(/^-?\+?/, '') + '.js', import.meta.url).href;

/** Imports a tag's code: through WIDGET_MODULES, or (CDN) the first file of its table entry. */
function importWidget(tag: string): Promise<unknown> | undefined {
  const importer = WIDGET_MODULES[tag];
  if (importer) return importer();
  const own = CHUNKS[tag]?.[0];
  return own === undefined ? undefined : import(/* @vite-ignore */ chunkUrl(own));
}

/** Gives the loader the chunk table of the CDN build (called once by cdn/index.ts). */
export function setChunkFiles(files: Readonly<Record<string, readonly string[]>>): void {
  CHUNKS = files;
}

/** How long no request may have finished before the page counts as quiet, and the longest wait for that. */
const QUIET_MS = 1000;
const MAX_WAIT_MS = 10000;

const requested = new Map<string, Promise<unknown>>();
const preloaded = new Set<string>();

/**
 * Asks for a widget's chunk and everything it imports, all at once (same origin as this file); on an English
 * page (or inside an element in English) also for the English of those chunks (`+` in the table, ./english.ts).
 */
function preload(tag: string, priority: 'auto' | 'low', english: boolean): void {
  // A page whose CSP allows scripts by nonce needs the nonce on the links too (it is the same on every script).
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  for (const entry of [...(CHUNKS[''] ?? []), ...(CHUNKS[tag] ?? [])]) {
    // `-`: needed only after the first frame (a widget's behaviour), so it never competes with what draws it.
    const later = entry.startsWith('-');
    // The table leaves out every file's `.js`; its English part is `.en.js` (./english.ts).
    const file = entry.replace(/^-?\+?/, '');
    for (const name of [file, ...(english && entry.includes('+') ? [file + '.en'] : [])]) {
      const href = chunkUrl(name);
      if (preloaded.has(href)) continue;
      preloaded.add(href);
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = 'anonymous'; // what a module script without a crossorigin attribute uses
      link.fetchPriority = later ? 'low' : priority;
      if (nonce) link.nonce = nonce;
      link.href = href;
      document.head.append(link);
    }
  }
}

function load(tag: string, priority: 'auto' | 'low', english = pageIsEnglish()): Promise<unknown> {
  if (!knownTags().includes(tag) || customElements.get(tag)) return Promise.resolve();
  let pending = requested.get(tag);
  if (!pending) {
    preload(tag, priority, english);
    // (An English page defines the element once its texts are there: wait for the definition, not the module.)
    pending = Promise.resolve(importWidget(tag)).then(() => customElements.whenDefined(tag)).catch((error: unknown) => {
      requested.delete(tag); // a failed chunk (offline) is tried again when the tag is seen again
      console.error(`ebok-widgets: could not load <${tag}>`, error);
    });
    requested.set(tag, pending);
  }
  return pending;
}

/** Loads the code of one widget (once); resolves when its element is defined (by this or any other copy). */
export function loadWidget(tag: string): Promise<unknown> {
  return load(tag, 'auto');
}

/** Loads every widget now (e.g. before rendering them in a single-page app). */
export function loadAllWidgets(): Promise<unknown[]> {
  return Promise.all(knownTags().map(loadWidget));
}

/** Whether an element is shown in English (its own or an ancestor's `lang`, else the page's). */
const inEnglish = (element: Element): boolean => /^en\b/i.test(element.closest('[lang]')?.getAttribute('lang') ?? '');

function discover(root: ParentNode): void {
  const tags = knownTags();
  const found = root instanceof Element && tags.includes(root.localName) ? [root] : [];
  for (const tag of tags) {
    const element = root.querySelector(tag); // the first of each tag decides (a tag's code loads once)
    if (element) found.push(element);
  }
  for (const element of found) void load(element.localName, 'auto', inEnglish(element));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once every widget the page shows is defined and has rendered, including tags added meanwhile. */
async function pageWidgetsRendered(): Promise<void> {
  for (;;) {
    const loads = [...requested.values()];
    await Promise.all(loads);
    const shown = [...document.querySelectorAll(knownTags().join(','))];
    await Promise.allSettled(shown.flatMap((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete ?? []));
    if (requested.size === loads.length) return;
  }
}

/** Resolves when no request of the page has finished for QUIET_MS (or after MAX_WAIT_MS). */
async function networkQuiet(): Promise<void> {
  const deadline = performance.now() + MAX_WAIT_MS;
  for (;;) {
    const last = Math.max(0, ...performance.getEntriesByType('resource').map((entry) => (entry as PerformanceResourceTiming).responseEnd));
    const quiet = performance.now() - last;
    if (quiet >= QUIET_MS || performance.now() > deadline) return;
    await sleep(QUIET_MS - quiet);
  }
}

async function defineTheRestLater(): Promise<void> {
  await pageWidgetsRendered();
  if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  await networkQuiet();
  await new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(resolve, { timeout: 5000 }) : setTimeout(resolve, 0)));
  for (const tag of knownTags()) void load(tag, 'low');
}

let observer: MutationObserver | undefined;

/** Loads the widgets on the page now and those added later; defines the rest once the page is done. */
export function startAutoloader(root: Document = document): void {
  if (observer) return;
  discover(root);
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  });
  observer.observe(root.documentElement, { childList: true, subtree: true });
  void defineTheRestLater();
}
