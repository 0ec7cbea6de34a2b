/**
 * The whole eBOK in one tag, as a customer goes through it on the demo's portal page (a plain page with only
 * `<ebok-portal base-path="/demo/portal/">` and the script), in headless Chromium, as `npm start` serves it:
 * `npx tsx demo/server/browser/portal-check.ts`.
 *
 * A signed-out deep link to Finanse shows the login; energia logs in and lands there. Every section of the menu
 * opens with its address, its heading focused and its menu item current; Back and Forward and a reload of a deep
 * link work; an unknown address gets the portal's not-found; on a phone the sections are behind a menu button;
 * a dashboard card leads into its section; the host page's title is never written by the portal; a deep link
 * opened in a browser without a session asks to log in and then shows it; a link of the host page still navigates.
 */
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { log, startSite } from './site.ts';

const site = await startSite('portal');
const { origin, problems } = site;
const BASE = '/demo/portal/';

/**
 * In the page: the section's heading, the portal's own or that of the one widget that names the section (the
 * dashboard, the login, the messages).
 */
const HEADING = `(() => {
  const root = document.querySelector('ebok-portal')?.shadowRoot;
  const own = root?.querySelector('[part="section-title"]');
  if (own) return own;
  const widget = [...(root?.querySelector('[part="content"]')?.children ?? [])].find((c) => c.localName.startsWith('ebok-'));
  return widget?.shadowRoot?.querySelector('[part="heading"]') ?? null;
})()`;

/** The text of the section's heading. */
const heading = (page: Page) => page.evaluate(`${HEADING}?.textContent?.trim() ?? ''`) as Promise<string>;

async function showsSection(page: Page, title: string): Promise<void> {
  try {
    await page.waitForFunction(`${HEADING}?.textContent?.trim() === ${JSON.stringify(title)}`, { timeout: 20000, polling: 100 });
  } catch (error) {
    throw new Error(`the portal never shows "${title}" on ${page.url()} (it shows "${await heading(page)}")`, { cause: error });
  }
}

/** What the portal's menu says is current, and the document's title. */
const state = (page: Page) =>
  page.evaluate(`(() => {
    const root = document.querySelector('ebok-portal').shadowRoot;
    return { current: root.querySelector('[aria-current="page"]')?.textContent?.trim(), title: document.title };
  })()`) as Promise<{ current: string | undefined; title: string }>;

/** Waits (a moment) for focus to reach the section's heading, then says whether it did. */
async function focusedOnHeading(page: Page): Promise<boolean> {
  try {
    await page.waitForFunction(`(() => { let at = document.activeElement; while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement; return at !== null && at === ${HEADING}; })()`, { timeout: 5000, polling: 50 });
    return true;
  } catch {
    return false;
  }
}

/** Clicks the menu link named `text` as a person would (a real mouse click at its place). */
async function choose(page: Page, text: string): Promise<void> {
  const link = await page.waitForSelector(`ebok-portal >>> nav ::-p-text(${text})`, { visible: true, timeout: 10000 });
  await link!.click();
}

try {
  const page = await site.open(/the server responded with a status of 401/);
  const pageTitle = 'eBOK – Energia Przykład';

  // Signed out, a deep link: the login in its place, and the place itself after it.
  await page.goto(`${origin}${BASE}finanse`);
  await showsSection(page, 'Logowanie');
  assert.match(await page.evaluate(() => document.querySelector('ebok-portal')!.shadowRoot!.textContent ?? ''), /Zaloguj się, aby zobaczyć: Finanse\./);
  const user = await page.waitForSelector('ebok-portal >>> ebok-login >>> input[autocomplete="username"]', { timeout: 20000 });
  await user!.type('energia@example.com');
  await (await page.waitForSelector('ebok-portal >>> ebok-login >>> input[autocomplete="current-password"]'))!.type('Demo-Haslo-2026');
  await page.keyboard.press('Enter');
  await showsSection(page, 'Finanse');
  assert.equal(new URL(page.url()).pathname, `${BASE}finanse`);
  assert.equal(await focusedOnHeading(page), true, 'focus on the heading after the login');
  await page.waitForSelector('ebok-portal >>> ebok-invoice-list >>> [part~="row"], ebok-portal >>> ebok-invoice-list >>> [part~="card"]', { timeout: 20000 });
  log('a signed-out deep link to Finanse showed the login, then Finanse with the invoices, focus on its heading');

  // Every section of the menu.
  const sections: [string, string][] = [
    ['Pulpit', ''],
    ['Odczyty', 'odczyty'],
    ['Zużycie', 'zuzycie'],
    ['Zgłoszenia', 'zgloszenia'],
    ['Wiadomości', 'wiadomosci'],
    ['Moje dane', 'moje-dane'],
    ['Umowy i punkty', 'umowy'],
    ['Wyłączenia i awarie', 'awarie'],
    ['Finanse', 'finanse'],
  ];
  for (const [title, path] of sections) {
    await choose(page, title);
    await showsSection(page, title);
    assert.equal(new URL(page.url()).pathname, `${BASE}${path}`, `the address of ${title}`);
    assert.equal(await focusedOnHeading(page), true, `focus on ${title}'s heading`);
    const now = await state(page);
    assert.equal(now.current, title, `${title} is the current item`);
    assert.equal(now.title, pageTitle, 'the portal leaves the document title to the host');
  }
  log(`every section opened from the menu (${sections.length}) with its address, current item and focused heading`);

  // By keyboard: from the skip link, Tab to a section's link and Enter.
  const skip = await page.waitForSelector('ebok-portal >>> [part="skip-link"]');
  await skip!.focus();
  await page.keyboard.press('Enter');
  assert.equal(await focusedOnHeading(page), true, 'the skip link moves focus to the heading');
  await (await page.waitForSelector('ebok-portal >>> nav ::-p-text(Wiadomości)'))!.focus();
  await page.keyboard.press('Enter');
  await showsSection(page, 'Wiadomości');
  assert.equal(await focusedOnHeading(page), true, 'focus on the heading after Enter on a link');
  await page.goBack();
  await showsSection(page, 'Finanse');
  log('by keyboard: the skip link, then Enter on a section\'s link');

  await page.goBack();
  await showsSection(page, 'Wyłączenia i awarie');
  await page.goBack();
  await showsSection(page, 'Umowy i punkty');
  await page.goForward();
  await showsSection(page, 'Wyłączenia i awarie');
  assert.equal(new URL(page.url()).pathname, `${BASE}awarie`);
  log('Back and Forward move between the sections');

  await page.goto(`${origin}${BASE}odczyty`);
  await showsSection(page, 'Odczyty');
  await page.waitForSelector('ebok-portal >>> ebok-meter-reading >>> [part="heading"]', { timeout: 20000 });
  log('a reload of a deep link (odczyty) opens it, still signed in');

  await page.goto(`${origin}${BASE}nie-ma-takiej`);
  await showsSection(page, 'Nie ma takiej strony');
  await (await page.waitForSelector('ebok-portal >>> [part="home-link"]'))!.click();
  await showsSection(page, 'Pulpit');
  assert.equal(new URL(page.url()).pathname, BASE);
  log('an unknown address shows the portal\'s not-found, with a way to the dashboard');

  // The dashboard's finance card leads to Finanse, clicked once the cards have their data, as a customer would:
  // the card's link moves down while the balance tile fills in, and a click aimed at where it was lands beside it.
  await page.waitForSelector('ebok-portal >>> ebok-dashboard >>> [part="base"][aria-busy="false"]', { timeout: 20000 });
  await page.waitForSelector('ebok-portal >>> ebok-dashboard >>> ebok-balance-tile >>> [part="base"][aria-busy="false"]', { timeout: 20000 });
  const card = await page.waitForSelector('ebok-portal >>> ebok-dashboard >>> a[href$="/finanse"]', { visible: true, timeout: 20000 });
  await card!.click();
  await showsSection(page, 'Finanse');
  log('a dashboard card leads into its section');

  // On a phone: the menu button.
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
  const button = await page.waitForSelector('ebok-portal >>> [part="menu-button"]', { visible: true, timeout: 10000 });
  assert.equal(await button!.evaluate((b) => b.getAttribute('aria-expanded')), 'false');
  await button!.click();
  await choose(page, 'Wiadomości');
  await showsSection(page, 'Wiadomości');
  assert.equal(await button!.evaluate((b) => b.getAttribute('aria-expanded')), 'false', 'the menu closes after a choice');
  log('on a phone the sections are behind a menu button, which closes after a choice');

  // A deep link shared to someone else's browser (no session there): the login first, then that section.
  const fresh = await site.browser.createBrowserContext();
  const other = await fresh.newPage();
  await other.goto(`${origin}${BASE}umowy`);
  await showsSection(other, 'Logowanie');
  await (await other.waitForSelector('ebok-portal >>> ebok-login >>> input[autocomplete="username"]', { timeout: 20000 }))!.type('firma@example.com');
  await (await other.waitForSelector('ebok-portal >>> ebok-login >>> input[autocomplete="current-password"]'))!.type('Demo-Haslo-2026');
  await other.keyboard.press('Enter');
  await showsSection(other, 'Umowy i punkty');
  assert.equal(new URL(other.url()).pathname, `${BASE}umowy`);
  await fresh.close();
  log('a deep link opened in a browser without a session asks to log in, then shows that section');

  // The host page's own links are the browser's: a link the host adds beside the portal navigates as always.
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = '/zgloszenia.html';
    link.id = 'host-link';
    link.textContent = 'Strona zgłoszeń';
    document.body.append(link);
  });
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.evaluate(() => document.getElementById('host-link')!.click())]);
  assert.equal(new URL(page.url()).pathname, '/zgloszenia.html');
  log('a link of the host page beside the portal navigates normally');

  assert.deepEqual(problems, [], 'no console errors, warnings or page errors');
  log('no console errors or page errors');
} finally {
  await site.close();
}
