import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/widgets/meter-reading/ebok-meter-reading.js';
import type { EbokMeterReading } from '../../src/widgets/meter-reading/meter-reading.js';
import type { EbokReadingSubmittedEvent } from '../../src/widgets/meter-reading/meter-reading.events.js';
import type { ReadingContext } from '../../src/widgets/meter-reading/meter-reading.logic.js';
import { signInAs, cleanups, undoReading } from '../helpers/reference-server.js';
import { shadow, until } from '../helpers/dom.js';
import { fill, words } from '../helpers/harness.js';
import { resetPage } from '../helpers/page.js';

/**
 * The meter reading against the reference server over HTTP: the demo customers' meters, real cookies, a real
 * multipart upload with a photo, the server's plausibility rule. Every reading a test sends is deleted after
 * it, so the meters' last readings stay as the other tests expect.
 */
describe('<ebok-meter-reading> with the reference server', function () {
  this.timeout(30000);
  const undo = cleanups();
  afterEach(async () => {
    resetPage();
    await undo.run();
  });

  async function readingFor(email: string, pointId: string) {
    const client = await signInAs(email);
    const context: ReadingContext = await client.get('/points/{pointId}/reading-context', { params: { path: { pointId } } });
    const el = await fixture<EbokMeterReading>(html`<ebok-meter-reading point-id=${pointId}></ebok-meter-reading>`);
    await until(() => !!el.shadowRoot?.querySelector('form'), `${email}'s reading form`, 15000);
    el.addEventListener('ebok-reading-submitted', (e) => undo.later(() => undoReading(e.detail.id)));
    return { el, context };
  }

  /** A JPEG of the meter, as a phone would take it. */
  async function meterPhoto(): Promise<File> {
    const canvas = new OffscreenCanvas(640, 480);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#223';
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#fff';
    g.font = '64px monospace';
    g.fillText('00642,317', 120, 260);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return new File([blob], 'IMG_0001.jpg', { type: 'image/jpeg' });
  }

  it('woda@example.com sends a water reading with a photo of the meter, and the history shows it', async () => {
    const { el, context } = await readingFor('woda@example.com', 'pt_w_0001');
    const register = context.registers[0]!;
    const value = ((Number(register.allowedRange!.min) + Number(register.allowedRange!.max)) / 2).toFixed(3);
    await fill(el, `value-${register.registerId}`, value.replace('.', ','));
    const input = shadow<HTMLInputElement>(el, 'input[type="file"]');
    const files = new DataTransfer();
    files.items.add(await meterPhoto());
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => !!el.shadowRoot?.querySelector('[part="photo-preview"]'), 'the photo preview', 10000);
    let progressShown = false;
    const watch = new MutationObserver(() => (progressShown ||= !!el.shadowRoot!.querySelector('[part="upload-progress"] progress')));
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    const submitted = oneEvent<EbokReadingSubmittedEvent>(el, 'ebok-reading-submitted');
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    const result = (await submitted).detail;
    watch.disconnect();
    expect(progressShown, 'the upload showed its progress').to.equal(true);
    expect(result.values[0]!.value).to.equal(value);
    expect(shadow(el, '[part="result"]').textContent).to.contain('Odczyt przyjęty');
    // As a Polish page writes it: a decimal comma, no trailing zeros (653.100 is "653,1"), no grouping under 10 000.
    const shown = String(Number(value)).replace('.', ',');
    await until(() => (shadow(el, '[part="history"]').textContent ?? '').includes(shown), 'the new reading in the history', 10000);
    await expect(el).to.be.accessible();
  });

  it('energia@example.com sends day and night, confirms an absurd value, and gets "awaiting review"', async () => {
    const { el, context } = await readingFor('energia@example.com', 'pt_e_0001');
    const [day, night] = context.registers;
    await fill(el, `value-${day!.registerId}`, String(Math.round(Number(day!.allowedRange!.max) * 4)));
    await fill(el, `value-${night!.registerId}`, String(Math.round((Number(night!.allowedRange!.min) + Number(night!.allowedRange!.max)) / 2)));
    shadow<HTMLButtonElement>(el, '[part="submit"]').click();
    await until(() => !!el.shadowRoot?.querySelector('[part="confirm"]'), 'the plausibility warning');
    expect(shadow(el, '[part="confirm"]').textContent).to.contain('strefa dzienna');
    const submitted = oneEvent<EbokReadingSubmittedEvent>(el, 'ebok-reading-submitted');
    shadow<HTMLButtonElement>(el, '[part="confirm-send"]').click();
    expect((await submitted).detail.status).to.equal('pending_review');
    expect(words(el)).to.contain('czeka na sprawdzenie');
  });
});
