import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/messages/ebok-messages.js';
import type { EbokMessages } from '../../src/widgets/messages/messages.js';
import type { EbokUnreadChangeEvent } from '../../src/widgets/messages/messages.events.js';
import {
  allowedOrigins,
  bodyPieces,
  messageQuery,
  messageTitle,
  normalizeFilters,
  paragraphs,
  type Message,
} from '../../src/widgets/messages/messages.logic.js';
import type { EbokErrorEvent, EbokNavigateEvent } from '../../src/core/events.js';
import { configure } from '../../src/api/registry.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { warsawInstant } from '../../src/i18n/calendar.js';
import { localeReady } from '../../src/i18n/locale.js';
import { FakeApi, json, problem, sessionAt, dateFromToday } from '../helpers/fake-api.js';
import { shadow, until } from '../helpers/dom.js';
import { active, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';
import { polishIn } from '../helpers/polish.js';

const BASE = 'https://api.utility.test/api/v1';

/** An instant `days` before today at `hour`:`minute` Polish time, as the API may send it (UTC, `Z`). */
function instant(days: number, hour = 10, minute = 0): string {
  return warsawInstant(dateFromToday(-days), hour * 3600 + minute * 60).toISOString();
}

function message(i: number, over: Partial<Message> = {}): Message {
  return {
    id: `msg_${i}`,
    channel: 'email',
    event: 'new_invoice',
    subject: `Temat ${i}`,
    body: `Treść wiadomości ${i}.`,
    sentAt: instant(1 + i),
    readAt: null,
    ...over,
  };
}

const MESSAGES: Message[] = [
  message(0, { subject: 'Nowa faktura FV/2026/000412', body: `Fakturę znajdziesz w eBOK: ${location.origin}/ebok/faktury.\n\nPodgląd także na https://ebok.utility.test/f/412 albo https://phish.example/ebok.`, sentAt: instant(1, 0, 30) }),
  message(1, { channel: 'sms', event: 'due_date', subject: null, body: 'Energia Przyklad: jutro mija termin platnosci faktury FV/2026/000388 na kwote 214,30 zl. Zaplac w eBOK, aby uniknac odsetek.', readAt: instant(1, 12) }),
  message(2, { channel: 'portal', event: 'overdue_reminder', subject: 'Przypomnienie o zaległej płatności' }),
  message(3, { event: 'debt_collection', subject: 'Wezwanie przedsądowe', readAt: instant(2) }),
  message(4, { channel: 'portal', event: 'planned_works', readAt: instant(3) }),
  message(5, { event: 'reading_window', readAt: instant(4) }),
  message(6, { event: 'payment_received', readAt: instant(5) }),
  message(7, { channel: 'portal', event: 'ticket_reply', readAt: instant(6) }),
  message(8, { event: 'account_security', readAt: instant(7) }),
  message(9, { event: 'other', readAt: instant(8) }),
];
const UNREAD = MESSAGES.filter((m) => m.readAt === null).length;

describe('<ebok-messages>', () => {
  let api: FakeApi;

  function serve(messages: (url: URL) => Response | Promise<Response> = () => json(200, { items: MESSAGES, nextCursor: null, total: MESSAGES.length, unreadCount: UNREAD })) {
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/messages', (request) => messages(new URL(request.url)))
      .on('POST', '/messages/msg_0/read', new Response(null, { status: 204 }))
      .on('POST', '/messages/msg_2/read', new Response(null, { status: 204 }));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  }

  const items = (el: EbokMessages) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="message"]')];
  const itemText = (el: EbokMessages, i: number) => items(el)[i]!.textContent.replace(/\s+/g, ' ');
  const toggle = (el: EbokMessages, i: number) => items(el)[i]!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
  const lastQuery = () => new URL(api.calls('GET', '/messages').at(-1)!.url).searchParams;
  const choose = async (el: EbokMessages, id: string, value: string) => {
    const control = shadow<HTMLSelectElement>(el, `#${id}`);
    control.value = value;
    control.dispatchEvent(new Event('change'));
    await el.list.settled();
  };

  async function mount(template = html`<ebok-messages></ebok-messages>`) {
    const el = await fixture<EbokMessages>(template);
    await localeReady();
    await el.list.settled();
    await until(() => items(el).length > 0 || !!el.shadowRoot!.querySelector('[part~="status"], [part="login"]'), 'the messages settled');
    return el;
  }

  beforeEach(() => resetPage());
  afterEach(() => {
    resetPage();
    history.replaceState(null, '', location.pathname);
  });

  describe('the list', () => {
    it('shows each message with its kind and channel in words, its Polish date and its subject, unread in words, accessibly', async () => {
      serve();
      const el = await mount();
      expect(items(el)).to.have.length(MESSAGES.length);
      const first = itemText(el, 0);
      expect(first).to.contain('Nowa faktura').and.contain('E-mail').and.contain('Nowa faktura FV/2026/000412');
      expect(first, 'the Polish day and time of 00:30 Warsaw time').to.contain(formatDateTime(MESSAGES[0]!.sentAt));
      expect(first).to.contain('nieprzeczytana');
      expect(items(el)[0]!.querySelector('[part="channel"] svg'), 'an icon beside the words').to.exist;
      expect(itemText(el, 1)).to.contain('Termin płatności').and.contain('SMS').and.contain('Energia Przyklad: jutro mija termin').and.contain('…');
      expect(itemText(el, 1), 'a read message says nothing of it').not.to.contain('nieprzeczytana');
      expect(itemText(el, 2)).to.contain('Wezwanie do zapłaty').and.contain('W eBOK');
      const kinds = ['Windykacja', 'Prace planowane', 'Okno odczytu', 'Wpłata zaksięgowana', 'Odpowiedź na zgłoszenie', 'Bezpieczeństwo konta', 'Inne'];
      expect(items(el).slice(3).map((item) => item.querySelector('[part="kind"]')!.textContent)).to.deep.equal(kinds);
      const weight = (i: number) => Number(getComputedStyle(items(el)[i]!.querySelector('[part="title"]')!).fontWeight);
      expect(weight(0), 'unread is bold').to.be.greaterThan(weight(1));
      expect(shadow(el, '[part="count"]').textContent).to.contain('10 wiadomości');
      expect(shadow(el, '[part="unread-summary"]').textContent).to.contain('2 nieprzeczytane');
      expect(el.getAttribute('unread-count')).to.equal('2');
      expect(el.unreadCount).to.equal(2);
      await expect(el).to.be.accessible();
    });

    it('tells the host the unread count on the first load (ebok-unread-change)', async () => {
      serve();
      const el = document.createElement('ebok-messages');
      const told: Promise<EbokUnreadChangeEvent> = oneEvent(el, 'ebok-unread-change');
      await fixture(el);
      expect((await told).detail).to.deep.equal({ count: UNREAD });
    });

    it('speaks English, kinds, channels and dates included, accessibly', async () => {
      serve();
      const el = await mount(html`<ebok-messages lang="en"></ebok-messages>`);
      await until(() => words(el).includes('Messages'), 'English');
      expect(words(el)).to.contain('New invoice').and.contain('Due date').and.contain('Payment reminder').and.contain('Debt collection').and.contain('In eBOK').and.contain('2 unread');
      const shown = [...el.shadowRoot!.querySelectorAll('[part="kind"], [part="channel"], label, [part="count"], [part="unread-summary"]')].map((n) => n.textContent).join(' ');
      expect(await polishIn(shown)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });

  describe('opening a message', () => {
    it('shows the whole text and marks it read exactly once, with the CSRF token; the count and the event go down', async () => {
      serve();
      const el = await mount();
      const told: Promise<EbokUnreadChangeEvent> = oneEvent(el, 'ebok-unread-change');
      toggle(el, 0).click();
      await el.updateComplete;
      expect(toggle(el, 0).getAttribute('aria-expanded')).to.equal('true');
      const body = items(el)[0]!.querySelector<HTMLElement>('[part="body"]')!;
      expect(body.hidden).to.equal(false);
      expect(body.id).to.equal(toggle(el, 0).getAttribute('aria-controls'));
      expect(body.textContent).to.contain('Fakturę znajdziesz w eBOK');
      expect((await told).detail.count).to.equal(UNREAD - 1);
      expect(el.getAttribute('unread-count')).to.equal(String(UNREAD - 1));
      expect(itemText(el, 0)).not.to.contain('nieprzeczytana');
      // Closed and opened again: no second mark.
      toggle(el, 0).click();
      await el.updateComplete;
      expect(body.hidden).to.equal(true);
      toggle(el, 0).click();
      await el.updateComplete;
      await until(() => api.calls('POST', '/messages/msg_0/read').length > 0, 'the mark');
      await new Promise((resolve) => setTimeout(resolve, 50));
      const marks = api.calls('POST', '/messages/msg_0/read');
      expect(marks).to.have.length(1);
      expect(marks[0]!.headers.get('X-CSRF-Token')).to.equal('csrf-123');
      // A message already read is never marked.
      toggle(el, 1).click();
      await el.updateComplete;
      expect(api.seen.filter((s) => s.method === 'POST')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('keeps a message unread when the server refuses the mark, with no error shown nor reported', async () => {
      serve();
      api.on('POST', '/messages/msg_0/read', problem(500, 'internal_error'));
      const el = await mount();
      const errors: Event[] = [];
      el.addEventListener('ebok-error', (e) => errors.push(e));
      const counts: number[] = [];
      el.addEventListener('ebok-unread-change', (e) => counts.push(e.detail.count));
      toggle(el, 0).click();
      await until(() => counts.length === 2, 'down, then back up');
      expect(counts).to.deep.equal([UNREAD - 1, UNREAD]);
      await el.updateComplete;
      expect(itemText(el, 0)).to.contain('nieprzeczytana');
      expect(el.getAttribute('unread-count')).to.equal(String(UNREAD));
      expect(items(el)[0]!.querySelector('[part="body"]')!.textContent, 'still open to read').to.contain('Fakturę');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      expect(errors).to.have.length(0);
    });

    it('links addresses of its own origins only; a foreign one stays text', async () => {
      serve();
      const el = await mount(html`<ebok-messages link-origins="https://ebok.utility.test nonsense"></ebok-messages>`);
      toggle(el, 0).click();
      await el.updateComplete;
      const body = items(el)[0]!.querySelector<HTMLElement>('[part="body"]')!;
      const links = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(links).to.deep.equal([`${location.origin}/ebok/faktury`, 'https://ebok.utility.test/f/412']);
      expect(body.textContent, 'the sentence keeps its full stop, outside the link').to.contain('/ebok/faktury.');
      expect(body.textContent).to.contain('https://phish.example/ebok');
      expect(body.querySelectorAll('p'), 'paragraphs at blank lines').to.have.length(2);
      const navigate: Promise<EbokNavigateEvent> = oneEvent(el, 'ebok-navigate');
      el.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
      body.querySelector('a')!.click();
      expect((await navigate).detail).to.deep.include({ target: 'message-link', href: `${location.origin}/ebok/faktury` });
    });

    it('never reads a body as HTML', async () => {
      serve(() => json(200, { items: [message(0, { body: '<img src=x onerror="window.__pwned=1"><b>pogrubione</b> <a href="https://phish.example">kliknij</a>' })], nextCursor: null, unreadCount: 1 }));
      const el = await mount();
      toggle(el, 0).click();
      await el.updateComplete;
      const body = items(el)[0]!.querySelector<HTMLElement>('[part="body"]')!;
      expect(body.querySelector('img, b, a')).to.equal(null);
      expect(body.textContent).to.contain('<b>pogrubione</b>');
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('works with the keyboard alone: Tab to a message, Enter and Space open and close it, focus stays on it', async () => {
      serve();
      const el = await mount();
      shadow<HTMLInputElement>(el, '#unread').focus();
      await sendKeys({ press: 'Tab' });
      expect(active(el), 'Tab from the filters lands on the first message').to.equal(toggle(el, 0));
      await sendKeys({ press: 'Enter' });
      await until(() => toggle(el, 0).getAttribute('aria-expanded') === 'true', 'opened by Enter');
      expect(active(el)).to.equal(toggle(el, 0));
      await until(() => el.unreadCount === UNREAD - 1, 'marked read');
      expect(active(el), 'focus stays after the mark re-rendered it').to.equal(toggle(el, 0));
      await sendKeys({ press: 'Space' });
      await until(() => toggle(el, 0).getAttribute('aria-expanded') === 'false', 'closed by Space');
      await sendKeys({ press: 'Tab' });
      expect(active(el), 'the next message, not the closed text').to.equal(toggle(el, 1));
      await sendKeys({ press: 'Space' });
      await until(() => toggle(el, 1).getAttribute('aria-expanded') === 'true', 'opened by Space');
      await expect(el).to.be.accessible();
    });
  });

  describe('filters', () => {
    it('asks for the kind, the channel and only unread, and reflects them in the attributes', async () => {
      serve();
      const el = await mount();
      expect([...lastQuery().keys()].sort()).to.deep.equal(['limit']);
      await choose(el, 'event', 'debt_collection');
      expect(lastQuery().getAll('event')).to.deep.equal(['debt_collection']);
      expect(el.getAttribute('event')).to.equal('debt_collection');
      await choose(el, 'channel', 'sms');
      expect(lastQuery().get('channel')).to.equal('sms');
      expect(el.getAttribute('channel')).to.equal('sms');
      const unread = shadow<HTMLInputElement>(el, '#unread');
      unread.click();
      await el.list.settled();
      expect(lastQuery().get('unread')).to.equal('true');
      expect(el.hasAttribute('unread')).to.equal(true);
      unread.click();
      await el.list.settled();
      // The answer without `unread` came a moment ago: the client's cache answers it, no new request.
      expect(el.filters.unreadOnly).to.equal('');
      expect(el.unread).to.equal(false);
      expect(el.hasAttribute('unread')).to.equal(false);
      expect(items(el)).to.have.length(MESSAGES.length);
    });

    it('takes several kinds from the attribute, each once, and drops ones it does not know', async () => {
      serve();
      const el = await mount(html`<ebok-messages event="debt_collection overdue_reminder debt_collection bogus" channel="fax" unread></ebok-messages>`);
      expect(lastQuery().getAll('event')).to.deep.equal(['overdue_reminder', 'debt_collection']);
      expect(lastQuery().has('channel')).to.equal(false);
      expect(lastQuery().get('unread')).to.equal('true');
      expect(shadow<HTMLSelectElement>(el, '#event').selectedOptions[0]!.textContent).to.contain('Wybrane rodzaje (2)');
    });

    it('says when no message matches, and clears the filters on request, focus on the title, accessibly', async () => {
      serve((url) => json(200, url.searchParams.has('event') ? { items: [], nextCursor: null, total: 0, unreadCount: UNREAD } : { items: MESSAGES, nextCursor: null, unreadCount: UNREAD }));
      const el = await mount(html`<ebok-messages event="debt_collection"></ebok-messages>`);
      expect(words(el)).to.contain('Żadna wiadomość nie pasuje do wybranych filtrów');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '.status ~ .actions [part="clear"]').click();
      await el.list.settled();
      await until(() => items(el).length === MESSAGES.length, 'every message again');
      expect(lastQuery().has('event')).to.equal(false);
      expect(el.hasAttribute('event') && el.getAttribute('event') !== '').to.equal(false);
      expect(active(el)?.getAttribute('part')).to.equal('heading');
    });

    it("with url-state reads and writes its own ebok-messages- parameters, leaving the host's alone", async () => {
      history.replaceState(null, '', `${location.pathname}?tab=konto&ebok-messages-channel=sms#wiadomosci`);
      serve();
      const el = await mount(html`<ebok-messages url-state channel="email"></ebok-messages>`);
      expect(el.channel, 'the address wins').to.equal('sms');
      expect(lastQuery().get('channel')).to.equal('sms');
      await choose(el, 'event', 'due_date');
      shadow<HTMLInputElement>(el, '#unread').click();
      await el.list.settled();
      const url = new URL(location.href);
      expect(url.searchParams.get('ebok-messages-event')).to.equal('due_date');
      expect(url.searchParams.get('ebok-messages-unread')).to.equal('true');
      expect(url.searchParams.get('tab')).to.equal('konto');
      expect(url.hash).to.equal('#wiadomosci');
      shadow<HTMLButtonElement>(el, '[part="filters"] [part="clear"]').click();
      expect([...new URL(location.href).searchParams.keys()]).to.deep.equal(['tab']);
    });
  });

  describe('paging', () => {
    it('loads further pages with "load more", each message once, keeping the unread count of the newest page', async () => {
      const ALL = 45;
      serve((url) => {
        const offset = Number(url.searchParams.get('cursor') ?? '0');
        const limit = Number(url.searchParams.get('limit'));
        const page = Array.from({ length: Math.min(limit, ALL - offset) }, (_, i) => message(offset + i));
        return json(200, { items: page, nextCursor: offset + limit < ALL ? String(offset + limit) : null, unreadCount: ALL - offset });
      });
      const el = await mount();
      expect(items(el)).to.have.length(20);
      shadow<HTMLButtonElement>(el, '[part="more-button"]').click();
      await until(() => items(el).length === 40, 'the second page');
      expect(new URL(api.calls('GET', '/messages')[1]!.url).searchParams.get('cursor')).to.equal('20');
      expect(el.unreadCount).to.equal(ALL - 20);
    });
  });

  describe('states', () => {
    it('says it is loading while the first page is on its way, accessibly', async () => {
      serve(() => new Promise<Response>(() => {}));
      const el = await fixture<EbokMessages>(html`<ebok-messages></ebok-messages>`);
      await localeReady();
      await until(() => words(el).includes('Wczytywanie: wiadomości'), 'the loading state');
      expect(shadow(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      expect(el.hasAttribute('unread-count')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('says there are no messages yet, without a clear button, accessibly', async () => {
      serve(() => json(200, { items: [], nextCursor: null, unreadCount: 0 }));
      const el = await mount();
      expect(words(el)).to.contain('Nie masz jeszcze żadnych wiadomości');
      expect(el.shadowRoot!.querySelector('[part="clear"]')).to.equal(null);
      expect(el.getAttribute('unread-count')).to.equal('0');
      await expect(el).to.be.accessible();
    });

    it('shows a server error with a retry that loads again, reports ebok-error, accessibly', async () => {
      let first = true;
      serve(() => {
        if (!first) return json(200, { items: MESSAGES, nextCursor: null, unreadCount: UNREAD });
        first = false;
        return problem(500, 'internal_error');
      });
      const el = await fixture<EbokMessages>(html`<ebok-messages></ebok-messages>`);
      const error: EbokErrorEvent = await oneEvent(el, 'ebok-error');
      expect(error.detail.code).to.equal('internal_error');
      await until(() => words(el).includes('Nie udało się wczytać wiadomości'), 'the error');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
      await until(() => items(el).length === MESSAGES.length, 'messages after retry');
    });

    for (const [what, body] of [
      ['items that are not an array', { items: 'nope', nextCursor: null, unreadCount: 1 }],
      ['no unreadCount', { items: MESSAGES, nextCursor: null }],
      ['a message without an id', { items: [{ ...MESSAGES[0], id: undefined }], nextCursor: null, unreadCount: 1 }],
    ] as const) {
      it(`shows the error state for an answer with ${what}, and "Try again" asks the server again`, async () => {
        let calls = 0;
        serve(() => (++calls === 1 ? json(200, body) : json(200, { items: MESSAGES, nextCursor: null, unreadCount: UNREAD })));
        const el = await mount();
        expect(el.shadowRoot!.querySelector('[part~="error"]'), words(el)).to.exist;
        expect(items(el)).to.have.length(0);
        shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
        await until(() => items(el).length === MESSAGES.length, 'messages after retry');
      });
    }

    it('says the device is offline, with a retry, accessibly', async () => {
      const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        api = new FakeApi().on('GET', '/auth/session', json(200, sessionAt())).on('GET', '/messages', new TypeError('Failed to fetch'));
        configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
        const el = await mount();
        expect(words(el)).to.contain('Brak połączenia z internetem');
        expect(el.shadowRoot!.querySelector('[part~="offline"] [part~="retry"]')).to.exist;
        await expect(el).to.be.accessible();
      } finally {
        Object.defineProperty(navigator, 'onLine', onLine);
        delete (navigator as unknown as { onLine?: boolean }).onLine;
      }
    });

    it('asks to log in when signed out, without asking for messages, accessibly', async () => {
      api = new FakeApi().on('GET', '/auth/session', problem(401, 'unauthenticated'));
      configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
      const el = await mount(html`<ebok-messages login-href="/logowanie"></ebok-messages>`);
      expect(words(el)).to.contain('Zaloguj się, aby zobaczyć wiadomości');
      expect(shadow(el, '[part="login"]').getAttribute('href')).to.equal('/logowanie');
      expect(el.shadowRoot!.querySelector('[part="filters"]')).to.equal(null);
      expect(api.calls('GET', '/messages')).to.have.length(0);
      expect(el.hasAttribute('unread-count')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('the pure rules', () => {
    it('cleans the filters and makes the query, event repeated once each', () => {
      expect(normalizeFilters({ event: 'due_date,bogus due_date new_invoice', channel: 'SMS', unreadOnly: 'yes' })).to.deep.equal({ event: 'new_invoice due_date', channel: '', unreadOnly: '' });
      expect(messageQuery(normalizeFilters({ event: 'debt_collection', channel: 'portal', unreadOnly: 'true' }))).to.deep.equal({ event: ['debt_collection'], channel: 'portal', unread: true });
      expect(messageQuery(normalizeFilters({}))).to.deep.equal({});
    });

    it('shows the start of an SMS, cut at a word', () => {
      expect(messageTitle({ subject: null, body: 'Krótko.' })).to.equal('Krótko.');
      const long = messageTitle({ subject: null, body: 'słowo '.repeat(30) });
      expect(long.endsWith('…')).to.equal(true);
      expect(long.length).to.be.at.most(81);
      expect(messageTitle({ subject: '  ', body: 'Treść' })).to.equal('Treść');
    });

    it('links only http(s) addresses of allowed origins, never one disguised with a user name', () => {
      const origins = allowedOrigins('https://www.utility.test', 'https://ebok.utility.test/sciezka javascript:alert(1) ftp://utility.test');
      expect([...origins]).to.deep.equal(['https://www.utility.test', 'https://ebok.utility.test']);
      const pieces = bodyPieces('Zobacz https://www.utility.test/a?b=1, https://www.utility.test@phish.example/x i (https://ebok.utility.test/y).', origins);
      expect(pieces.filter((p) => p.kind === 'link').map((p) => p.text)).to.deep.equal(['https://www.utility.test/a?b=1', 'https://ebok.utility.test/y']);
      expect(pieces.map((p) => p.text).join('')).to.equal('Zobacz https://www.utility.test/a?b=1, https://www.utility.test@phish.example/x i (https://ebok.utility.test/y).');
      expect(paragraphs('a\r\nb\n\n\nc')).to.deep.equal(['a\nb', 'c']);
    });
  });
});
