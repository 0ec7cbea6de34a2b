import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/widgets/contracts/ebok-contracts.js';
import type { EbokContracts } from '../../src/widgets/contracts/contracts.js';
import { configure } from '../../src/api/registry.js';
import { fileSaver } from '../../src/kit/download.js';
import { FakeApi, json, problem, sessionAt } from '../helpers/fake-api.js';
import { contractDetailOf, contractsOf, persona, pointsOf } from '../../demo/personas/index.js';
import { shadow, until } from '../helpers/dom.js';
import { active, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

const BASE = 'https://api.utility.test/api/v1';
const firma = persona('firma');
const contracts = contractsOf(firma);
const withDocuments = contracts.find((c) => (contractDetailOf(firma, c.id)?.documents.length ?? 0) > 0)!;
const detail = contractDetailOf(firma, withDocuments.id)!;

describe('<ebok-contracts>', () => {
  let api: FakeApi;
  let save: sinon.SinonStub;

  beforeEach(() => {
    resetPage();
    save = sinon.stub(fileSaver, 'save');
    api = new FakeApi()
      .on('GET', '/auth/session', json(200, sessionAt()))
      .on('GET', '/contracts', json(200, { items: contracts, nextCursor: null }))
      .on('GET', '/points', json(200, { items: pointsOf(firma), nextCursor: null }))
      .on('GET', `/contracts/${withDocuments.id}`, json(200, detail));
    configure({ apiBase: BASE, fetch: api.fetch, retry: { retries: 0 } });
  });
  afterEach(() => {
    save.restore();
    resetPage();
  });

  async function widget(template = html`<ebok-contracts point-href="/punkty?ebok-point={pointId}"></ebok-contracts>`) {
    const el = await fixture<EbokContracts>(template);
    await until(() => !!el.shadowRoot?.querySelector('[part="list"], [part="detail-title"], [part~="status"]:not(.status--loading)'), 'the contracts settled', 5000);
    return el;
  }

  it('lists every contract with its number, product, period, status in words and its points, accessibly', async () => {
    const el = await widget();
    const items = [...el.shadowRoot!.querySelectorAll('[part~="contract"]')];
    expect(items).to.have.length(contracts.length);
    expect(words(el)).to.contain(`${contracts.length} umowy`);
    const first = items[0]!.textContent.replace(/\s+/g, ' ');
    expect(first).to.contain(`Umowa nr ${contracts[0]!.number}`).and.contain(contracts[0]!.product).and.match(/od \d{2}\.\d{2}\.\d{4}/);
    expect(first).to.match(/Obowiązuje|Zakończona|Podpisana/);
    await expect(el).to.be.accessible();
  });

  it('opens a contract with focus on its number, links its points, and goes back with focus on it', async () => {
    const el = await widget();
    const opener = shadow<HTMLButtonElement>(el, `[data-contract="${withDocuments.id}"]`);
    opener.focus();
    opener.click();
    await until(() => active(el)?.getAttribute('part') === 'detail-title', 'focus on the contract');
    expect(active(el)!.textContent).to.contain(withDocuments.number);
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="point-link"]')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(withDocuments.pointIds.map((id) => `/punkty?ebok-point=${id}`));
    expect(el.shadowRoot!.querySelectorAll('[part="document"]')).to.have.length(detail.documents.length);
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part="back"]').click();
    await until(() => active(el)?.getAttribute('data-contract') === withDocuments.id, 'focus back on the contract');
  });

  it('downloads a document as the PDF the server sends, under its name', async () => {
    const document = detail.documents[0]!;
    api.on('GET', `/contracts/${withDocuments.id}/documents/${document.id}`, () => new Response(new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="umowa.pdf"' } }));
    const el = await widget(html`<ebok-contracts contract-id=${withDocuments.id}></ebok-contracts>`);
    await until(() => !!el.shadowRoot!.querySelector('[part="document-download"]'), 'the documents');
    shadow<HTMLButtonElement>(el, '[part="document-download"]').click();
    await until(() => save.called, 'the file saved');
    const [blob, name] = save.firstCall.args as [Blob, string];
    expect(name).to.equal('umowa.pdf');
    expect(blob.type).to.equal('application/pdf');
    expect(await blob.text()).to.match(/^%PDF-/);
  });

  it('says a missing document is unavailable and whom to ask, without breaking the contract', async () => {
    const document = detail.documents[0]!;
    api.on('GET', `/contracts/${withDocuments.id}/documents/${document.id}`, problem(404, 'not_found'));
    const el = await widget(html`<ebok-contracts contract-id=${withDocuments.id}></ebok-contracts>`);
    await until(() => !!el.shadowRoot!.querySelector('[part="document-download"]'), 'the documents');
    shadow<HTMLButtonElement>(el, '[part="document-download"]').click();
    await until(() => words(el).includes('jest niedostępny'), 'the problem said');
    expect(save.called).to.equal(false);
    expect(words(el)).to.contain(withDocuments.number);
  });

  it('says a contract of another account is not found', async () => {
    api.on('GET', '/contracts/ctr_not_mine', problem(404, 'not_found'));
    const el = await widget(html`<ebok-contracts contract-id="ctr_not_mine"></ebok-contracts>`);
    await until(() => words(el).includes('Nie znaleźliśmy tej umowy'), 'not found');
  });

  it('offers to try again when the contracts cannot be loaded, and shows them after', async () => {
    api.on('GET', '/contracts', problem(500, 'internal'), json(200, { items: contracts, nextCursor: null }));
    const el = await widget();
    expect(words(el)).to.contain('Nie udało się wczytać umów.');
    shadow<HTMLButtonElement>(el, '[part~="retry"]').click();
    await until(() => el.shadowRoot!.querySelectorAll('[part~="contract"]').length === contracts.length, 'the contracts after the retry');
  });

  it('says when there are no contracts yet', async () => {
    api.on('GET', '/contracts', json(200, { items: [], nextCursor: null }));
    const el = await widget();
    expect(words(el)).to.contain('Nie masz jeszcze podpisanych umów.');
  });
});
