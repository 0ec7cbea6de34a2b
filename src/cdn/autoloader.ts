/**
 * Loads each widget's code as soon as its tag is on the page (the way Shoelace's autoloader does), so a CMS
 * page that shows the balance tile renders it after fetching the tile and the shared core only. Tags added
 * later (a CMS block rendered on demand, a single-page app) load when they appear. Once the page is idle,
 * the remaining widgets are defined too, so `customElements.get()` and `whenDefined()` work for every ebok
 * element on any page that loads the script. Widgets that render other ebok tags inside their own shadow
 * root import those themselves.
 */
export const WIDGET_MODULES: Record<string, () => Promise<unknown>> = {
  'ebok-provider': () => import('../widgets/provider/ebok-provider.js'),
  'ebok-balance-tile': () => import('../widgets/balance-tile/ebok-balance-tile.js'),
  'ebok-login': () => import('../widgets/login/ebok-login.js'),
  'ebok-session': () => import('../widgets/session/ebok-session.js'),
  'ebok-register': () => import('../widgets/register/ebok-register.js'),
  'ebok-password-reset': () => import('../widgets/password-reset/ebok-password-reset.js'),
  'ebok-login-reminder': () => import('../widgets/login-reminder/ebok-login-reminder.js'),
  'ebok-activation': () => import('../widgets/activation/ebok-activation.js'),
};

const requested = new Map<string, Promise<unknown>>();

/** Loads the code of one widget (once); resolves when its element is defined. */
export function loadWidget(tag: string): Promise<unknown> {
  const load = WIDGET_MODULES[tag];
  if (!load) return Promise.resolve();
  let pending = requested.get(tag);
  if (!pending) {
    pending = load().catch((error: unknown) => {
      requested.delete(tag); // a failed chunk (offline) is tried again when the tag is seen again
      console.error(`ebok-widgets: could not load <${tag}>`, error);
    });
    requested.set(tag, pending);
  }
  return pending;
}

/** Loads every widget now (e.g. before rendering them in a single-page app). */
export function loadAllWidgets(): Promise<unknown[]> {
  return Promise.all(Object.keys(WIDGET_MODULES).map(loadWidget));
}

function discover(root: ParentNode): void {
  if (root instanceof Element && root.localName in WIDGET_MODULES && !customElements.get(root.localName)) {
    void loadWidget(root.localName);
  }
  for (const tag of Object.keys(WIDGET_MODULES)) {
    if (!customElements.get(tag) && root.querySelector(tag)) void loadWidget(tag);
  }
}

let observer: MutationObserver | undefined;

/** Loads the widgets on the page now and those added later. */
export function startAutoloader(root: Document = document): void {
  if (observer) return;
  discover(root);
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  });
  observer.observe(root.documentElement, { childList: true, subtree: true });
  const whenIdle: (run: () => void) => void =
    typeof requestIdleCallback === 'function' ? (run) => requestIdleCallback(run, { timeout: 5000 }) : (run) => setTimeout(run, 2000);
  whenIdle(() => void loadAllWidgets());
}
