/**
 * A customer's way through "Moje dane" and "Umowy i punkty" of the demo site, in headless Chromium, as `npm start`
 * serves it: `npx tsx demo/server/browser/my-data-check.ts`.
 *
 * Anyone, signed out, finds the outages of a postal code on the home page. energia, on moje-dane.html, changes its phone (confirmed by the code from the outbox) and its correspondence
 * address, turns off SMS about planned works, and withdraws one marketing consent; after a reload everything is as
 * saved. On umowy.html it asks for G12W instead of G12 and sees the request pending. The utility publishes new terms
 * on its sandbox page, and energia's next login asks to accept them before anything else. firma browses its twelve
 * points and its contracts, and downloads a contract's document as a real PDF.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { deep, fill, log, outbox, press, shows, signIn, startSite, text } from './site.ts';

const site = await startSite('my-data');
const { origin, problems } = site;
const ENERGIA = 'energia@example.com';

/** The newest SMS code to `phone`, once one more than `before` has arrived. */
async function codeFor(phone: string, before: number): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const messages = await outbox(origin, phone);
    if (messages.length > before && messages[0]!.code) return messages[0]!.code;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`no SMS code reached ${phone}`);
}

const checked = (page: Page, host: string, selector: string) => page.evaluate((h, s) => document.querySelector(h)!.shadowRoot!.querySelector<HTMLInputElement>(s)!.checked, host, selector);

try {
  const page = await site.open();
  // Anyone, signed out, finds the planned works by a postal code.
  await page.goto(`${origin}/index.html`);
  await deep(page, 'ebok-outages', '#area');
  await fill(page, 'ebok-outages', { '#area': '44-100' });
  await press(page, 'ebok-outages', '[part="search"]');
  await shows(page, 'ebok-outages', 'ul. Zwycięstwa 1–30');
  assert.ok(!(await text(page, 'ebok-outages')).includes('Kraków'), 'only the outages of that postal code');
  log('signed out, the outages of postal code 44-100 show, and only those');

  await page.goto(`${origin}/moje-dane.html`);
  await signIn(page, ENERGIA);
  await deep(page, 'ebok-profile', '[part~="identity"]');
  await shows(page, 'ebok-profile', 'Jan Kowalski');
  log('signed in on "Moje dane"; the profile says who the customer is');

  // The phone: the new number counts only after the code sent to it.
  const phone = '+48512345678';
  const before = (await outbox(origin, phone)).length;
  await fill(page, 'ebok-profile', { '#phone': phone.slice(3) });
  await press(page, 'ebok-profile', '[part~="phone"] [part="submit"]');
  await deep(page, 'ebok-profile', '#phoneCode');
  await fill(page, 'ebok-profile', { '#phoneCode': await codeFor(phone, before) });
  await press(page, 'ebok-profile', '[part~="phone"] [part="submit"]');
  await page.waitForFunction(() => document.querySelector('ebok-profile')!.shadowRoot!.querySelector('[part~="phone"] [part~="notice"]')?.textContent?.includes('zmieniony'), { timeout: 15000, polling: 100 });
  await shows(page, 'ebok-profile', '+48 *** *** 678');
  log('the phone changed with the code the outbox holds');

  // The correspondence address, the postal code as the customer types it.
  await fill(page, 'ebok-profile', { '#street': 'ul. Długa', '#buildingNumber': '15', '#apartmentNumber': '7', '#postalCode': '31147', '#city': 'Kraków' });
  await press(page, 'ebok-profile', '[part~="address"] [part="submit"]');
  await page.waitForFunction(() => document.querySelector('ebok-profile')!.shadowRoot!.querySelector('[part~="address"] [part~="notice"]')?.textContent?.includes('Kraków'), { timeout: 15000, polling: 100 });
  log('the correspondence address changed');

  // SMS about planned works off.
  await deep(page, 'ebok-notification-settings', '#sms-planned_works:not([disabled])');
  assert.equal(await checked(page, 'ebok-notification-settings', '#sms-planned_works'), true, 'the seed sends planned works by SMS');
  await press(page, 'ebok-notification-settings', '#sms-planned_works');
  await press(page, 'ebok-notification-settings', '[part="submit"]');
  await shows(page, 'ebok-notification-settings', 'Zapisaliśmy ustawienia powiadomień.');
  log('SMS about planned works turned off');

  // One marketing consent withdrawn, the others as they were.
  await deep(page, 'ebok-consents', '#marketing-email');
  assert.equal(await checked(page, 'ebok-consents', '#marketing-email'), true, 'the seed has offers by e-mail given');
  await press(page, 'ebok-consents', '#marketing-email');
  await press(page, 'ebok-consents', '[part="submit"]');
  await shows(page, 'ebok-consents', 'Zapisano zgody.');
  await shows(page, 'ebok-consents', 'Zgoda wycofana');
  log('offers by e-mail withdrawn, with the day it was withdrawn');

  await page.reload();
  await deep(page, 'ebok-notification-settings', '#sms-planned_works');
  await deep(page, 'ebok-consents', '#marketing-email');
  await deep(page, 'ebok-profile', '#city');
  assert.equal(await checked(page, 'ebok-notification-settings', '#sms-planned_works'), false, 'after a reload SMS about planned works stays off');
  assert.equal(await checked(page, 'ebok-notification-settings', '#email-planned_works'), true, 'the e-mail about planned works is untouched');
  assert.equal(await checked(page, 'ebok-consents', '#marketing-email'), false, 'after a reload the consent stays withdrawn');
  const address = await page.evaluate(() => ['#street', '#postalCode', '#city'].map((s) => document.querySelector('ebok-profile')!.shadowRoot!.querySelector<HTMLInputElement>(s)!.value));
  assert.deepEqual(address, ['ul. Długa', '31-147', 'Kraków'], 'the address as saved, the postal code as the server normalised it');
  log('after a reload: the address, the notification choice and the consent are as saved');

  // The tariff change: G12 → G12W for the flat's point.
  await page.goto(`${origin}/umowy.html`);
  await deep(page, 'ebok-tariff-change', '#point option[value="pt_e_0001"]');
  await fill(page, 'ebok-tariff-change', { '#point': 'pt_e_0001' });
  await deep(page, 'ebok-tariff-change', '#tariff-G12W');
  await shows(page, 'ebok-tariff-change', 'G12');
  await press(page, 'ebok-tariff-change', '#tariff-G12W');
  await press(page, 'ebok-tariff-change', '[part="next"]');
  await deep(page, 'ebok-tariff-change', '[part="confirm"]');
  await press(page, 'ebok-tariff-change', '[part="submit"]');
  await shows(page, 'ebok-tariff-change', 'Wysłaliśmy wniosek o zmianę taryfy z G12 na G12W.');
  await page.reload();
  await deep(page, 'ebok-tariff-change', '#point option[value="pt_e_0001"]');
  await fill(page, 'ebok-tariff-change', { '#point': 'pt_e_0001' });
  await deep(page, 'ebok-tariff-change', '[part~="request"]');
  await shows(page, 'ebok-tariff-change', 'Z G12 na G12W · Czeka na decyzję');
  log('a change from G12 to G12W is requested, and pending after a reload');

  // New terms: the next login asks to accept them first.
  const back = await site.open();
  await back.goto(`${origin}/sandbox/terms`);
  await back.evaluate(() => {
    const item = [...document.querySelectorAll('.item')].find((i) => i.querySelector<HTMLInputElement>('input[name="utility"]')?.value.includes('energ'))!;
    item.querySelector<HTMLButtonElement>('button[value="publish"]')!.click();
  });
  await back.waitForNavigation();
  await back.close();
  await page.bringToFront();
  log('the utility published new terms on its sandbox page');
  await page.goto(`${origin}/moje-dane.html`);
  await deep(page, 'ebok-session', '[part~="logout"]');
  await press(page, 'ebok-session', '[part~="logout"]');
  await signIn(page, ENERGIA);
  await shows(page, 'ebok-login', 'Zmienił się regulamin eBOK');
  assert.ok(!(await text(page, 'ebok-profile')).includes('Jan Kowalski'), 'nothing of the account shows before the terms are accepted');
  await press(page, 'ebok-login', '[part="submit"]');
  await shows(page, 'ebok-profile', 'Jan Kowalski');
  log("energia's next login asked to accept the new terms, then opened the account");

  // firma: twelve points and three contracts on umowy.html, a point's detail, a contract's PDF.
  await page.goto(`${origin}/umowy.html`);
  await deep(page, 'ebok-session', '[part~="logout"]');
  await press(page, 'ebok-session', '[part~="logout"]');
  await shows(page, 'ebok-points', 'Zaloguj się, aby zobaczyć swoje punkty poboru.');
  await signIn(page, 'firma@example.com');
  // firma is a customer of the same utility: the new terms come first for it too.
  await shows(page, 'ebok-login', 'Zmienił się regulamin eBOK');
  await press(page, 'ebok-login', '[part="submit"]');
  await shows(page, 'ebok-points', '12 punktów poboru');
  await press(page, 'ebok-points', '[part="more"] button');
  await page.waitForFunction(() => document.querySelector('ebok-points')!.shadowRoot!.querySelectorAll('[part~="point"]').length === 12, { timeout: 10000, polling: 100 });
  await press(page, 'ebok-points', '[part~="point-open"]');
  await deep(page, 'ebok-points', '[part="readings-link"]');
  const readings = await page.evaluate(() => document.querySelector('ebok-points')!.shadowRoot!.querySelector<HTMLAnchorElement>('[part="readings-link"]')!.href);
  assert.match(readings, /\/index\.html\?ebok-point=pt_[\w]+#odczyt$/, "the point's readings link carries its id");
  assert.match(await text(page, 'ebok-points'), /Moc umowna \d+,\d kW/);
  log('firma sees its 12 points; a point shows its contracted power and links to its readings');
  await shows(page, 'ebok-contracts', '3 umowy');
  await press(page, 'ebok-contracts', '[part~="contract-open"]');
  await deep(page, 'ebok-contracts', '[part="document-download"]');
  const downloads = mkdtempSync(join(tmpdir(), 'ebok-downloads-'));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  await press(page, 'ebok-contracts', '[part="document-download"]');
  let pdf: string | undefined;
  for (let i = 0; i < 100 && !pdf; i++) {
    pdf = readdirSync(downloads).find((f) => f.endsWith('.pdf'));
    if (!pdf) await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.ok(pdf, 'a PDF was downloaded');
  assert.equal(readFileSync(join(downloads, pdf)).subarray(0, 5).toString(), '%PDF-', 'the download is a real PDF');
  rmSync(downloads, { recursive: true, force: true });
  log(`a contract of firma opens, and its document downloads as a real PDF (${pdf})`);
  assert.deepEqual(problems, [], 'no console error, warning or page error');
} finally {
  await site.close();
}
