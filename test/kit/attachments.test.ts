import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { customElement } from 'lit/decorators.js';
import { EbokElement } from '../../src/core/ebok-element.js';
import { statusStyles } from '../../src/core/status.js';
import { formStyles } from '../../src/kit/form.styles.js';
import { photoStyles } from '../../src/kit/photo.styles.js';
import { attachmentTypeOf, AttachmentsController, type AttachmentLimits } from '../../src/kit/attachments.js';
import { attachmentsField, attachmentWords } from '../../src/kit/attachments.views.js';
import { attachmentsStyles } from '../../src/kit/attachments.styles.js';
import { image } from '../helpers/images.js';
import { active, words } from '../helpers/harness.js';
import { until } from '../helpers/dom.js';

const LIMITS: AttachmentLimits = { maxCount: 3, maxBytes: 200_000, types: ['application/pdf', 'image/jpeg', 'image/png'] };

/** The attachments field the way a message form holds it. */
@customElement('test-attachments-host')
class TestAttachmentsHost extends EbokElement {
  static override styles = [EbokElement.styles, statusStyles, formStyles, photoStyles, attachmentsStyles];
  readonly files = new AttachmentsController(this, { ...LIMITS }, attachmentWords);

  override render() {
    return html`<div class="base">${attachmentsField(this.files, { id: 'attachments', label: 'Załączniki' })}</div>`;
  }
}

const pdf = (name = 'skan.pdf', size = 2000) => new File([new TextEncoder().encode('%PDF-1.4\n'), new Uint8Array(size)], name, { type: 'application/pdf' });
const host = () => fixture<TestAttachmentsHost>(html`<test-attachments-host></test-attachments-host>`);
const names = (el: TestAttachmentsHost) => [...el.shadowRoot!.querySelectorAll('.attachment__name')].map((n) => n.textContent);
const status = (el: TestAttachmentsHost) => el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim();

describe('AttachmentsController (kit/attachments)', () => {
  afterEach(() => fixtureCleanup());

  it('tells the type by the first bytes, not the name or the declared type', async () => {
    expect(await attachmentTypeOf(pdf('faktura.jpg'))).to.equal('application/pdf');
    expect(await attachmentTypeOf(await image(8, 8))).to.equal('image/png');
    expect(await attachmentTypeOf(new File(['MZ\x90\x00'], 'faktura.pdf', { type: 'application/pdf' }))).to.equal(undefined);
  });

  it('adds PDFs and images, lists them with a thumbnail for images, and says once what was added', async () => {
    const el = await host();
    await el.files.add([pdf(), await image(40, 30)]);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['skan.pdf', 'a.png']);
    expect(el.files.files.map((f) => f.type)).to.deep.equal(['application/pdf', 'image/png']);
    expect(el.shadowRoot!.querySelectorAll('img.attachment__thumb')).to.have.length(1);
    expect(status(el)).to.equal('Dodano: skan.pdf, a.png.');
    await expect(el).to.be.accessible();
  });

  it('refuses, with why, a file of another type, one over the size, and those over the count', async () => {
    const el = await host();
    await el.files.add([new File(['hello'], 'notatka.txt', { type: 'text/plain' }), pdf('duzy.pdf', 300_000), pdf('1.pdf'), pdf('2.pdf'), pdf('3.pdf'), pdf('4.pdf')]);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['1.pdf', '2.pdf', '3.pdf']);
    expect(el.files.rejected.map((r) => [r.name, r.problem])).to.deep.equal([
      ['notatka.txt', 'type'],
      ['duzy.pdf', 'too_large'],
      ['4.pdf', 'too_many'],
    ]);
    const text = words(el);
    expect(text).to.contain('Nie dodaliśmy pliku „notatka.txt”: Ten rodzaj pliku nie jest przyjmowany. Wybierz plik PDF, JPG lub PNG.');
    expect(text).to.contain('Nie dodaliśmy pliku „duzy.pdf”: Plik jest większy niż 200 kB.');
    expect(el.shadowRoot!.querySelector('[part="dropzone"]')!.hasAttribute('hidden'), 'the drop zone hides when full').to.equal(true);
  });

  it('shrinks a photo over the limit into a JPEG that fits, keeping its name with .jpg', async () => {
    const el = await host();
    const big = await image(900, 700, 'image/png', true);
    expect(big.size, 'the test image must exceed the limit').to.be.above(LIMITS.maxBytes);
    await el.files.add([new File([big], 'zrzut ekranu.png', { type: 'image/png' })]);
    const [file] = el.files.files;
    expect(file!.type).to.equal('image/jpeg');
    expect(file!.size).to.be.at.most(LIMITS.maxBytes);
    expect(file!.name).to.equal('zrzut ekranu.jpg');
  });

  it('takes no image where the category takes only PDFs', async () => {
    const el = await host();
    el.files.limits = { ...LIMITS, types: ['application/pdf'] };
    await el.files.add([await image(40, 30)]);
    expect(el.files.rejected.map((r) => r.problem)).to.deep.equal(['type']);
  });

  it('spreads an upload over the files in order: the first is done before the second starts', async () => {
    const el = await host();
    await el.files.add([pdf('a.pdf', 1000), pdf('b.pdf', 3000)]);
    const [a, b] = el.files.items;
    const total = 100 + a!.file!.size + b!.file!.size;
    el.files.progress((100 + a!.file!.size) / total, 100);
    expect([a!.sent, b!.sent]).to.deep.equal([1, 0]);
    el.files.progress(1, 100);
    expect([a!.sent, b!.sent]).to.deep.equal([1, 1]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('progress[aria-label]'), 'each file has a labelled progress bar').to.have.length(2);
    expect(el.shadowRoot!.querySelector('[role="status"] progress'), 'progress is not in the live region').to.equal(null);
    el.files.progress(undefined);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('progress')).to.have.length(0);
  });

  it('takes files dropped on the field and images pasted into it', async () => {
    const el = await host();
    const zone = el.shadowRoot!.querySelector('[part="attachments"]')!;
    const drop = new DataTransfer();
    drop.items.add(pdf('upuszczony.pdf'));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: drop, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(zone.classList.contains('photo--over'), 'the zone shows it takes the drop').to.equal(true);
    const dropped = new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true });
    zone.dispatchEvent(dropped);
    expect(dropped.defaultPrevented, 'the browser does not open the file instead').to.equal(true);
    const paste = new DataTransfer();
    paste.items.add(await image(20, 20));
    el.files.onPaste(new ClipboardEvent('paste', { clipboardData: paste, cancelable: true }));
    await el.files.settled();
    await until(() => el.files.items.length === 2, 'the dropped and the pasted file');
    expect(el.files.items.map((i) => i.name)).to.deep.equal(['upuszczony.pdf', 'a.png']);
  });

  it('is used by keyboard: the picker is a labelled file button; removing moves focus to the next file, then to the picker', async () => {
    const el = await host();
    const picker = el.shadowRoot!.querySelector<HTMLInputElement>('#attachments')!;
    expect(picker.type).to.equal('file');
    expect(el.shadowRoot!.querySelector('label[for="attachments"]')!.textContent.trim()).to.equal('Dodaj pliki');
    await el.files.add([pdf('a.pdf'), pdf('b.pdf')]);
    await el.updateComplete;
    const removes = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="attachment-remove"]')];
    expect(removes().map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Usuń plik a.pdf', 'Usuń plik b.pdf']);
    removes()[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['b.pdf']);
    expect(active(el)?.getAttribute('aria-label')).to.equal('Usuń plik b.pdf');
    expect(status(el)).to.equal('Usunięto: a.pdf.');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.files.items).to.have.length(0);
    expect(active(el)).to.equal(picker);
  });
});
