import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/widgets/tickets/ebok-tickets.js';
import type { EbokTickets } from '../../src/widgets/tickets/tickets.js';
import type { EbokTicketRepliedEvent } from '../../src/widgets/tickets/tickets.events.js';
import { fileSaver } from '../../src/kit/download.js';
import { ENERGIA_IDS } from '../../demo/personas/index.js';
import { cleanups, consultantReply, outbox, signInAs, undoTicket } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { fill, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

/**
 * The tickets against the reference server over HTTP: a demo customer's real tickets, a consultant's reply added
 * by the server's back-office hook, a reply sent as multipart with the CSRF token and an Idempotency-Key, and a
 * real attachment download. A ticket a test creates is deleted after it.
 */
describe('<ebok-tickets> with the reference server', function () {
  this.timeout(30000);
  const undo = cleanups();
  let saved: { blob: Blob; name: string }[] = [];
  const realSave = fileSaver.save;
  beforeEach(() => {
    saved = [];
    fileSaver.save = (blob, name) => void saved.push({ blob, name });
  });
  afterEach(async () => {
    fileSaver.save = realSave;
    resetPage();
    await undo.run();
  });

  async function tickets() {
    const el = await fixture<EbokTickets>(html`<ebok-tickets></ebok-tickets>`);
    await until(() => !!el.shadowRoot?.querySelector('[part="list"]'), 'the tickets', 15000);
    return el;
  }

  async function open(el: EbokTickets, id: string) {
    await until(() => !!el.shadowRoot!.querySelector(`[data-ticket="${id}"]`), `the ticket ${id} in the list`, 10000);
    shadow<HTMLButtonElement>(el, `[data-ticket="${id}"]`).click();
    await until(() => !!el.shadowRoot!.querySelector('.thread__title'), 'the thread', 10000);
  }

  it("energia's tickets in every status, and the consultant's PDF downloaded from the answered one", async () => {
    await signInAs('energia@example.com');
    const el = await tickets();
    expect(el.shadowRoot!.querySelectorAll('[part~="ticket-awaiting"]').length).to.be.at.least(1);
    await open(el, ENERGIA_IDS.tickets.answered);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="attachment-download"]')];
    buttons.find((b) => b.textContent?.includes('.pdf'))!.click();
    await until(() => saved.length === 1, 'the file saved', 10000);
    expect(saved[0]!.name).to.match(/\.pdf$/);
    expect(new TextDecoder().decode((await saved[0]!.blob.arrayBuffer()).slice(0, 5))).to.equal('%PDF-');
  });

  it("a consultant's reply shows in the thread, the ticket waits for the customer, and the customer's reply reopens it", async () => {
    const client = await signInAs('woda@example.com');
    const data = new FormData();
    data.set('categoryId', 'cat_question');
    data.set('subject', 'Pytanie o wodomierz');
    data.set('message', 'Kiedy wymiana wodomierza?');
    const ticket = await client.post('/tickets', { params: { header: { 'Idempotency-Key': crypto.randomUUID() } }, body: data as never });
    undo.later(() => undoTicket(ticket.id));
    await consultantReply(ticket.id, 'Dzień dobry, prosimy o numer wodomierza.');

    const el = await tickets();
    await open(el, ticket.id);
    expect(words(el)).to.contain('prosimy o numer wodomierza').and.contain('Czeka na Twoją odpowiedź');
    await fill(el, 'message', 'Numer: WM-0045121');
    const replied = oneEvent<EbokTicketRepliedEvent>(el, 'ebok-ticket-replied');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    expect((await replied).detail).to.include({ ticketId: ticket.id, number: ticket.number });
    await until(() => words(el).includes('Numer: WM-0045121') && !words(el).includes('Czeka na Twoją odpowiedź'), 'the reply in the thread, the ticket open again', 10000);

    const after = await client.get('/tickets/{ticketId}', { params: { path: { ticketId: ticket.id } } });
    expect(after.status).to.equal('open');
    expect(after.messages.map((m) => m.author)).to.deep.equal(['customer', 'consultant', 'customer']);
    const mails = await outbox('woda@example.com');
    expect(mails.some((m) => m.subject === `Odpowiedź na zgłoszenie ${ticket.number}`), 'the e-mail about the reply').to.equal(true);
    const { items } = await client.get('/messages', { params: { query: { limit: 50 } } });
    expect(items.some((m) => m.event === 'ticket_reply' && m.subject?.includes(ticket.number)), 'the portal message about the reply').to.equal(true);
  });
});
