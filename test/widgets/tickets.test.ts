import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { spy } from 'sinon';
import '../../src/widgets/tickets/ebok-tickets.js';
import type { EbokTickets } from '../../src/widgets/tickets/tickets.js';
import type { EbokNavigateEvent } from '../../src/core/events.js';
import type { EbokTicketRepliedEvent } from '../../src/widgets/tickets/tickets.events.js';
import { configure } from '../../src/api/registry.js';
import { FakeApi, json, problem, sessionAt, type Seen } from '../helpers/fake-api.js';
import { ENERGIA_IDS, persona, type Schemas } from '../../demo/personas/index.js';
import { ticketCategories } from '../../stories/mocks/data.js';
import { shadow, until } from '../helpers/dom.js';
import { active, control, fieldError, fill, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';
import { image } from '../helpers/images.js';

const BASE = 'https://api.utility.test/api/v1';
const energia = persona('energia');
const details = energia.tickets;
const summaries = details.map(({ messages: _messages, ...ticket }) => ticket).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
const detail = (id: string) => details.find((t) => t.id === id)!;
const reply = (over: Partial<Schemas['TicketMessage']> = {}): Schemas['TicketMessage'] => ({
  id: 'tmsg_new',
  author: 'customer',
  authorName: 'Jan Kowalski',
  body: 'Przesyłam zdjęcie.',
  createdAt: new Date().toISOString(),
  attachments: [],
  ...over,
});

/** A multipart text part's value. */
function part(seen: Seen, name: string): string | undefined {
  return new RegExp(`name="${name}"\\r\\n\\r\\n([^]*?)\\r\\n--`).exec(seen.body)?.[1];
}

describe('<ebok-tickets>', () => {
  let api: FakeApi;
  const awaiting = ENERGIA_IDS.tickets.awaitingCustomer;

  beforeEach(() => {
    resetPage();
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/tickets/categories', json(200, { items: ticketCategories }))
      .on('GET', '/tickets', json(200, { items: summaries, nextCursor: null, total: summaries.length }));
    for (const t of details) api.on('GET', `/tickets/${t.id}`, json(200, t));
    api.on('POST', `/tickets/${awaiting}/messages`, json(201, reply()));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => resetPage());

  async function widget(template = html`<ebok-tickets new-ticket-href="/napisz"></ebok-tickets>`) {
    const el = await fixture<EbokTickets>(template);
    await until(() => !!el.shadowRoot?.querySelector('[part="list"], [part~="status"]:not([role="status"]), .thread__title, [part="login"]'), 'the tickets settled', 5000);
    return el;
  }

  async function openTicket(el: EbokTickets, id: string) {
    shadow<HTMLButtonElement>(el, `[data-ticket="${id}"]`).click();
    await until(() => !!el.shadowRoot!.querySelector('.thread__title'), 'the thread');
  }

  it('lists every ticket with its number, category, status in words and last activity, the one waiting for the customer flagged', async () => {
    const el = await widget();
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="ticket"]')];
    expect(rows).to.have.length(details.length);
    const text = words(el);
    for (const status of ['Nowe', 'W realizacji', 'Czeka na Twoją odpowiedź', 'Rozwiązane', 'Zamknięte']) expect(text, status).to.contain(status);
    const flagged = el.shadowRoot!.querySelectorAll('[part~="ticket-awaiting"]');
    expect(flagged).to.have.length(1);
    expect(flagged[0]!.textContent).to.contain(detail(awaiting).number);
    expect(flagged[0]!.textContent).to.contain('Odczyt licznika');
    expect(flagged[0]!.textContent).to.match(/Ostatnia zmiana: \d/);
    expect(shadow(el, '[part="count"]').textContent).to.contain('5 zgłoszeń');
    await expect(el).to.be.accessible();
  });

  it('the filter asks the API for the running or the finished tickets, and an empty filter offers all of them', async () => {
    const el = await widget();
    api.on('GET', '/tickets', json(200, { items: [], nextCursor: null, total: 0 }));
    const select = control<HTMLSelectElement>(el, 'scope');
    select.value = 'open';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => words(el).includes('Nie masz zgłoszeń w toku'), 'the empty filter');
    const asked = new URL(api.calls('GET', '/tickets').at(-1)!.url).searchParams.getAll('status');
    expect(asked).to.deep.equal(['open', 'in_progress', 'awaiting_customer']);
    expect(el.getAttribute('scope')).to.equal('open');
    expect(shadow(el, '[part="new-ticket"]').getAttribute('href')).to.equal('/napisz');
    shadow<HTMLButtonElement>(el, '[part="clear"]').click();
    // All of them again (the first answer, from the client's cache).
    await until(() => el.shadowRoot!.querySelectorAll('[part~="ticket"]').length === details.length, 'all tickets again');
    expect(el.hasAttribute('scope') && el.getAttribute('scope') !== '').to.equal(false);
  });

  it('opening a ticket shows its thread oldest first, the consultant named, with the attachment to download, and focus on its subject', async () => {
    const el = await widget();
    await openTicket(el, ENERGIA_IDS.tickets.answered);
    expect(active(el)?.textContent?.trim()).to.equal(detail(ENERGIA_IDS.tickets.answered).subject);
    const posts = [...el.shadowRoot!.querySelectorAll('[part~="post"]')];
    expect(posts.map((p) => p.getAttribute('part'))).to.deep.equal(['post post-customer', 'post post-consultant']);
    expect(posts[1]!.textContent).to.contain('Katarzyna z Biura Obsługi Klienta (konsultant)');
    expect(posts[0]!.textContent).to.contain('Ty');
    const downloads = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="attachment-download"]')];
    expect(downloads).to.have.length(2);
    expect(downloads[1]!.getAttribute('aria-label')).to.match(/^Pobierz .+\.pdf \(PDF, \d+ kB\)$/);
    expect(words(el)).to.contain('Sprawa jest rozwiązana');
    await expect(el).to.be.accessible();
  });

  it('"All tickets" goes back to the list with focus on the ticket left, and with url-state Back does too', async () => {
    history.replaceState(null, '', location.pathname);
    const el = await widget(html`<ebok-tickets url-state></ebok-tickets>`);
    // A new history entry (history.length cannot tell: a tab keeps at most 50 entries, which a long run fills).
    const push = spy(history, 'pushState');
    try {
      await openTicket(el, awaiting);
    } finally {
      push.restore();
    }
    expect(new URL(location.href).searchParams.get('ebok-ticket')).to.equal(awaiting);
    expect(push.callCount, 'opening a ticket is a step Back undoes').to.equal(1);
    expect(new URL(String(push.firstCall.args[2]), location.href).searchParams.get('ebok-ticket')).to.equal(awaiting);
    shadow<HTMLButtonElement>(el, '[part="back"]').click();
    await until(() => active(el)?.getAttribute('data-ticket') === awaiting, 'focus on the ticket left');
    expect(new URL(location.href).searchParams.get('ebok-ticket')).to.equal(null);
    // What Back and Forward do, without leaving the test page: the address changes, then popstate.
    history.replaceState(null, '', `${location.pathname}?ebok-ticket=${awaiting}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await until(() => el.ticketId === awaiting && !!el.shadowRoot!.querySelector('.thread__title'), 'reopened by Back');
    await until(() => active(el)?.classList.contains('thread__title') === true, 'focus on the reopened thread');
    history.replaceState(null, '', location.pathname);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await until(() => el.ticketId === '', 'the list by Back');
    await until(() => active(el)?.getAttribute('data-ticket') === awaiting, 'focus back on the ticket left, not lost');
  });

  it('a link with ?ebok-ticket= opens that ticket straight away', async () => {
    history.replaceState(null, '', `${location.pathname}?ebok-ticket=${awaiting}`);
    try {
      const el = await widget(html`<ebok-tickets url-state></ebok-tickets>`);
      await until(() => !!el.shadowRoot!.querySelector('.thread__title'), 'the thread');
      expect(shadow(el, '.thread__title').textContent).to.contain(detail(awaiting).subject);
      expect(words(el)).to.contain('Konsultant prosi o odpowiedź');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('a reply goes once with its file, shows in the thread, is announced and fires ebok-ticket-replied', async () => {
    const el = await widget();
    await openTicket(el, awaiting);
    const after = { ...detail(awaiting), status: 'open' as const, messages: [...detail(awaiting).messages, reply({ body: 'Przesyłam zdjęcie licznika.' })] };
    await fill(el, 'message', 'Przesyłam zdjęcie licznika.');
    const input = control(el, 'attachments');
    const transfer = new DataTransfer();
    transfer.items.add(new File([await image(400, 300, 'image/png')], 'licznik.png', { type: 'image/png' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => el.shadowRoot!.querySelectorAll('[part="attachment"]').length === 1 && !words(el).includes('Przygotowujemy'), 'the file listed');
    api.on('GET', `/tickets/${awaiting}`, json(200, after));
    const replied = oneEvent<EbokTicketRepliedEvent>(el, 'ebok-ticket-replied');
    const button = shadow<HTMLButtonElement>(el, '[part="submit"]');
    button.click();
    button.click();
    const { detail: event } = await replied;
    expect(event).to.deep.equal({ ticketId: awaiting, number: detail(awaiting).number, messageId: 'tmsg_new' });
    const posts = api.calls('POST', `/tickets/${awaiting}/messages`);
    expect(posts, 'one reply for two clicks').to.have.length(1);
    expect(part(posts[0]!, 'message')).to.equal('Przesyłam zdjęcie licznika.');
    expect(part(posts[0]!, 'ticketId'), 'the ticket is in the path, not the body').to.equal(undefined);
    expect(posts[0]!.body).to.contain('filename="licznik.png"');
    expect(posts[0]!.headers.get('Idempotency-Key')).to.be.a('string');
    await until(() => words(el).includes('Wysłaliśmy Twoją odpowiedź'), 'the confirmation');
    await until(() => active(el)?.getAttribute('data-post') === 'tmsg_new', 'focus on the new message');
    expect(control<HTMLTextAreaElement>(el, 'message').value).to.equal('');
  });

  it('a failed reply keeps the text; an empty one says what to write', async () => {
    const el = await widget();
    await openTicket(el, awaiting);
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => !!fieldError(el, 'message'), 'the empty reply refused');
    expect(fieldError(el, 'message')).to.contain('Napisz treść odpowiedzi');
    api.on('POST', `/tickets/${awaiting}/messages`, problem(503, 'service_unavailable'));
    await fill(el, 'message', 'Odczyt: 12345');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part~="notice"][part~="error"], [part~="notice"][part~="warning"]'), 'the failure');
    expect(control<HTMLTextAreaElement>(el, 'message').value).to.equal('Odczyt: 12345');
  });

  it('a draft is kept when the customer looks at another ticket and comes back', async () => {
    const el = await widget();
    await openTicket(el, awaiting);
    await fill(el, 'message', 'Jeszcze nie skończyłem');
    shadow<HTMLButtonElement>(el, '[part="back"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="list"]'), 'the list');
    await openTicket(el, ENERGIA_IDS.tickets.open);
    expect(control<HTMLTextAreaElement>(el, 'message').value).to.equal('');
    shadow<HTMLButtonElement>(el, '[part="back"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="list"]'), 'the list');
    await openTicket(el, awaiting);
    expect(control<HTMLTextAreaElement>(el, 'message').value).to.equal('Jeszcze nie skończyłem');
  });

  it('a closed ticket takes no reply and leads to a new ticket', async () => {
    const el = await widget();
    await openTicket(el, ENERGIA_IDS.tickets.closed);
    expect(el.shadowRoot!.querySelector('[part="reply"]')).to.equal(null);
    expect(words(el)).to.contain('nie można już na nie odpowiedzieć');
    const link = shadow<HTMLAnchorElement>(el, '[part="new-ticket"]');
    const navigate = oneEvent<EbokNavigateEvent>(el, 'ebok-navigate');
    el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
    link.click();
    expect((await navigate).detail.target).to.equal('new-ticket');
  });

  it('keyboard only: Tab reaches a ticket, Enter opens it, the reply field is reachable, and the thread is accessible', async () => {
    const el = await widget();
    const select = control<HTMLSelectElement>(el, 'scope');
    select.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('ticket-open');
    const first = active(el)!.getAttribute('data-ticket')!;
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.classList.contains('thread__title') === true, 'focus on the thread title');
    expect(el.ticketId).to.equal(first);
    await expect(el).to.be.accessible();
  });

  it('a ticket that is not the customer\'s says so; a malformed thread is an error with retry, not a broken page', async () => {
    api.on('GET', '/tickets/tkt_nope', problem(404, 'not_found'));
    const el = await widget(html`<ebok-tickets ticket-id="tkt_nope"></ebok-tickets>`);
    await until(() => words(el).includes('Nie znaleźliśmy tego zgłoszenia'), 'not found');
    api.on('GET', `/tickets/${awaiting}`, json(200, { id: awaiting }));
    el.ticketId = awaiting;
    await until(() => !!el.shadowRoot!.querySelector('[part="retry"]'), 'the error with retry');
    api.on('GET', `/tickets/${awaiting}`, json(200, detail(awaiting)));
    shadow<HTMLButtonElement>(el, '[part="retry"]').click();
    await until(() => !!el.shadowRoot!.querySelector('.thread__title'), 'the thread after retry');
  });

  it('loading, error with retry and signed-out states', async () => {
    api.on('GET', '/tickets', problem(500, 'internal_error'));
    const el = await widget();
    expect(el.shadowRoot!.querySelector('[part="retry"]')).to.not.equal(null);
    api.on('GET', '/tickets', json(200, { items: summaries, nextCursor: null }));
    shadow<HTMLButtonElement>(el, '[part="retry"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="list"]'), 'the list after retry');
    resetPage();
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
    api.on('GET', '/auth/session', new Response(null, { status: 204 }));
    const out = await widget();
    expect(words(out)).to.contain('Zaloguj się, aby zobaczyć swoje zgłoszenia');
  });

  it('pages a long history with "Pokaż starsze zgłoszenia"', async () => {
    api.on('GET', '/tickets', json(200, { items: summaries.slice(0, 3), nextCursor: 'c2', total: summaries.length }), json(200, { items: summaries.slice(3), nextCursor: null, total: summaries.length }));
    const el = await widget();
    expect(el.shadowRoot!.querySelectorAll('[part~="ticket"]')).to.have.length(3);
    shadow<HTMLButtonElement>(el, '[part="more-button"]').click();
    await until(() => el.shadowRoot!.querySelectorAll('[part~="ticket"]').length === summaries.length, 'the second page');
    expect(new URL(api.calls('GET', '/tickets').at(-1)!.url).searchParams.get('cursor')).to.equal('c2');
  });

  it('speaks English', async () => {
    const el = await widget(html`<ebok-tickets lang="en"></ebok-tickets>`);
    await until(() => words(el).includes('Waiting for your reply'), 'English');
    expect(words(el)).to.contain('Your tickets').and.contain('5 tickets').and.contain('In progress').and.contain('Last change');
    await expect(el).to.be.accessible();
  });
});
