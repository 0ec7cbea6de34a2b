/**
 * The demo's hooks for the terms: publish a new version of a utility's terms (its customers accept it at the next
 * login) and put the first one back. A JSON hook for tests and a sandbox page with buttons for people trying the
 * demo, as the other hooks of pages.ts.
 */
import type { Hono } from 'hono';
import { originAllowed, type AppState } from './core.ts';
import { publishTerms, restoreTerms, withCurrentTerms } from './terms.ts';
import { initialTerms, utilityOfKind } from '../personas/index.ts';
import { escapeHtml } from './util.ts';

/** `energy` / `gas` / `water` (the demo pages' words), a kind or a utility id → the utility's id. */
function utilityId(app: AppState, asked: string | undefined): string | undefined {
  const id = utilityOfKind(asked ?? 'energy')?.id ?? asked;
  return id && app.utilities.has(id) ? id : undefined;
}

export function termsPages(h: Hono, app: AppState, page: (title: string, body: string) => Response): void {
  // `POST /api/test/terms-version?utility=energy` with an optional JSON body `{ version, summary }`: publishes new terms.
  h.post('/api/test/terms-version', async (c) => {
    const id = utilityId(app, c.req.query('utility'));
    if (!id) return c.json({ code: 'not_found' }, 404);
    const body = (await c.req.json().catch(() => ({}))) as { version?: unknown; summary?: unknown };
    const version = typeof body.version === 'string' && /^[\w.-]{1,40}$/.test(body.version) ? body.version : undefined;
    const summary = typeof body.summary === 'string' ? { pl: body.summary.slice(0, 500) } : undefined;
    const terms = await publishTerms(app, id, { ...(version ? { version } : {}), ...(summary ? { summary } : {}) });
    return c.json(terms, 200, { 'Cache-Control': 'no-store' });
  });

  // `DELETE /api/test/terms-version?utility=energy`: the demo's first terms again, accepted by the utility's customers.
  h.delete('/api/test/terms-version', async (c) => {
    const id = utilityId(app, c.req.query('utility'));
    if (!id) return c.json({ code: 'not_found' }, 404);
    await restoreTerms(app, id, initialTerms());
    return c.body(null, 204);
  });

  h.get('/sandbox/terms', async () => {
    const rows = (await Promise.all([...app.utilities.values()].map((u) => withCurrentTerms(app.db, u))))
      .map(
        (u) => `<div class="item"><h2>${escapeHtml(u.name)}</h2><p class="meta">Obowiązujący regulamin: wersja <strong>${escapeHtml(u.config.terms.version)}</strong> z ${escapeHtml(u.config.terms.publishedAt.slice(0, 10))}</p>
<form method="post" action="/sandbox/terms"><input type="hidden" name="utility" value="${escapeHtml(u.id)}"><button type="submit" class="ok" name="action" value="publish">Opublikuj nową wersję regulaminu</button><button type="submit" name="action" value="restore">Przywróć pierwszą wersję</button></form></div>`,
      )
      .join('');
    return page(
      'Regulamin eBOK (sandbox)',
      `<h1>Regulamin eBOK – sandbox</h1><p>Po opublikowaniu nowej wersji każdy klient tej firmy przy następnym logowaniu musi zaakceptować regulamin, zanim zobaczy eBOK.</p>${rows}`,
    );
  });

  h.post('/sandbox/terms', async (c) => {
    if (!originAllowed(app, c)) return page('Odrzucono', '<h1>Odrzucono żądanie</h1>');
    const form = await c.req.parseBody();
    const id = utilityId(app, typeof form.utility === 'string' ? form.utility : undefined);
    if (!id) return page('Nie znaleziono firmy', '<div class="pay"><h1>Nie znaleziono firmy</h1></div>');
    if (form.action === 'restore') await restoreTerms(app, id, initialTerms());
    else await publishTerms(app, id);
    return new Response(null, { status: 303, headers: { Location: '/sandbox/terms', 'Cache-Control': 'no-store' } });
  });
}
