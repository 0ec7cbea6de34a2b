import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/widgets/tariff-change/ebok-tariff-change.js';
import type { EbokTariffChange } from '../../src/widgets/tariff-change/tariff-change.js';
import type { EbokTariffChangeRequestedEvent } from '../../src/widgets/tariff-change/tariff-change.events.js';
import { cleanups, signInAs, undoTariffChange } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';

/** `<ebok-tariff-change>` against the reference server over HTTP; each filed request is deleted afterwards. */
describe('tariff change with the reference server', function () {
  this.timeout(30000);
  const undo = cleanups();
  const words = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => resetPage());
  afterEach(async () => {
    resetPage();
    await undo.run();
  });

  async function widget() {
    const el = await fixture<EbokTariffChange>(html`<ebok-tariff-change point-id="pt_e_0001"></ebok-tariff-change>`);
    await until(() => !!el.shadowRoot?.querySelector('[part="options"], [part="pending"]'), 'the tariffs', 10000);
    return el;
  }

  it('energia files G12 → G12W for pt_e_0001; the request shows pending and no second one is offered, also after a reload', async () => {
    await signInAs('energia@example.com');
    const el = await widget();
    expect(el.shadowRoot!.querySelector('[part="pending"]'), 'no request pending before the test').to.equal(null);
    expect(shadow(el, '[part="current"]').textContent).to.contain('G12');
    shadow<HTMLInputElement>(el, '#tariff-G12W').click();
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, '[part="next"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part="confirm"]'), 'the confirmation');
    const requested = oneEvent<EbokTariffChangeRequestedEvent>(el, 'ebok-tariff-change-requested');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    const { detail } = await requested;
    undo.later(() => undoTariffChange(detail.id));
    expect(detail).to.include({ pointId: 'pt_e_0001', fromTariff: 'G12', toTariff: 'G12W', status: 'submitted' });
    await until(() => words(el).includes('Wysłaliśmy wniosek o zmianę taryfy z G12 na G12W.'), 'the confirmation message', 10000);
    expect(shadow(el, '[part~="request-submitted"]').textContent).to.contain('Z G12 na G12W');

    await signInAs('energia@example.com');
    const again = await widget();
    expect(shadow(again, '[part="pending"]').textContent).to.contain('z G12 na G12W czeka na decyzję');
    expect(again.shadowRoot!.querySelector('input[name="tariff"]'), 'no second request offered').to.equal(null);
  });
});
