import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/widgets/ticket-form/ebok-ticket-form.js';
import '../../src/widgets/invoice-list/ebok-invoice-list.js';
import type { EbokTicketForm } from '../../src/widgets/ticket-form/ticket-form.js';
import type { EbokTicketCreatedEvent } from '../../src/widgets/ticket-form/ticket-form.events.js';
import type { EbokInvoiceList } from '../../src/widgets/invoice-list/invoice-list.js';
import type { EbokNavigateEvent } from '../../src/core/events.js';
import { ENERGIA_IDS, makePdf } from '../../demo/personas/index.js';
import { cleanups, outbox, signInAs, undoTicket } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { control, fieldError, fill, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';
import { image } from '../helpers/images.js';

/**
 * The ticket form against the reference server over HTTP: the categories and documents of a demo customer, real
 * cookies and CSRF, a real multipart upload checked by its bytes on the server, the idempotency record. Every
 * ticket a test creates is deleted after it, so the customer's list stays as the other tests expect.
 */
describe('<ebok-ticket-form> with the reference server', function () {
  this.timeout(30000);
  const undo = cleanups();
  afterEach(async () => {
    resetPage();
    await undo.run();
  });

  async function form(template = html`<ebok-ticket-form url-state></ebok-ticket-form>`) {
    const el = await fixture<EbokTicketForm>(template);
    await until(() => !!el.shadowRoot?.querySelector('form'), 'the ticket form', 15000);
    el.addEventListener('ebok-ticket-created', (e) => undo.later(() => undoTicket(e.detail.id)));
    return el;
  }

  function drop(el: EbokTicketForm, files: File[]) {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    shadow(el, '[part="attachments"]').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }

  it('energia complains about its overdue invoice from the list: the invoice chosen, a PDF and a photo dropped, sent again after the connection broke', async () => {
    await signInAs('energia@example.com');
    // The list's "Reklamuj" leads to the form's page with the complaint and the invoice chosen.
    const list = await fixture<EbokInvoiceList>(html`<ebok-invoice-list status="overdue" complaint-href="/zgloszenia.html"></ebok-invoice-list>`);
    await until(() => !!list.shadowRoot?.querySelector('[part="complaint-link"]'), 'the overdue invoice with its complaint link', 15000);
    const link = shadow<HTMLAnchorElement>(list, '[part="complaint-link"]');
    const navigate = oneEvent<EbokNavigateEvent>(list, 'ebok-navigate');
    list.addEventListener('ebok-navigate', (e) => e.preventDefault(), { once: true });
    link.click();
    expect((await navigate).detail.params?.documentId).to.equal(ENERGIA_IDS.overdueInvoice);
    history.replaceState(null, '', new URL(link.href).search);
    list.remove();

    const el = await form();
    await until(() => !!el.shadowRoot!.querySelector(`#documentId-${ENERGIA_IDS.overdueInvoice}`), 'the overdue invoice chosen', 10000);
    expect(control(el, 'categoryId-cat_invoice').checked).to.equal(true);
    expect(control(el, `documentId-${ENERGIA_IDS.overdueInvoice}`).checked).to.equal(true);
    await fill(el, 'subject', 'Zawyżona faktura');
    await fill(el, 'message', 'Dzień dobry,\nfaktura uwzględnia zużycie z prognozy. Proszę o korektę.');
    drop(el, [new File([makePdf(['Moj odczyt z lutego'])], 'odczyt.pdf', { type: 'application/pdf' }), new File([await image(800, 600, 'image/jpeg')], 'licznik.jpg', { type: 'image/jpeg' })]);
    await until(() => el.shadowRoot!.querySelectorAll('[part="attachment"]').length === 2 && !words(el).includes('Przygotowujemy'), 'both files listed');

    // The connection breaks while it goes: the ticket waits, nothing is lost, and it goes once when back.
    // (The upload goes by XMLHttpRequest, for its progress: its send fails as it does with no signal.)
    const realXhrSend = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest) {
      setTimeout(() => void this.onerror?.(new ProgressEvent('error')), 0);
    };
    try {
      shadow<HTMLButtonElement>(el, '[part="submit"]').click();
      await until(() => !!el.shadowRoot!.querySelector('[part="queued"]'), 'kept while offline', 10000);
    } finally {
      XMLHttpRequest.prototype.send = realXhrSend;
    }
    expect(control(el, 'subject').value).to.equal('Zawyżona faktura');
    expect(el.shadowRoot!.querySelectorAll('[part="attachment"]')).to.have.length(2);
    const created = oneEvent<EbokTicketCreatedEvent>(el, 'ebok-ticket-created');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="queued"] button')!.click();
    const { detail } = await created;
    expect(detail.number).to.match(/^ZG\/\d{4}\/\d{6}$/);
    expect(shadow(el, '[part="result"]').textContent).to.contain(detail.number);

    const client = await signInAs('energia@example.com');
    const ticket = await client.get('/tickets/{ticketId}', { params: { path: { ticketId: detail.id } } });
    expect([ticket.categoryId, ticket.documentId]).to.deep.equal(['cat_invoice', ENERGIA_IDS.overdueInvoice]);
    expect(ticket.messages[0]!.attachments.map((a) => [a.name, a.contentType])).to.deep.equal([
      ['odczyt.pdf', 'application/pdf'],
      ['licznik.jpg', 'image/jpeg'],
    ]);
    const { items } = await client.get('/tickets', { params: { query: { limit: 50 } } });
    expect(items.filter((t) => t.subject === 'Zawyżona faktura'), 'one ticket, not two').to.have.length(1);
    const mails = await outbox('energia@example.com');
    expect(mails.some((m) => m.subject.includes(detail.number)), 'the confirmation e-mail').to.equal(true);
  });

  it('a file disguised as a PDF is refused by its bytes before any upload, and the message is sent without it', async () => {
    await signInAs('energia@example.com');
    const el = await form();
    control(el, 'categoryId-cat_question').click();
    await el.updateComplete;
    await fill(el, 'subject', 'Pytanie');
    await fill(el, 'message', 'Treść pytania');
    // A program renamed to .pdf: its bytes say it is no PDF, so it is not even uploaded.
    drop(el, [new File(['MZ\x90\x00 not a pdf'], 'faktura.pdf', { type: 'application/pdf' })]);
    await until(() => words(el).includes('Nie dodaliśmy pliku „faktura.pdf”'), 'the browser refuses the fake PDF');
    expect(fieldError(el, 'attachments')).to.equal(undefined);
    const created = oneEvent<EbokTicketCreatedEvent>(el, 'ebok-ticket-created');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    expect((await created).detail.categoryId).to.equal('cat_question');
  });
});
