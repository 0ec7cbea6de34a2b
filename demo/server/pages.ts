/** Plain HTML pages outside the contract: the outbox and the payment operator's sandbox; JSON test hooks. */
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import type { AppState } from './core.ts';
import { clientIp, originAllowed } from './core.ts';
import { listOutbox } from './outbox.ts';
import { loadPayment, settlePayment } from './billing.ts';
import { addConsultantReply } from './tickets.ts';
import { decideTariffChange, pendingTariffChanges, undoTariffChange } from './tariffs.ts';
import { confirmEmailToken } from './profile.ts';
import { termsPages } from './terms-pages.ts';
import { warsawIso } from '../../src/i18n/calendar.ts';
import { escapeHtml, formatPln, safeEqual, toCents } from './util.ts';

const CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24}
main{max-width:860px;margin:0 auto;padding:24px}
h1{font-size:1.6rem}
.item{background:#fff;border:1px solid #d0d5dc;border-radius:8px;padding:12px 16px;margin:12px 0}
.meta{color:#4a525c;font-size:.9rem}
pre{white-space:pre-wrap;font:inherit;margin:.5rem 0}
.code{font-size:1.4rem;font-weight:700;letter-spacing:.2em}
.pay{background:#fff;border:1px solid #d0d5dc;border-radius:12px;padding:24px;max-width:420px;margin:40px auto}
.amount{font-size:2rem;font-weight:700}
form{display:inline}
button{font:inherit;padding:10px 18px;margin:6px 6px 0 0;border-radius:6px;border:1px solid #444;cursor:pointer;min-height:44px}
.ok{background:#1a7f37;color:#fff;border-color:#1a7f37}
.no{background:#b42318;color:#fff;border-color:#b42318}
a{color:#0b5cad}`;

function page(title: string, body: string): Response {
  const html = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/sandbox/style.css"></head><body><main>${body}</main></body></html>`;
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'self'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

const CONSULTANT_TEXT = 'Dzień dobry, dziękujemy za zgłoszenie. Prosimy o przesłanie zdjęcia licznika z widocznym numerem i stanem.';

function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<>"]+/g, (url) => `<a href="${url}">${url}</a>`);
}

/**
 * What only the demo and the tests may reach: the outbox (every link and code sent), the test hooks (reset
 * throttles, undo, decide) and the sandbox pages of the utility's back office. Without the demo/test switch
 * (`--demo`, which `npm start` and the tests pass) they do not exist; with it they answer loopback clients only.
 */
const TEST_ONLY = ['/outbox', '/api/test/*', '/sandbox/consultant', '/sandbox/tariffs', '/sandbox/email-confirm', '/sandbox/terms'];

function loopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || address.startsWith('127.');
}

/** The payment an address of the sandbox page opens: its id with the key its customer was given, or none. */
async function paymentAt(app: AppState, id: string, key: string | undefined): Promise<Awaited<ReturnType<typeof loadPayment>>> {
  const stored = (await app.db.query<{ page_key: string | null }>('SELECT page_key FROM payments WHERE id = $1', [id]))[0]?.page_key;
  if (!stored || !key || !safeEqual(stored, key)) return null;
  return loadPayment(app.db, id);
}

export function pagesApp(app: AppState): Hono {
  const h = new Hono();
  for (const path of TEST_ONLY) {
    h.use(path, async (c, next) => {
      if (!app.testHooks) return c.text('Nie znaleziono', 404, { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
      if (!loopback(clientIp(c as Context))) return c.text('Tylko z tego komputera (demo)', 403, { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
      await next();
      return undefined;
    });
  }
  // The pages and their stylesheet go out compressed (gzip) when the browser takes it.
  h.use('/outbox', compress());
  h.use('/sandbox/*', compress());
  h.get('/sandbox/style.css', () => new Response(CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' } }));

  h.get('/outbox', async (c) => {
    const to = c.req.query('to');
    await app.mailJobs.drain();
    const items = await listOutbox(app.db, to, 300);
    const list = items
      .map(
        (m) => `<article class="item"><div class="meta">${m.channel === 'sms' ? 'SMS' : 'E-mail'} do <strong>${escapeHtml(m.to)}</strong> · ${escapeHtml(warsawIso(new Date(m.createdAt)).replace('T', ' ').slice(0, 19))}</div>
${m.subject ? `<h2>${escapeHtml(m.subject)}</h2>` : ''}${m.code ? `<p>Kod: <span class="code">${escapeHtml(m.code)}</span></p>` : ''}<pre>${linkify(m.body)}</pre></article>`,
      )
      .join('\n');
    return page(
      'Skrzynka nadawcza (demo)',
      `<h1>Skrzynka nadawcza</h1><p>Wiadomości e-mail i SMS, które serwer demonstracyjny „wysłał” (nic nie wychodzi na zewnątrz). Najnowsze na górze.${to ? ` Tylko do: <strong>${escapeHtml(to)}</strong> (<a href="/outbox">wszystkie</a>).` : ''}</p>${list || '<p>Brak wiadomości.</p>'}`,
    );
  });

  h.get('/api/test/outbox', async (c) => {
    // Reset and reminder e-mails go out after their 202: what was asked for before this read is in it.
    await app.mailJobs.drain();
    const items = await listOutbox(app.db, c.req.query('to'), 500);
    return c.json(items, 200, { 'Cache-Control': 'no-store' });
  });

  h.post('/api/test/reset-throttles', async (c) => {
    await app.db.query('DELETE FROM throttles');
    await app.db.query('UPDATE users SET failed_logins = 0, locked_until = NULL');
    return c.body(null, 204);
  });

  // Lets every unused reset and activation link of `to` run out now, as if its lifetime had passed (tests).
  h.post('/api/test/expire-links', async (c) => {
    await app.db.query(
      "UPDATE auth_tokens t SET expires_at = now() - interval '1 second' FROM users u WHERE u.id = t.user_id AND u.email_lower = lower($1) AND t.used_at IS NULL",
      [c.req.query('to') ?? ''],
    );
    return c.body(null, 204);
  });

  // Undoes a payment as if it never happened (its allocations, the documents' paid amounts, the payment),
  // so a test that pays leaves the demo customer as it found them.
  h.post('/api/test/undo-payment', async (c) => {
    const id = c.req.query('id') ?? '';
    await app.db.transaction(async (tx) => {
      await tx.query(
        'UPDATE documents d SET paid = d.paid - a.total FROM (SELECT document_id, SUM(amount) AS total FROM allocations WHERE payment_id = $1 GROUP BY document_id) a WHERE d.id = a.document_id',
        [id],
      );
      await tx.query('DELETE FROM allocations WHERE payment_id = $1', [id]);
      await tx.query('DELETE FROM payments WHERE id = $1', [id]);
    });
    return c.body(null, 204);
  });

  // Undoes a reading a customer sent (its values go with it), so a test that sends one leaves the meter's
  // last reading, and the duplicate check of the window, as it found them.
  h.post('/api/test/undo-reading', async (c) => {
    await app.db.query('DELETE FROM readings WHERE id = $1 AND by_customer', [c.req.query('id') ?? '']);
    return c.body(null, 204);
  });

  // Deletes a ticket a test created (its messages and attachments with it), so the demo customer's list of
  // tickets stays as the seed left it for the tests that count it.
  h.post('/api/test/undo-ticket', async (c) => {
    const id = c.req.query('id') ?? '';
    await app.db.transaction(async (tx) => {
      await tx.query('DELETE FROM ticket_attachments WHERE ticket_id = $1', [id]);
      await tx.query('DELETE FROM ticket_messages WHERE ticket_id = $1', [id]);
      await tx.query('DELETE FROM tickets WHERE id = $1', [id]);
      await tx.query("DELETE FROM messages WHERE id LIKE 'msg\\_r\\_' || $1 || '\\_%'", [id]);
    });
    return c.body(null, 204);
  });

  // Withdraws an account removal request a test filed (as the utility's back office would reject it), so the
  // customer can file one again in the next test.
  h.post('/api/test/undo-account-removal', async (c) => {
    await app.db.query('DELETE FROM account_removal_requests WHERE id = $1', [c.req.query('id') ?? '']);
    return c.body(null, 204);
  });

  // A consultant's reply to a ticket, as the utility's back office would add it (the tests').
  h.post('/api/test/consultant-reply', async (c) => {
    const number = await addConsultantReply(app.db, c.req.query('ticket') ?? '', c.req.query('text') || CONSULTANT_TEXT, 'Ewa z Biura Obsługi Klienta', new Date());
    return number ? c.json({ number }) : c.json({ code: 'not_found' }, 404);
  });

  // The same for people trying the demo: the tickets waiting for an answer, each with a form to answer it.
  h.get('/sandbox/consultant', async () => {
    const rows = await app.db.query<{ id: string; number: string; subject: string; status: string; email: string }>(
      `SELECT t.id, t.number, t.subject, t.status, (SELECT email FROM users u WHERE u.customer_id = t.customer_id ORDER BY email LIMIT 1) AS email
       FROM tickets t WHERE t.status <> 'closed' ORDER BY t.updated_at DESC, t.id DESC LIMIT 30`,
    );
    const items = rows
      .map(
        (t) => `<div class="item"><h2>${escapeHtml(t.number)} · ${escapeHtml(t.subject)}</h2><p class="meta">${escapeHtml(t.email ?? '')} · status: ${escapeHtml(t.status)}</p>
<form method="post" action="/sandbox/consultant"><input type="hidden" name="ticket" value="${escapeHtml(t.id)}"><label>Odpowiedź konsultanta<br><textarea name="text" rows="3" cols="60">${escapeHtml(CONSULTANT_TEXT)}</textarea></label><br><button type="submit" class="ok">Odpowiedz</button></form></div>`,
      )
      .join('');
    return page('Biuro Obsługi Klienta (sandbox)', `<h1>Biuro Obsługi Klienta – sandbox</h1><p>Odpowiedz na zgłoszenie jak konsultant: odpowiedź pojawi się w eBOK klienta, a on dostanie wiadomość.</p>${items || '<p>Brak otwartych zgłoszeń.</p>'}`);
  });

  h.post('/sandbox/consultant', async (c) => {
    if (!originAllowed(app, c)) return page('Odrzucono', '<h1>Odrzucono żądanie</h1>');
    const form = await c.req.parseBody();
    const text = typeof form.text === 'string' && form.text.trim() ? form.text.trim().slice(0, 5000) : CONSULTANT_TEXT;
    const number = await addConsultantReply(app.db, typeof form.ticket === 'string' ? form.ticket : '', text, 'Ewa z Biura Obsługi Klienta', new Date());
    return number
      ? page('Odpowiedź wysłana', `<div class="pay"><h1>Odpowiedź wysłana</h1><p>Zgłoszenie ${escapeHtml(number)} czeka teraz na klienta.</p><p><a href="/sandbox/consultant">Wróć do zgłoszeń</a></p></div>`)
      : page('Nie znaleziono zgłoszenia', '<div class="pay"><h1>Nie znaleziono zgłoszenia</h1><p>Zgłoszenie nie istnieje albo jest zamknięte.</p></div>');
  });

  // ---------- tariff change requests: the utility's decision (the tests' hooks and a sandbox page) ----------
  // `?request=tcr_…&decision=accept&effectiveFrom=YYYY-MM-DD` or `&decision=reject&reason=…`.
  h.post('/api/test/tariff-decision', async (c) => {
    const id = await decideTariffChange(app.db, c.req.query('request') ?? '', { accept: c.req.query('decision') !== 'reject', effectiveFrom: c.req.query('effectiveFrom'), reason: c.req.query('reason') }, new Date());
    return id ? c.json({ id }) : c.json({ code: 'not_found' }, 404);
  });

  // Deletes a request a test filed, so the next run may file one again.
  h.post('/api/test/undo-tariff-change', async (c) => {
    await undoTariffChange(app.db, c.req.query('id') ?? '');
    return c.body(null, 204);
  });

  h.get('/sandbox/tariffs', async () => {
    const rows = await pendingTariffChanges(app.db);
    const items = rows
      .map(
        (r) => `<div class="item"><h2>${escapeHtml(r.from_tariff)} → ${escapeHtml(r.to_tariff)}</h2><p class="meta">${escapeHtml(r.email ?? '')} · punkt ${escapeHtml(r.point_id)} · złożony ${escapeHtml(warsawIso(new Date(r.submitted_at)).replace('T', ' ').slice(0, 16))}</p>
<form method="post" action="/sandbox/tariffs"><input type="hidden" name="request" value="${escapeHtml(r.id)}"><input type="hidden" name="decision" value="accept"><label>Obowiązuje od <input type="date" name="effectiveFrom" required></label> <button type="submit" class="ok">Przyjmij</button></form>
<form method="post" action="/sandbox/tariffs"><input type="hidden" name="request" value="${escapeHtml(r.id)}"><input type="hidden" name="decision" value="reject"><label>Powód <input name="reason" size="40" value="Zmiana taryfy wymaga wymiany licznika."></label> <button type="submit" class="no">Odrzuć</button></form></div>`,
      )
      .join('');
    return page('Wnioski o zmianę taryfy (sandbox)', `<h1>Wnioski o zmianę taryfy – sandbox</h1><p>Zdecyduj jak sprzedawca: klient zobaczy decyzję w eBOK i dostanie wiadomość oraz e-mail.</p>${items || '<p>Brak wniosków czekających na decyzję.</p>'}`);
  });

  h.post('/sandbox/tariffs', async (c) => {
    if (!originAllowed(app, c)) return page('Odrzucono', '<h1>Odrzucono żądanie</h1>');
    const form = await c.req.parseBody();
    const text = (name: string): string | undefined => (typeof form[name] === 'string' ? form[name].slice(0, 500) : undefined);
    const id = await decideTariffChange(app.db, text('request') ?? '', { accept: text('decision') !== 'reject', effectiveFrom: text('effectiveFrom'), reason: text('reason') }, new Date());
    return id
      ? page('Decyzja zapisana', '<div class="pay"><h1>Decyzja zapisana</h1><p>Klient zobaczy ją w eBOK.</p><p><a href="/sandbox/tariffs">Wróć do wniosków</a></p></div>')
      : page('Nie znaleziono wniosku', '<div class="pay"><h1>Nie znaleziono wniosku</h1><p>Wniosek nie istnieje albo już o nim zdecydowano.</p></div>');
  });

  // Marks a message unread again (`readAt` back to null), so a test that opens a message leaves the demo
  // customer's unread count as the seed left it.
  h.post('/api/test/unread-message', async (c) => {
    await app.db.query('UPDATE messages SET read_at = NULL WHERE id = $1', [c.req.query('id') ?? '']);
    return c.body(null, 204);
  });

  // The contract has no operation to confirm a new e-mail address, so its link lands on this server page
  // (a form: state never changes on GET).
  h.get('/sandbox/email-confirm', (c) => {
    const token = c.req.query('token') ?? '';
    return page(
      'Potwierdź nowy adres e-mail',
      `<div class="pay"><h1>Potwierdź nowy adres e-mail</h1><p>Po potwierdzeniu nowy adres stanie się loginem do eBOK.</p>
<form method="post" action="/sandbox/email-confirm"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit" class="ok">Potwierdzam</button></form></div>`,
    );
  });

  h.post('/sandbox/email-confirm', async (c) => {
    if (!originAllowed(app, c)) return page('Odrzucono', '<h1>Odrzucono żądanie</h1>');
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token : '';
    // The same confirmation as `confirmContact`, for whoever holds the link (no session needed here).
    const outcome = await confirmEmailToken(app.db, token, new Date());
    if (!outcome.ok && outcome.reason === 'used') return page('Link został już użyty', '<div class="pay"><h1>Link został już użyty</h1><p>Adres e-mail został już potwierdzony.</p></div>');
    if (!outcome.ok && outcome.reason === 'invalid') {
      return page('Link jest nieważny', '<div class="pay"><h1>Link jest nieważny</h1><p>Link wygasł lub jest nieprawidłowy. Zmień adres ponownie w eBOK.</p></div>');
    }
    return outcome.ok
      ? page('Adres potwierdzony', `<div class="pay"><h1>Adres potwierdzony</h1><p>Od teraz logujesz się adresem <strong>${escapeHtml(outcome.email)}</strong>.</p><p><a href="/">Przejdź do eBOK</a></p></div>`)
      : page('Adres zajęty', '<div class="pay"><h1>Tego adresu nie można użyć</h1><p>Skontaktuj się z nami.</p></div>');
  });

  // The terms: publish a new version (customers accept it at the next login) and put the first one back.
  termsPages(h, app, page);

  h.get('/sandbox/pay/:id', async (c) => {
    const key = c.req.query('key');
    const p = await paymentAt(app, c.req.param('id'), key);
    if (!p) return page('Nie znaleziono płatności', '<h1>Nie znaleziono płatności</h1>');
    const settled = p.status !== 'pending';
    const labels: Record<string, string> = { paid: 'opłacona', declined: 'odrzucona', cancelled: 'anulowana', expired: 'wygasła', pending: 'oczekuje' };
    const action = (name: string, label: string, cls: string) =>
      `<form method="post" action="/sandbox/pay/${encodeURIComponent(p.id)}/${name}"><input type="hidden" name="key" value="${escapeHtml(key ?? '')}"><button type="submit" class="${cls}">${label}</button></form>`;
    return page(
      'Bramka płatności (sandbox)',
      `<div class="pay"><h1>Bramka płatności – sandbox</h1><p>Operator płatności w wersji demonstracyjnej. Żadne pieniądze nie są pobierane.</p>
<p>Kwota do zapłaty:</p><p class="amount">${escapeHtml(formatPln(toCents(p.amount)))}</p>
<p class="meta">Płatność ${escapeHtml(p.id)} · metoda: ${escapeHtml(p.method ?? 'do wyboru')} · status: ${escapeHtml(labels[p.status] ?? p.status)}</p>
${settled ? `<p>Ta płatność już się zakończyła (${escapeHtml(labels[p.status] ?? p.status)}).</p>${p.return_url ? `<p><a href="${escapeHtml(returnTo(p.return_url, p.id, p.status))}">Wróć do serwisu</a></p>` : ''}` : `${action('approve', 'Zapłać', 'ok')}${action('decline', 'Odrzuć (brak środków)', 'no')}${action('cancel', 'Anuluj', '')}`}</div>`,
    );
  });

  h.post('/sandbox/pay/:id/:action', async (c) => {
    if (!originAllowed(app, c)) return page('Odrzucono', '<h1>Odrzucono żądanie</h1>');
    const outcome = ({ approve: 'paid', decline: 'declined', cancel: 'cancelled' } as const)[c.req.param('action') as 'approve' | 'decline' | 'cancel'];
    if (!outcome) return page('Nieznana operacja', '<h1>Nieznana operacja</h1>');
    // The key comes with the page's form (or, for a script, in the address).
    const form = c.req.header('content-type')?.startsWith('application/x-www-form-urlencoded') ? await c.req.parseBody() : {};
    const key = typeof form['key'] === 'string' ? form['key'] : c.req.query('key');
    if (!(await paymentAt(app, c.req.param('id'), key))) return page('Nie znaleziono płatności', '<h1>Nie znaleziono płatności</h1>');
    const p = await app.db.transaction((tx) => settlePayment(tx, c.req.param('id'), outcome, app));
    if (!p) return page('Nie znaleziono płatności', '<h1>Nie znaleziono płatności</h1>');
    return new Response(null, { status: 303, headers: { Location: returnTo(p.return_url ?? `${app.publicOrigin}/`, p.id, p.status), 'Cache-Control': 'no-store' } });
  });
  return h;
}

function returnTo(url: string, id: string, status: string): string {
  const u = new URL(url);
  u.searchParams.set('paymentId', id);
  u.searchParams.set('ebok-payment', id);
  u.searchParams.set('ebok-payment-status', status);
  return u.toString();
}
