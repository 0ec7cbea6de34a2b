import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/ticket-form/ebok-ticket-form.js';
import type { EbokTicketForm } from '../../src/widgets/ticket-form/ticket-form.js';
import type { EbokTicketCreatedEvent } from '../../src/widgets/ticket-form/ticket-form.events.js';
import { configure, getClient } from '../../src/api/registry.js';
import { FakeApi, json, problem, sessionAt, type Seen } from '../helpers/fake-api.js';
import { documentSummary, persona, pointsOf, type Schemas } from '../../demo/personas/index.js';
import { ticketCategories } from '../../stories/mocks/data.js';
import { shadow, until } from '../helpers/dom.js';
import { active, control, fieldError, fill, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';
const energia = persona('energia');
const documents = energia
  .documents()
  .map((d) => documentSummary(d, new Date(), true))
  .sort((a, b) => b.issueDate.localeCompare(a.issueDate));
const points = pointsOf(energia);
const created = (over: Partial<Schemas['TicketDetail']> = {}): Schemas['TicketDetail'] => ({
  id: 'tkt_new',
  number: 'ZG/2026/002017',
  categoryId: 'cat_question',
  subject: 'Pytanie',
  status: 'open',
  pointId: null,
  documentId: null,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  lastMessageAuthor: 'customer',
  messages: [],
  ...over,
});
const pdf = (name = 'skan.pdf') => new File([new TextEncoder().encode('%PDF-1.4\n%test\n')], name, { type: 'application/pdf' });

/** A multipart text part's value. */
function part(seen: Seen, name: string): string | undefined {
  return new RegExp(`name="${name}"\\r\\n\\r\\n([^]*?)\\r\\n--`).exec(seen.body)?.[1];
}
const fileNames = (seen: Seen) => [...seen.body.matchAll(/name="attachments"; filename="([^"]*)"/g)].map((m) => m[1]);

describe('<ebok-ticket-form>', () => {
  let api: FakeApi;
  const posts = () => api.calls('POST', '/tickets');

  beforeEach(() => {
    resetPage();
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/tickets/categories', json(200, { items: ticketCategories }))
      .on('GET', '/points', json(200, { items: points, nextCursor: null }))
      .on('GET', '/documents', json(200, { items: documents.slice(0, 10), nextCursor: null }))
      .on('POST', '/tickets', json(201, created()));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => resetPage());

  async function widget(template = html`<ebok-ticket-form tickets-href="/zgloszenia"></ebok-ticket-form>`) {
    const el = await fixture<EbokTicketForm>(template);
    await until(() => !!el.shadowRoot?.querySelector('form, [part~="status"]:not([role="status"])'), 'the form settled', 5000);
    return el;
  }

  async function choose(el: EbokTicketForm, categoryId: string) {
    control(el, `categoryId-${categoryId}`).click();
    await el.updateComplete;
  }

  async function attach(el: EbokTicketForm, ...files: File[]) {
    const input = control(el, 'attachments');
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => el.shadowRoot!.querySelectorAll('[part="attachment"]').length === files.length && !words(el).includes('Przygotowujemy'), 'the files listed');
  }

  async function write(el: EbokTicketForm, subject = 'Pytanie o fakturę', message = 'Dzień dobry,\nproszę o wyjaśnienie.') {
    await fill(el, 'subject', subject);
    await fill(el, 'message', message);
  }

  const send = (el: EbokTicketForm) => shadow<HTMLButtonElement>(el, '[part="submit"]').click();

  it('offers the categories from the API with their descriptions, an outage showing whom to call', async () => {
    const el = await widget();
    const labels = [...el.shadowRoot!.querySelectorAll('[part="categories"] label')].map((l) => l.textContent.trim());
    expect(labels).to.deep.equal(ticketCategories.map((c) => c.label.pl));
    const outage = control(el, 'categoryId-cat_outage');
    const about = el.shadowRoot!.getElementById(outage.getAttribute('aria-describedby')!)!;
    expect(about.textContent, 'the emergency line is read with the choice').to.contain('112');
    await expect(el).to.be.accessible();
  });

  it('asks for the point where the category needs one, and takes no files where it takes none', async () => {
    const el = await widget();
    await choose(el, 'cat_outage');
    await until(() => !!el.shadowRoot!.querySelector('[part="choice"]'), 'the points');
    expect(shadow(el, '[part="choice"] legend').textContent).to.contain('punktu poboru');
    expect(el.shadowRoot!.querySelector('[part="attachments"]'), 'an outage takes no files').to.equal(null);
    await choose(el, 'cat_question');
    expect(el.shadowRoot!.querySelector('[part="choice"]')).to.equal(null);
    expect(shadow(el, '[part="attachments"]').textContent).to.contain('najwyżej 3');
  });

  it('says what is missing on send, announces the count, and focuses the first field', async () => {
    const el = await widget();
    send(el);
    await until(() => !!el.shadowRoot!.querySelector('[part="error-summary"]'), 'the summary');
    expect(shadow(el, '[part="error-summary"]').getAttribute('role')).to.equal('alert');
    expect(words(el)).to.contain('Formularz ma 3 błędy');
    expect(active(el)?.id).to.equal('categoryId-cat_invoice');
    expect(posts()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a complaint needs the invoice: chosen from the newest, or found by its number (the server searches)', async () => {
    const el = await widget();
    await choose(el, 'cat_invoice');
    await until(() => !!el.shadowRoot!.querySelector('[part="documents"] input[type="radio"]'), 'the documents');
    const radios = el.shadowRoot!.querySelectorAll('[part="documents"] input[type="radio"]');
    expect(radios).to.have.length(10);
    expect(shadow(el, `label[for="documentId-${documents[0]!.id}"]`).textContent).to.contain(documents[0]!.number);
    const wanted = documents[3]!;
    api.on('GET', '/documents', json(200, { items: [wanted], nextCursor: null }));
    await fill(el, 'documentId-search', wanted.number.slice(-6), false);
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelectorAll('[part="documents"] input[type="radio"]').length === 1, 'the search result');
    expect(new URL(api.calls('GET', '/documents').at(-1)!.url).searchParams.get('q')).to.equal(wanted.number.slice(-6));
    expect(posts(), 'Enter in the search does not send the ticket').to.have.length(0);
    control(el, `documentId-${wanted.id}`).click();
    await write(el);
    send(el);
    await until(() => posts().length === 1, 'sent');
    expect([part(posts()[0]!, 'categoryId'), part(posts()[0]!, 'documentId'), part(posts()[0]!, 'pointId')]).to.deep.equal(['cat_invoice', wanted.id, undefined]);
  });

  it('a host presets "complain about this invoice": the complaint category by kind and the document read by its id', async () => {
    const old = documents.at(-1)!;
    api.on('GET', `/documents/${old.id}`, json(200, old));
    const el = await widget(html`<ebok-ticket-form category="complaint" document-id=${old.id}></ebok-ticket-form>`);
    await until(() => !!el.shadowRoot!.querySelector(`#documentId-${old.id}`), 'the preset document shown');
    expect(control(el, 'categoryId-cat_invoice').checked).to.equal(true);
    expect(control(el, `documentId-${old.id}`).checked).to.equal(true);
  });

  it('with url-state takes the presets from the page address (?ebok-category=, ?ebok-document=)', async () => {
    history.replaceState(null, '', `?ebok-category=cat_invoice&ebok-document=${documents[0]!.id}`);
    const el = await widget(html`<ebok-ticket-form url-state></ebok-ticket-form>`);
    await until(() => !!el.shadowRoot!.querySelector(`#documentId-${documents[0]!.id}`), 'the document');
    expect(control(el, `documentId-${documents[0]!.id}`).checked).to.equal(true);
  });

  it('shows the characters left under the message, read with it, and announces them only near the limit', async () => {
    const el = await widget();
    const message = control<HTMLTextAreaElement>(el, 'message');
    expect(message.maxLength).to.equal(5000);
    const count = el.shadowRoot!.getElementById('message-count')!;
    expect(message.getAttribute('aria-describedby')).to.contain('message-count');
    await fill(el, 'message', 'Dzień dobry');
    expect(count.textContent).to.equal('Zostało 4989 znaków.');
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(live.textContent.trim(), 'nothing said far from the limit').to.equal('');
    await fill(el, 'message', 'x'.repeat(4997));
    expect(count.textContent).to.equal('Zostały 3 znaki.');
    expect(live.textContent.trim()).to.equal('Zostały 3 znaki.');
  });

  it('sends the ticket with its files once, whatever the clicks, shows its number and fires ebok-ticket-created', async () => {
    const el = await widget();
    await choose(el, 'cat_question');
    await write(el);
    await attach(el, pdf('umowa.pdf'), pdf('aneks.pdf'));
    const event = oneEvent<EbokTicketCreatedEvent>(el, 'ebok-ticket-created');
    send(el);
    send(el);
    const { detail } = await event;
    expect(detail).to.deep.equal({ id: 'tkt_new', number: 'ZG/2026/002017', categoryId: 'cat_question', status: 'open' });
    expect(posts()).to.have.length(1);
    const seen = posts()[0]!;
    expect(seen.headers.get('Idempotency-Key')).to.match(/^[\w-]{16,}$/);
    expect([part(seen, 'subject'), part(seen, 'message')]).to.deep.equal(['Pytanie o fakturę', 'Dzień dobry,\r\nproszę o wyjaśnienie.']);
    expect(fileNames(seen)).to.deep.equal(['umowa.pdf', 'aneks.pdf']);
    await until(() => !!el.shadowRoot!.querySelector('[part="result"]'), 'the answer');
    expect(shadow(el, '[part="result"]').textContent).to.contain('ZG/2026/002017');
    expect(active(el)?.classList.contains('result__title'), 'focus on the answer').to.equal(true);
    expect(shadow<HTMLAnchorElement>(el, '[part="tickets"]').getAttribute('href')).to.equal('/zgloszenia');
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part="another"]').click();
    await el.updateComplete;
    expect(control(el, 'subject').value, 'a new ticket starts empty').to.equal('');
  });

  it('keeps the subject, the message, the category and the files after a failed send, and retries with the same key', async () => {
    const el = await widget();
    await choose(el, 'cat_question');
    await write(el);
    await attach(el, pdf());
    api.on('POST', '/tickets', problem(503, 'service_unavailable'), json(201, created()));
    send(el);
    await until(() => !!el.shadowRoot!.querySelector('[part~="notice"]'), 'the failure');
    expect(control(el, 'subject').value).to.equal('Pytanie o fakturę');
    expect(control<HTMLTextAreaElement>(el, 'message').value).to.contain('proszę o wyjaśnienie');
    expect(control(el, 'categoryId-cat_question').checked).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[part="attachment"]')).to.have.length(1);
    expect(active(el)?.getAttribute('part')).to.equal('submit');
    send(el);
    await until(() => !!el.shadowRoot!.querySelector('[part="result"]'), 'sent on the retry');
    const keys = posts().map((s) => s.headers.get('Idempotency-Key'));
    expect(keys[1], 'the same key: never two tickets').to.equal(keys[0]);
  });

  it('puts the server refusal of a file on the attachments field, naming the file', async () => {
    const el = await widget();
    await choose(el, 'cat_question');
    await write(el);
    await attach(el, pdf('dziwny.pdf'));
    api.on('POST', '/tickets', problem(422, 'attachment_type_not_allowed', { fields: [{ field: '/attachments/0', code: 'attachment_type_not_allowed', message: 'Dozwolone są pliki: PDF.' }] }));
    send(el);
    await until(() => !!fieldError(el, 'attachments'), 'the file error');
    expect(fieldError(el, 'attachments')).to.contain('dziwny.pdf');
    expect(words(el)).to.contain('Formularz ma 1 błąd');
  });

  it('after a 401 mid-form asks to log in, then sends by itself with the same key', async () => {
    const el = await widget();
    await choose(el, 'cat_question');
    await write(el);
    api.on('POST', '/tickets', problem(401, 'session_expired'), json(201, created()));
    send(el);
    await until(() => words(el).includes('Zaloguj się'), 'asked to log in again');
    const event = oneEvent<EbokTicketCreatedEvent>(el, 'ebok-ticket-created');
    getClient(BASE)!.signedIn(sessionAt());
    await event;
    const keys = posts().map((s) => s.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('when someone else logs in after the session ended, sends nothing in their name and keeps nothing of the first', async () => {
    const el = await widget();
    await choose(el, 'cat_question');
    await write(el, 'Prywatna sprawa', 'Treść pierwszego klienta');
    api.on('POST', '/tickets', problem(401, 'session_expired'), json(201, created()));
    send(el);
    await until(() => words(el).includes('Zaloguj się'), 'asked to log in again');
    const other = sessionAt();
    getClient(BASE)!.signedIn({ ...other, user: { ...other.user, id: 'usr_someone_else' } });
    await until(() => !!el.shadowRoot!.querySelector('#subject'), 'the form for the new customer');
    await el.updateComplete;
    expect(posts(), 'not resent for the other customer').to.have.length(1);
    expect(control(el, 'subject').value).to.equal('');
    expect(control<HTMLTextAreaElement>(el, 'message').value).to.equal('');
  });

  describe('without a connection', () => {
    let onLine: PropertyDescriptor | undefined;
    afterEach(() => {
      if (onLine) Object.defineProperty(navigator, 'onLine', onLine);
      onLine = undefined;
    });

    it('keeps the ticket, says it is not sent yet, and sends it once when the device is online again', async () => {
      const el = await widget();
      await choose(el, 'cat_question');
      await write(el);
      await attach(el, pdf());
      onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      api.on('POST', '/tickets', new TypeError('Failed to fetch'), json(201, created()));
      send(el);
      await until(() => !!el.shadowRoot!.querySelector('[part="queued"]'), 'the queued panel');
      expect(shadow(el, '[part="queued"]').textContent).to.contain('nie jest jeszcze wysłane');
      await expect(el).to.be.accessible();
      Object.defineProperty(navigator, 'onLine', onLine!);
      onLine = undefined;
      window.dispatchEvent(new Event('online'));
      await until(() => !!el.shadowRoot!.querySelector('[part="result"]'), 'sent when online');
      const keys = posts().map((s) => s.headers.get('Idempotency-Key'));
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      expect(fileNames(posts()[1]!)).to.deep.equal(['skan.pdf']);
    });
  });

  it('is filled in and sent with the keyboard alone', async () => {
    const el = await widget();
    control(el, 'categoryId-cat_invoice').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(control(el, 'categoryId-cat_question').checked, 'arrows move through the categories').to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('subject');
    await sendKeys({ type: 'Pytanie' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('message');
    await sendKeys({ type: 'Treść pytania' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id, 'the drop zone is reached as a labelled file button').to.equal('attachments');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await until(() => posts().length === 1, 'sent');
    expect(part(posts()[0]!, 'subject')).to.equal('Pytanie');
  });

  it('shows a signed-out customer the way to log in, and asks for nothing', async () => {
    api.on('GET', '/auth/session', problem(401, 'unauthenticated'));
    const el = await fixture<EbokTicketForm>(html`<ebok-ticket-form login-href="/logowanie"></ebok-ticket-form>`);
    await until(() => !!el.shadowRoot!.querySelector('[part="login"]'), 'the login link');
    expect(api.calls('GET', '/tickets/categories')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('survives a malformed categories answer with an error and a retry', async () => {
    api.on('GET', '/tickets/categories', json(200, { nope: true }), json(200, { items: ticketCategories }));
    const el = await widget();
    expect(el.shadowRoot!.querySelector('[part="retry"]')).to.not.equal(null);
    shadow<HTMLButtonElement>(el, '[part="retry"]').click();
    await until(() => !!el.shadowRoot!.querySelector('form'), 'the form after the retry');
  });
});
