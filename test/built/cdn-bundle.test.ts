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
}

interface Manifest {
  modules: { declarations?: { tagName?: string }[] }[];
}

async function expectedTags(): Promise<string[]> {
  const response = await fetch('/custom-elements.json');
  if (!response.ok) throw new Error('custom-elements.json is missing: run `npm run build` before these tests');
  const manifest = (await response.json()) as Manifest;
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : [])));
  expect(tags, 'the manifest names the elements').to.not.be.empty;
  return tags;
}

async function probe(page: string, tags: string[], place = true): Promise<ProbeReport> {
  const bundle = await fetch('/dist/cdn/ebok-widgets.js', { method: 'HEAD' });
  if (!bundle.ok) throw new Error('dist/cdn/ebok-widgets.js is missing: run `npm run build` before these tests');
  const frame = document.createElement('iframe');
  const result = new Promise<ProbeReport>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${page} did not report within 15 s`)), 15000);
    window.addEventListener('message', function listener(event: MessageEvent<{ type: string; report: ProbeReport }>) {
      if (event.source !== frame.contentWindow || event.data?.type !== 'ebok-probe') return;
      window.removeEventListener('message', listener);
      clearTimeout(timer);
      resolve(event.data.report);
    });
  });
  frame.src = `/test/built/pages/${page}?tags=${tags.join(',')}${place ? '' : '&place=no'}`;
  document.body.append(frame);
  try {
    return await result;
  } finally {
    frame.remove();
  }
}

describe('the CDN bundle (dist/cdn/ebok-widgets.js) in a page', function () {
  this.timeout(30000);

  it('defines every element of the manifest, with no error, warning or CSP violation', async () => {
    const tags = await expectedTags();
    const report = await probe('once.html', tags);
    expect(report.undefined, 'elements not defined by the bundle').to.deep.equal([]);
    expect(report.errors, 'console errors').to.deep.equal([]);
    expect(report.warnings, 'console warnings').to.deep.equal([]);
    expect(report.violations, 'CSP / Trusted Types violations').to.deep.equal([]);
    expect(report.upgraded.every((el) => el.shadow), 'elements on the page rendered').to.equal(true);
  });

  it('loads the English texts lazily from its own chunk when a widget asks for English', async () => {
    const report = await probe('once.html', await expectedTags());
    const english = report.resources.filter((path) => /\/dist\/cdn\/chunks\/en-[\w-]+\.js$/.test(path));
    expect(english, 'English chunk fetched next to the bundle').to.have.length(1);
    expect(report.resources[0] === '/test/built/pages/probe.js' || report.resources.includes('/dist/cdn/ebok-widgets.js')).to.equal(true);
  });

  it('loads the widgets a page shows first, and defines the others when the page is idle', async () => {
    const report = await probe('tile-only.html', ['ebok-balance-tile']);
    const chunks = report.resources.filter((path) => path.startsWith('/dist/cdn/chunks/'));
    const first = chunks.findIndex((path) => /\/ebok-balance-tile-/.test(path));
    const others = chunks.findIndex((path) => /\/ebok-(register|login|password-reset|activation)-/.test(path));
    expect(first, 'the tile was loaded').to.be.at.least(0);
    expect(others === -1 || first < others, 'the tile before any other widget').to.equal(true);
    expect(report.errors).to.deep.equal([]);
  });

  it('defines every element on a page that only loads the script', async () => {
    const tags = await expectedTags();
    const report = await probe('script-only.html', tags, false);
    expect(report.undefined, 'elements not defined once the page is idle').to.deep.equal([]);
    expect(report.errors).to.deep.equal([]);
    expect(report.violations).to.deep.equal([]);
  });

  it('throws nothing and stays usable when a page loads the bundle twice', async () => {
    const tags = await expectedTags();
    const report = await probe('twice.html', tags);
    expect(report.undefined).to.deep.equal([]);
    expect(report.errors, 'console errors').to.deep.equal([]);
    expect(report.violations, 'CSP / Trusted Types violations').to.deep.equal([]);
    expect(report.resources.filter((path) => path.endsWith('ebok-widgets.js')), 'both copies ran').to.have.length(2);
    expect(report.upgraded.every((el) => el.shadow)).to.equal(true);
  });
});
