import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/widgets/points/ebok-points.js';
import '../../src/widgets/contracts/ebok-contracts.js';
import type { EbokPoints } from '../../src/widgets/points/points.js';
import type { EbokContracts } from '../../src/widgets/contracts/contracts.js';
import { fileSaver } from '../../src/kit/download.js';
import { signInAs } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { active, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

/**
 * The points of delivery and the contracts against the reference server over HTTP: firma@example.com's 12 points
 * under its contracts, a point's detail, and a contract's document as a real PDF.
 */
describe('<ebok-points> and <ebok-contracts> with the reference server', function () {
  this.timeout(30000);
  let save: sinon.SinonStub;

  beforeEach(() => {
    save = sinon.stub(fileSaver, 'save');
  });
  afterEach(() => {
    save.restore();
    resetPage();
    history.replaceState(null, '', location.pathname);
  });

  it('shows firma@example.com\'s 12 points, ten at a time, with their numbers, and opens one with its links', async () => {
    await signInAs('firma@example.com');
    const el = await fixture<EbokPoints>(html`<ebok-points readings-href="/odczyty?point={pointId}"></ebok-points>`);
    await until(() => !!el.shadowRoot!.querySelector('[part="list"], [part~="status"]:not(.status--loading)'), 'the points', 15000);
    expect(shadow(el, '[part="count"]').textContent).to.contain('12 punktów poboru');
    const openers = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="point-open"]')];
    expect(openers).to.have.length(10);
    expect(words(el)).to.match(/Numer PP[EG]/).and.to.contain('Moc umowna').and.to.contain('Odczyt licznika');
    await expect(el).to.be.accessible();
    const id = openers[0]!.dataset['point']!;
    openers[0]!.click();
    await until(() => active(el)?.classList.contains('detail__title') === true, 'focus on the point\'s title');
    expect(shadow<HTMLAnchorElement>(el, '[part="readings-link"]').getAttribute('href')).to.equal(`/odczyty?point=${id}`);
    expect(el.shadowRoot!.querySelectorAll('[part="meter"]').length).to.be.at.least(1);
    await expect(el).to.be.accessible();
  });

  it('shows firma@example.com\'s contracts with their points, and a contract\'s document downloads as a real PDF', async () => {
    await signInAs('firma@example.com');
    const el = await fixture<EbokContracts>(html`<ebok-contracts point-href="/punkty?ebok-point={pointId}"></ebok-contracts>`);
    await until(() => !!el.shadowRoot!.querySelector('[part="list"], [part~="status"]:not(.status--loading)'), 'the contracts', 15000);
    const contracts = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="contract"]')];
    expect(contracts.length).to.be.at.least(2);
    expect(words(el)).to.match(/12 punktów poboru|\d+ punkt/);
    await expect(el).to.be.accessible();
    let downloaded = false;
    for (const card of contracts) {
      const id = card.querySelector<HTMLButtonElement>('[part~="contract-open"]')!.dataset['contract']!;
      el.open(id);
      await until(() => !!el.shadowRoot!.querySelector('.detail__title') && !!el.shadowRoot!.querySelector('[part="documents"], .section p'), `contract ${id}`, 10000);
      const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="point-link"]')];
      expect(links.every((a) => a.getAttribute('href')!.startsWith('/punkty?ebok-point=pt_'))).to.equal(true);
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="document-download"]');
      if (!button) continue;
      await expect(el).to.be.accessible();
      button.click();
      await until(() => save.called, 'the PDF saved', 10000);
      const [blob, name] = save.firstCall.args as [Blob, string];
      expect(blob.type).to.equal('application/pdf');
      expect(name).to.match(/\.pdf$/);
      expect(new TextDecoder().decode(await blob.slice(0, 5).arrayBuffer())).to.equal('%PDF-');
      downloaded = true;
      break;
    }
    expect(downloaded, 'a contract with a document').to.equal(true);
    // Every point belongs to a contract the list shows: together they make the 12.
    const points = await fixture<EbokPoints>(html`<ebok-points></ebok-points>`);
    await until(() => !!points.shadowRoot!.querySelector('[part="count"]'), 'the points', 15000);
    expect(shadow(points, '[part="count"]').textContent).to.contain('12');
  });
});
