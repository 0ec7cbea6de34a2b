/**
 * A customer's way through the contact pages of the demo site, in headless Chromium, as `npm start` serves it
 * (demo/server/main.ts itself: the built CDN bundle, a fresh embedded database): `npx tsx demo/server/browser/contact-check.ts`.
 *
 * energia logs in on faktury.html and follows "Reklamuj" of its overdue invoice to zgloszenia.html, where the
 * ticket form has the complaint and the invoice chosen; drops a PDF and a photo; sends with the connection lost (the
 * ticket waits, nothing typed is lost) and it goes once the connection returns; the ticket is in the list with its
 * number; a consultant answers on the back office's sandbox page and the answer shows in the thread; the message
 * history lists the notice of the answer, and the menu's unread badge goes down when a message is read.
 */
import assert from 'node:assert/strict';
import { deep, log, signIn, startSite, text } from './site.ts';

const site = await startSite('contact');
const { origin, browser, problems } = site;

try {
  // The one expected console error: the request that met no connection.
  const page = await site.open(/ERR_INTERNET_DISCONNECTED/);
  await page.goto(`${origin}/faktury.html`);
  await signIn(page, 'energia@example.com');
  await deep(page, 'ebok-invoice-list', '[part="complaint-link"]');
  log('signed in; invoice list with Reklamuj links');
  const href = await page.evaluate(() => {
    const rows = [...document.querySelector('ebok-invoice-list')!.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="complaint-link"]')];
    const link = rows.find((a) => a.href.includes('doc_energia_0001'))!;
    link.click();
    return link.href;
  });
  await page.waitForFunction(() => location.pathname === '/zgloszenia.html', { timeout: 20000, polling: 100 });
  assert.match(href, /\/zgloszenia\.html\?ebok-category=complaint&ebok-document=doc_energia_0001$/);
  await deep(page, 'ebok-ticket-form', '#documentId-doc_energia_0001');
  const chosen = await page.evaluate(() => {
    const r = document.querySelector('ebok-ticket-form')!.shadowRoot!;
    return [r.querySelector<HTMLInputElement>('#categoryId-cat_invoice')?.checked, r.querySelector<HTMLInputElement>('#documentId-doc_energia_0001')?.checked];
  });
  assert.deepEqual(chosen, [true, true], 'the complaint and the overdue invoice are chosen');
  log('"Reklamuj" opened the ticket form with the complaint and the invoice chosen');
  await page.evaluate(async () => {
    const r = document.querySelector('ebok-ticket-form')!.shadowRoot!;
    for (const [id, v] of [['subject', 'Zawyżona faktura'], ['message', 'Proszę o korektę faktury.']]) {
      const f = r.querySelector<HTMLInputElement>(`#${id}`)!;
      f.value = v!;
      f.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    const canvas = new OffscreenCanvas(600, 400);
    const c = canvas.getContext('2d')!;
    c.fillStyle = '#3a7';
    c.fillRect(0, 0, 600, 400);
    const photo = new File([await canvas.convertToBlob({ type: 'image/jpeg' })], 'licznik.jpg', { type: 'image/jpeg' });
    const pdf = new File(['%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'], 'skan.pdf', { type: 'application/pdf' });
    const t = new DataTransfer();
    t.items.add(pdf);
    t.items.add(photo);
    r.querySelector('[part="attachments"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: t, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('ebok-ticket-form')!.shadowRoot!.querySelectorAll('[part="attachment"]').length === 2 && !document.querySelector('ebok-ticket-form')!.shadowRoot!.textContent.includes('Przygotowujemy'), { timeout: 10000, polling: 100 });
  log('two files dropped');
  await page.setOfflineMode(true);
  await page.evaluate(() => document.querySelector('ebok-ticket-form')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click());
  await deep(page, 'ebok-ticket-form', '[part="queued"]');
  const kept = await page.evaluate(() => {
    const r = document.querySelector('ebok-ticket-form')!.shadowRoot!;
    return [r.querySelector<HTMLInputElement>('#subject')!.value, r.querySelectorAll('[part="attachment"]').length];
  });
  assert.deepEqual(kept, ['Zawyżona faktura', 2], 'offline, the subject and both files are kept');
  log('with no connection the ticket waits, subject and files kept');
  await page.setOfflineMode(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await deep(page, 'ebok-ticket-form', '[part="result"]');
  const number = (await text(page, 'ebok-ticket-form')).match(/ZG\/\d{4}\/\d{6}/)?.[0];
  assert.ok(number, 'the answer shows the ticket number');
  log('sent when the connection returned:', number);
  await page.waitForFunction((n) => document.querySelector('ebok-tickets')!.shadowRoot!.textContent.includes(n), { timeout: 15000, polling: 100 }, number);
  log('the ticket is in the list with its number');

  const back = await browser.newPage();
  await back.goto(`${origin}/sandbox/consultant`);
  await back.evaluate((n) => {
    const item = [...document.querySelectorAll('.item')].find((i) => i.textContent.includes(n))!;
    item.querySelector('textarea')!.value = 'Dzień dobry, korekta faktury zostanie wystawiona w ciągu 7 dni.';
    item.querySelector<HTMLButtonElement>('button')!.click();
  }, number);
  await back.waitForNavigation();
  assert.equal(await back.evaluate(() => document.querySelector('h1')!.textContent), 'Odpowiedź wysłana');
  log("a consultant answered on the back office's sandbox page");
  // Back to the customer's tab (a background tab runs no animation frames, and throttles its timers).
  await back.close();
  await page.bringToFront();

  await page.reload();
  await deep(page, 'ebok-tickets', '[part="ticket-open"]');
  await page.evaluate((n) => {
    const r = document.querySelector('ebok-tickets')!.shadowRoot!;
    [...r.querySelectorAll<HTMLElement>('[part~="ticket"]')].find((t) => t.textContent.includes(n))!.querySelector<HTMLButtonElement>('[part="ticket-open"]')!.click();
  }, number);
  await deep(page, 'ebok-tickets', '.thread__title');
  const thread = await text(page, 'ebok-tickets');
  assert.ok(thread.includes('korekta faktury zostanie wystawiona'), "the consultant's answer is in the thread");
  assert.ok(thread.includes('Czeka na Twoją odpowiedź'), 'the ticket waits for the customer');
  assert.ok(thread.includes('skan.pdf') && thread.includes('licznik.jpg'), 'both files are in the thread to download');
  log("the consultant's answer is in the thread, with the customer's two files");

  await page.goto(`${origin}/wiadomosci.html`);
  await deep(page, 'ebok-messages', '[part~="message-unread"]');
  await page.waitForFunction(() => !document.querySelector<HTMLElement>('[data-unread-badge]')!.hidden, { timeout: 10000, polling: 100 });
  const before = await page.evaluate(() => document.querySelector('[data-unread-badge]')!.textContent);
  const list = await text(page, 'ebok-messages');
  assert.ok(list.includes(number), 'the notice of the answer is in the messages');
  assert.match(before ?? '', /^\d+ nieprzeczytane$/);
  await page.evaluate(() => document.querySelector('ebok-messages')!.shadowRoot!.querySelector<HTMLElement>('[part~="message-unread"] [part="toggle"]')!.click());
  await page.waitForFunction((b) => document.querySelector('[data-unread-badge]')!.textContent !== b, { timeout: 10000, polling: 100 }, before);
  const after = await page.evaluate(() => document.querySelector('[data-unread-badge]')!.textContent);
  assert.equal(Number.parseInt(after, 10), Number.parseInt(before, 10) - 1, 'the badge goes down by one');
  log(`the messages list the answer's notice; the menu's badge went from ${before} to ${after} as one was read`);
  assert.deepEqual(problems, [], 'no console error, warning or page error');
} finally {
  await site.close();
}
