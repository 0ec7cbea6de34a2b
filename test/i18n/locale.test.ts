import { expect, fixture, html } from '@open-wc/testing';
import '../helpers/test-widget.js';
import '../../src/widgets/provider/ebok-provider.js';
import type { TestWidget } from '../helpers/test-widget.js';
import { currentLocale, localeReady, normalizeLocale, setPageLocale } from '../../src/i18n/locale.js';
import { shadow, until } from '../helpers/dom.js';

const retryText = (el: Element) => shadow(el, '[part~="retry"], .status--error p').textContent?.trim();
const amountText = (el: Element) => shadow(el, '.amount').textContent?.trim();
const englishLoaded = () =>
  performance.getEntriesByType('resource').some((entry) => /\/i18n\/locales\/en\.(ts|js)/.test(entry.name));

async function settled() {
  // The lang observer runs as a microtask; then the locale module loads; then widgets re-render.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await localeReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('language of the widgets (i18n/locale)', () => {
  const html0 = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (html0 === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', html0);
  });

  it('speaks Polish when nothing says otherwise, without downloading the English texts', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
    await settled();
    expect(currentLocale()).to.equal('pl');
    expect(retryText(el)).to.contain('Nie udało się wczytać danych');
    expect(englishLoaded(), 'en module fetched on a Polish page').to.equal(false);
  });

  it('follows <html lang> and loads the English texts only then', async () => {
    document.documentElement.lang = 'en-GB';
    const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
    await settled();
    expect(currentLocale()).to.equal('en');
    expect(retryText(el)).to.contain('We could not load the data');
    expect(amountText(el)).to.equal('PLN\u00a01,234.50');
    expect(englishLoaded()).to.equal(true);
  });

  it('re-renders every widget on the page, in separate blocks, when <html lang> changes at run time', async () => {
    document.documentElement.lang = 'pl';
    const page = await fixture(html`<main>
      <section><ebok-test-widget id="a"></ebok-test-widget></section>
      <aside><ebok-test-widget id="b"></ebok-test-widget></aside>
    </main>`);
    await settled();
    const [a, b] = [page.querySelector('#a')!, page.querySelector('#b')!];
    expect(amountText(a)).to.equal('1234,50\u00a0zł');
    document.documentElement.lang = 'en';
    await settled();
    await until(() => amountText(a) === 'PLN\u00a01,234.50' && amountText(b) === 'PLN\u00a01,234.50', 'both widgets in English');
    expect(retryText(b)).to.contain('We could not load the data');
    document.documentElement.lang = 'pl';
    await settled();
    await until(() => amountText(b) === '1234,50\u00a0zł', 'back to Polish');
  });

  it("prefers a provider's lang over <html lang>", async () => {
    document.documentElement.lang = 'pl';
    const provider = await fixture(html`<ebok-provider lang="en"><ebok-test-widget></ebok-test-widget></ebok-provider>`);
    await settled();
    expect(currentLocale()).to.equal('en');
    expect(retryText(provider.querySelector('ebok-test-widget')!)).to.contain('We could not');
  });

  it("prefers the widget's own lang, and switches all widgets when it changes", async () => {
    document.documentElement.lang = 'en';
    const page = await fixture(html`<div>
      <ebok-test-widget id="a"></ebok-test-widget>
      <ebok-test-widget id="b" lang="pl"></ebok-test-widget>
    </div>`);
    await settled();
    expect(currentLocale()).to.equal('pl');
    page.querySelector('#b')!.setAttribute('lang', 'en');
    await settled();
    await until(() => amountText(page.querySelector('#a')!) === 'PLN\u00a01,234.50', 'widget a switched too');
    expect(currentLocale()).to.equal('en');
  });

  it('falls back to Polish for a language it does not speak', async () => {
    document.documentElement.lang = 'de';
    await fixture(html`<ebok-test-widget></ebok-test-widget>`);
    await settled();
    expect(currentLocale()).to.equal('pl');
  });

  it('lets the host switch the language from script and tells it when done', async () => {
    document.documentElement.lang = 'pl';
    const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
    await settled();
    const changed = new Promise<string>((resolve) =>
      window.addEventListener('ebok-locale-changed', (e) => resolve(e.detail.locale), { once: true }),
    );
    await setPageLocale('en');
    expect(await changed).to.equal('en');
    await el.updateComplete;
    expect(amountText(el)).to.equal('PLN\u00a01,234.50');
    let error: unknown;
    await setPageLocale('xx').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(RangeError);
  });

  it('normalizes language tags', () => {
    expect(normalizeLocale('en-GB')).to.equal('en');
    expect(normalizeLocale(' PL ')).to.equal('pl');
    expect(normalizeLocale('pl_PL')).to.equal('pl');
    expect(normalizeLocale('de')).to.equal(undefined);
    expect(normalizeLocale('')).to.equal(undefined);
  });
});
