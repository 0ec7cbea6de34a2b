import { expect } from '@open-wc/testing';

/**
 * The file a CMS page loads with one script tag (dist/cdn/ebok-widgets.js, written by `npm run build`),
 * tried in real pages under a strict Content Security Policy with Trusted Types. This catches what
 * tests of the sources cannot: decorators left raw by the bundler, a chunk that is not found, a
 * policy violation, an element missing from the bundle.
 */

interface ProbeReport {
  errors: string[];
  warnings: string[];
  violations: string[];
  defined: string[];
  undefined: string[];
  upgraded: { tag: string; shadow: boolean }[];
  resources: string[];
  /** Every request of the page: path, start and end in ms since navigation. */
  timings: { path: string; start: number; end: number }[];
  /** When the last element of each ebok tag on the page finished its first render (same clock). */
  rendered: Record<string, number>;
  /** The text of the first element of each ebok tag at its first render. */
  firstTexts: Record<string, string>;
  /** With `?switch=<locale>`: the text of each tag's first element after `setPageLocale(<locale>)`. */
  switchedTexts?: Record<string, string>;
}

interface Manifest {
  modules: { declarations?: { tagName?: string }[] }[];
}

type ViteManifest = Record<string, { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }>;

const CDN = '/dist/cdn/';

/**
 * The CDN build's files by tag: each widget's chunk, and that chunk with everything it imports statically
 * (`needs`); `after`: what it imports right after its first frame (its `*.behaviour.ts`, with everything that
 * imports), which the loader fetches in the same wave at low priority.
 */
async function bundleFiles(): Promise<{ entry: string; widget: Map<string, string>; needs: Map<string, Set<string>>; after: Map<string, Set<string>> }> {
  const response = await fetch(`${CDN}.vite/manifest.json`);
  if (!response.ok) throw new Error('dist/cdn/.vite/manifest.json is missing: run `npm run build` before these tests');
  const manifest = (await response.json()) as ViteManifest;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (chunk && !seen.has(CDN + chunk.file)) {
      seen.add(CDN + chunk.file);
      for (const dep of chunk.imports ?? []) closure(dep, seen);
    }
    return seen;
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  const keyOf = new Map(Object.entries(manifest).map(([key, chunk]) => [CDN + chunk.file, key]));
  const widget = new Map<string, string>();
  const needs = new Map<string, Set<string>>();
  const after = new Map<string, Set<string>>();
  for (const key of Object.keys(manifest)) {
    const tag = /^src\/widgets\/[^/]+\/(ebok-[^/]+)\.ts$/.exec(key)?.[1];
    if (!tag) continue;
    widget.set(tag, CDN + manifest[key]!.file);
    const first = closure(key);
    needs.set(tag, first);
    const later = new Set<string>();
    for (const file of first) {
      for (const next of manifest[keyOf.get(file)!]?.dynamicImports ?? []) if (next.endsWith('.behaviour.ts')) closure(next, later);
    }
    after.set(tag, new Set([...later].filter((file) => !first.has(file))));
  }
  expect(entryKey, 'the manifest names the entry').to.be.a('string');
  return { entry: CDN + manifest[entryKey!]!.file, widget, needs, after };
}

/** The pages with some widgets in their HTML, and the tags each shows. */
const PAGES: [string, string[]][] = [
  ['tile-only.html', ['ebok-balance-tile']],
  ['login-only.html', ['ebok-login']],
  ['tile-and-login.html', ['ebok-balance-tile', 'ebok-login']],
];

async function expectedTags(): Promise<string[]> {
  const response = await fetch('/custom-elements.json');
  if (!response.ok) throw new Error('custom-elements.json is missing: run `npm run build` before these tests');
  const manifest = (await response.json()) as Manifest;
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : [])));
  expect(tags, 'the manifest names the elements').to.not.be.empty;
  return tags;
}

let probes = 0;

/**
 * An origin of its own for each probe (`<n>.localhost`, which Chromium maps to this machine), so the page
 * starts with an empty cache, as a first visit does: the timings of its requests are the network's, not the
 * cache's, and no chunk is reused from an earlier page.
 */
function freshOrigin(): string {
  if (location.hostname !== 'localhost') throw new Error(`the built tests need the test page on localhost, not ${location.hostname}`);
  return `${location.protocol}//p${Date.now().toString(36)}-${++probes}.localhost:${location.port}`;
}

/**
 * Opens a page of test/built/pages in an iframe and returns what probe.js saw there. With `latency`, every
 * request for the bundle is answered that many ms late (latency-sw.js): a slow network, where a loader that
 * fetches in a waterfall or too much too early shows it.
 */
async function probe(page: string, tags: string[], place = true, latency = 0, lang?: string, switchTo?: string): Promise<ProbeReport> {
  const bundle = await fetch('/dist/cdn/ebok-widgets.js', { method: 'HEAD' });
  if (!bundle.ok) throw new Error('dist/cdn/ebok-widgets.js is missing: run `npm run build` before these tests');
  const frame = document.createElement('iframe');
  const result = new Promise<ProbeReport>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${page} did not report within 15 s`)), 15000);
    window.addEventListener('message', function listener(event: MessageEvent<{ type: string; report: ProbeReport; message?: string }>) {
      if (event.source !== frame.contentWindow || !/^ebok-probe/.test(event.data?.type)) return;
      window.removeEventListener('message', listener);
      clearTimeout(timer);
      if (event.data.type === 'ebok-probe') resolve(event.data.report);
      else reject(new Error(event.data.message));
    });
  });
  const url = `${page}?tags=${tags.join(',')}${place ? '' : '&place=no'}${lang ? `&lang=${lang}` : ''}${switchTo ? `&switch=${switchTo}` : ''}`;
  const path = latency ? `latency.html?delay=${latency}&next=${encodeURIComponent(url)}` : url;
  frame.src = `${freshOrigin()}/test/built/pages/${path}`;
  document.body.append(frame);
  try {
    return await result;
  } finally {
    frame.remove();
  }
}

/** The latency of the slow network (ms per request for the bundle). */
const SLOW = 150;

describe('the CDN bundle (dist/cdn/ebok-widgets.js) in a page', function () {
  this.timeout(30000);

  it('defines every element of the manifest, with no error, warning or CSP violation', async () => {
    const tags = await expectedTags();
    const report = await probe('once.html', tags);
    expect(report.undefined, 'elements not defined by the bundle').to.deep.equal([]);
    expect(report.errors, 'console errors').to.deep.equal([]);
    // The page has no API on purpose; the one warning that earns is the no_api_base diagnostic.
    expect(report.warnings.filter((w) => !w.includes('(no_api_base)')), 'console warnings').to.deep.equal([]);
    expect(report.violations, 'CSP / Trusted Types violations').to.deep.equal([]);
    expect(report.upgraded.every((el) => el.shadow), 'elements on the page rendered').to.equal(true);
  });

  it('fetches English only next to the chunks on the page, never one file with every message', async () => {
    const report = await probe('once.html', await expectedTags());
    const english = report.resources.filter((path) => /\/dist\/cdn\/chunks\/[\w.-]+\.en\.js$/.test(path));
    expect(english, 'English parts fetched next to the chunks').to.not.be.empty;
    const chunks = new Set(report.resources.filter((path) => path.startsWith(CDN)));
    expect(english.filter((path) => !chunks.has(path.replace(/\.en\.js$/, '.js'))), 'English of chunks the page did not load').to.deep.equal([]);
    expect(report.resources.filter((path) => /\/chunks\/en-[\w-]+\.js$/.test(path)), 'a chunk with all English texts').to.deep.equal([]);
    expect(report.errors).to.deep.equal([]);
  });

  for (const [page, tag, english, polish] of [
    ['login-only.html', 'ebok-login', /Log in/, /Zaloguj|Hasło/],
    ['tile-only.html', 'ebok-balance-tile', /balance|Balance|log in|Log in/, /Saldo|Zaloguj|Płatności/],
  ] as const) {
    it(`${page} in English: renders English from its first frame, with the English of its chunks fetched in the same wave`, async () => {
      const files = await bundleFiles();
      const report = await probe(page, [tag], true, SLOW, 'en');
      expect(report.firstTexts[tag], 'the first render is in English').to.match(english);
      expect(report.firstTexts[tag], 'the first render shows no Polish').to.not.match(polish);
      const needed = [...files.needs.get(tag)!];
      // The loader's table marks with `+` the chunks that have an English part (vite.config.ts, cdnLoader); its
      // paths are in chunks/.
      const table = await (await fetch(files.entry)).text();
      const withEnglish = new Set([...table.matchAll(/\+([\w.-]+)`/g)].map((m) => `${CDN}chunks/${m[1]}.js`));
      const parts = needed.filter((file) => withEnglish.has(file)).map((file) => file.replace(/\.js$/, '.en.js'));
      expect(parts, 'the widget has English parts').to.not.be.empty;
      const requests = report.timings.filter((t) => needed.includes(t.path) || parts.includes(t.path));
      expect([...new Set(requests.map((t) => t.path))].sort(), 'the code and the English of the widget, each fetched').to.deep.equal([...needed, ...parts].sort());
      const firstArrival = Math.min(...requests.map((t) => t.end));
      expect(requests.filter((t) => t.start >= firstArrival).map((t) => t.path), 'requested only after another chunk had arrived').to.deep.equal([]);
      const renderedAt = report.rendered[tag]!;
      // The English of what the widget does after its first frame comes in the same wave.
      const laterParts = [...files.after.get(tag)!].filter((file) => withEnglish.has(file)).map((file) => file.replace(/\.js$/, '.en.js'));
      const otherEnglish = report.timings.filter((t) => /\.en\.js$/.test(t.path) && t.start < renderedAt && !parts.includes(t.path) && !laterParts.includes(t.path));
      expect(otherEnglish.map((t) => t.path), "English of other widgets fetched before this one rendered").to.deep.equal([]);
      expect(report.errors).to.deep.equal([]);
      expect(report.violations).to.deep.equal([]);
    });
  }

  it("switches a Polish page's login to English through the loader's setPageLocale, with the English of its chunks", async () => {
    const report = await probe('login-only.html', ['ebok-login'], true, 0, undefined, 'en');
    // The page has no API, so the login says it is unavailable: in Polish first, then in English.
    expect(report.firstTexts['ebok-login'], 'first in Polish').to.match(/Logowanie jest chwilowo niedostępne/);
    expect(report.switchedTexts?.['ebok-login'], 'then in English').to.match(/Log in/).and.match(/Logging in is unavailable at the moment/);
    expect(report.switchedTexts?.['ebok-login'], 'no Polish left').to.not.match(/Logowanie|niedostępne/);
    expect(report.resources.filter((path) => /\/chunks\/login-[\w-]+\.en\.js$/.test(path)), "the login's English part fetched").to.have.length(1);
    expect(report.errors).to.deep.equal([]);
    expect(report.violations).to.deep.equal([]);
  });

  for (const [page, shown] of PAGES) {
    it(`${page}: fetches nothing but its widgets' code before they have rendered, and defines the others afterwards`, async () => {
      const tags = await expectedTags();
      const files = await bundleFiles();
      const report = await probe(page, tags, false, SLOW); // waits until every tag of the manifest is defined
      expect(Object.keys(report.rendered).sort(), 'the widgets in the page rendered').to.include.members(shown);
      const renderedAt = Math.max(...shown.map((tag) => report.rendered[tag]!));
      const allowed = new Set([files.entry, ...shown.flatMap((tag) => [...files.needs.get(tag)!, ...files.after.get(tag)!])]);
      const early = report.timings.filter((t) => t.path.startsWith(CDN) && t.start < renderedAt).map((t) => t.path);
      expect(early.filter((path) => !allowed.has(path)), 'files requested before the widgets rendered that they do not need').to.deep.equal([]);
      const others = [...files.widget].filter(([tag]) => !shown.includes(tag)).map(([, file]) => file);
      expect(others.filter((file) => !report.resources.includes(file)), 'the other widgets loaded later').to.deep.equal([]);
      expect(report.undefined, 'elements not defined once the page is done').to.deep.equal([]);
      expect(report.errors).to.deep.equal([]);
      expect(report.violations).to.deep.equal([]);
    });

    it(`${page}: requests its widgets' chunks and all they import at once, one level after the script`, async () => {
      const files = await bundleFiles();
      const report = await probe(page, shown, true, SLOW);
      // What draws the widgets' first frame, and what they do after it (fetched at low priority): one wave.
      const needed = new Set(shown.flatMap((tag) => [...files.needs.get(tag)!, ...files.after.get(tag)!]));
      const requests = report.timings.filter((t) => needed.has(t.path));
      expect(requests.map((t) => t.path).sort(), 'every file the widgets need was fetched once').to.deep.equal([...needed].sort());
      const script = report.timings.find((t) => t.path === files.entry);
      expect(script && script.end - script.start, 'the script took as long as the slow network makes it').to.be.at.least(SLOW);
      // Nothing of ours waits for another of ours but the script: a chunk requested only after another chunk
      // (a static import of the script, or the widget's chunk before its imports) had arrived is a second level.
      const firstArrival = Math.min(...requests.map((t) => t.end));
      const late = requests.filter((t) => t.start >= firstArrival).map((t) => t.path);
      expect(late, 'requested only after another chunk had arrived').to.deep.equal([]);
      expect(report.errors).to.deep.equal([]);
      expect(report.violations).to.deep.equal([]);
    });
  }

  it('defines every element on a page that only loads the script', async () => {
    const tags = await expectedTags();
    const report = await probe('script-only.html', tags, false);
    expect(report.undefined, 'elements not defined once the page is idle').to.deep.equal([]);
    expect(report.errors).to.deep.equal([]);
    expect(report.violations).to.deep.equal([]);
  });

  for (const page of ['twice.html', 'two-paths.html']) {
    it(`${page}: the script pasted twice throws nothing and needs no 'allow-duplicates' for Trusted Types`, async () => {
      const tags = await expectedTags();
      const report = await probe(page, tags);
      expect(report.undefined).to.deep.equal([]);
      expect(report.errors, 'console errors').to.deep.equal([]);
      expect(report.violations, 'CSP / Trusted Types violations').to.deep.equal([]);
      const scripts = report.resources.filter((path) => /\/ebok-widgets\.js$/.test(path));
      expect(scripts, 'both copies were fetched').to.have.length(2);
      if (page === 'two-paths.html') {
        const second = report.resources.filter((path) => path.startsWith('/dist/cdn//') && !path.endsWith('/ebok-widgets.js'));
        expect(second, 'files the second copy fetched for itself').to.deep.equal([]);
      }
      expect(report.upgraded.every((el) => el.shadow)).to.equal(true);
    });
  }
});
