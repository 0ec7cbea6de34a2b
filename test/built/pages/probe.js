// Loaded first, as a classic script, by the pages in this folder. It records every error, warning and
// CSP or Trusted Types violation the page meets, waits for the expected elements to be defined, and
// reports to the test in the parent frame. (An external file, so the pages' strict CSP allows it.)
(function () {
  const report = { errors: [], warnings: [], violations: [], defined: [], undefined: [], resources: [], timings: [], rendered: {}, firstTexts: {} };
  const text = (args) => args.map((a) => (a instanceof Error ? a.stack || a.message : String(a))).join(' ');
  const error = console.error.bind(console);
  const warn = console.warn.bind(console);
  console.error = (...args) => (report.errors.push(text(args)), error(...args));
  console.warn = (...args) => (report.warnings.push(text(args)), warn(...args));
  window.addEventListener('error', (e) => report.errors.push(`uncaught: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => report.errors.push(`unhandled rejection: ${text([e.reason])}`));
  document.addEventListener('securitypolicyviolation', (e) =>
    report.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`),
  );

  const tags = (new URLSearchParams(location.search).get('tags') || '').split(',').filter(Boolean);
  // `?lang=en`: the page is in that language from the start (this script runs before the bundle's module).
  const lang = new URLSearchParams(location.search).get('lang');
  if (lang) document.documentElement.lang = lang;
  const timeout = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // Put every element of the manifest on the page, as CMS blocks would: the bundle's loader must notice
  // each one (also those added after it started) and load its code.
  const place = new URLSearchParams(location.search).get('place') !== 'no';
  document.addEventListener('DOMContentLoaded', () => {
    if (!place) return;
    const block = document.createElement('section');
    for (const tag of tags) if (!document.querySelector(tag)) block.append(document.createElement(tag));
    document.body.append(block);
  });

  // When each ebok element the page shows has finished its first render (ms since navigation, the clock of
  // the resource timings below).
  document.addEventListener('DOMContentLoaded', () => {
    for (const el of document.querySelectorAll('*')) {
      if (!el.localName.startsWith('ebok-')) continue;
      customElements
        .whenDefined(el.localName)
        .then(() => el.updateComplete)
        .then(() => {
          report.rendered[el.localName] = Math.max(report.rendered[el.localName] ?? 0, performance.now());
          // What the element said in its first render (an English page must never show Polish first).
          report.firstTexts[el.localName] ??= el.shadowRoot ? el.shadowRoot.textContent.replace(/\s+/g, ' ').trim() : '';
        });
    }
  });

  window.addEventListener('load', async () => {
    await Promise.all(
      tags.map((tag) =>
        Promise.race([customElements.whenDefined(tag).then(() => report.defined.push(tag)), timeout(8000)]),
      ),
    );
    report.undefined = tags.filter((tag) => !customElements.get(tag));
    await timeout(500); // let late errors and lazy chunks (locale) arrive
    report.upgraded = [...document.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('ebok-'))
      .map((el) => ({ tag: el.localName, shadow: !!el.shadowRoot }));
    // `?switch=en`: the page then switches its language through the loader (setPageLocale), as a host's own
    // language menu would; what each element says afterwards.
    const switchTo = new URLSearchParams(location.search).get('switch');
    if (switchTo) {
      await globalThis[Symbol.for('ebok-widgets.loader')].setPageLocale(switchTo);
      await Promise.all([...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('ebok-')).map((el) => el.updateComplete));
      report.switchedTexts = {};
      for (const tag of tags) report.switchedTexts[tag] = document.querySelector(tag)?.shadowRoot?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    }
    const entries = performance.getEntriesByType('resource');
    report.resources = entries.map((entry) => new URL(entry.name).pathname);
    report.timings = entries.map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
    parent.postMessage({ type: 'ebok-probe', page: location.pathname, report }, '*');
  });
})();
