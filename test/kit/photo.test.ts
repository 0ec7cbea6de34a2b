import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { customElement } from 'lit/decorators.js';
import { EbokElement } from '../../src/core/ebok-element.js';
import { statusStyles } from '../../src/core/status.js';
import { formStyles } from '../../src/kit/form.styles.js';
import { PhotoController } from '../../src/kit/photo.js';
import { photoStyles } from '../../src/kit/photo.styles.js';
import { byteSizeText, photoField, photoProblemText } from '../../src/kit/photo.views.js';
import { shadow } from '../helpers/dom.js';
import { image } from '../helpers/images.js';
import { active, fieldError } from '../helpers/harness.js';

/** The photo field the way a widget puts it in its form, with a button before it to tab from. */
@customElement('test-photo-host')
class TestPhotoHost extends EbokElement {
  static override styles = [EbokElement.styles, statusStyles, formStyles, photoStyles];
  readonly photo = new PhotoController(this, { maxBytes: 1_000_000 });

  override render() {
    return html`<div class="base">
      <button type="button" id="before">Wcześniej</button>
      ${photoField(this.photo, { id: 'meter-photo', label: 'Zdjęcie licznika', hint: 'Cały licznik, z bliska.', alt: 'Zdjęcie licznika' })}
    </div>`;
  }
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const hasExif = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes.subarray(0, 65536)).includes('Exif\0\0');

/** A JPEG with an APP1 Exif segment put in by hand: a big-endian TIFF header, one IFD, one entry (0x0112 Orientation). */
async function withOrientation(jpeg: File, orientation: number): Promise<File> {
  const bytes = await bytesOf(jpeg);
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]; // "Exif\0\0"
  const app1 = [0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
  return new File([bytes.subarray(0, 2), new Uint8Array(app1), bytes.subarray(2)], 'IMG_0001.jpg', { type: 'image/jpeg' });
}

const size = (blob: Blob) => createImageBitmap(blob).then((bitmap) => [bitmap.width, bitmap.height]);

const host = () => fixture<TestPhotoHost>(html`<test-photo-host></test-photo-host>`);
const ready = (el: TestPhotoHost) => el.photo.settled().then(() => el.updateComplete);
const revoked = (url: string) => fetch(url).then(() => false, () => true);

describe('PhotoController (kit/photo)', () => {
  afterEach(() => fixtureCleanup());

  it('keeps a small PNG or a clean small JPEG as it is, the very file chosen', async () => {
    const { photo } = await host();
    for (const file of [await image(64, 48), await image(64, 48, 'image/jpeg')]) {
      await photo.choose(file);
      expect(photo.file, file.type).to.equal(file);
      expect(photo.problem).to.equal(undefined);
    }
  });

  it('re-encodes a large noisy image as a JPEG within maxBytes, named licznik.jpg', async () => {
    const el = await host();
    el.photo.maxBytes = 300_000;
    const big = await image(1600, 1200, 'image/jpeg', true);
    expect(big.size, 'the test image must exceed the limit').to.be.above(300_000);
    await el.photo.choose(big);
    expect(el.photo.file?.type).to.equal('image/jpeg');
    expect(el.photo.file!.size).to.be.at.most(300_000);
    expect(el.photo.file!.name).to.equal('licznik.jpg');
  });

  it('brings the longest side down to 2560 px first', async () => {
    const el = await host();
    el.photo.maxBytes = 6_000_000;
    const wide = await image(2800, 700, 'image/png', true);
    expect(wide.size, 'the test image must exceed the limit').to.be.above(6_000_000);
    await el.photo.choose(wide);
    expect(await size(el.photo.file!)).to.deep.equal([2560, 640]);
  });

  it('strips Exif from a small JPEG (GPS lives there) and applies its orientation (6: turned 90°)', async () => {
    const { photo } = await host();
    const upright = await withOrientation(await image(60, 30, 'image/jpeg'), 1);
    await photo.choose(upright);
    expect(photo.file, 'a small JPEG with Exif is still re-encoded').not.to.equal(upright);
    expect(hasExif(await bytesOf(photo.file!)), 'Exif left in the prepared file').to.equal(false);
    const turned = await withOrientation(await image(60, 30, 'image/jpeg'), 6);
    expect(await size(turned), 'the hand-built Exif is read by the browser').to.deep.equal([30, 60]);
    await photo.choose(turned);
    expect(hasExif(await bytesOf(photo.file!))).to.equal(false);
    expect(await size(photo.file!), 'width and height swapped in the pixels themselves').to.deep.equal([30, 60]);
  });

  it('says why there is no photo: not an image, undecodable bytes (also HEIC Chromium cannot read), an impossible limit', async () => {
    const { photo } = await host();
    await photo.choose(new File(['hello'], 'a.txt', { type: 'text/plain' }));
    expect(photo.problem, 'text file').to.equal('type');
    await photo.choose(new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'a.svg', { type: 'image/svg+xml' }));
    expect(photo.problem, 'SVG').to.equal('type');
    await photo.choose(new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6])], 'a.jpg', { type: 'image/jpeg' }));
    expect(photo.problem, 'corrupt JPEG').to.equal('unreadable');
    const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
    await photo.choose(new File([heic], 'IMG_0002.HEIC', { type: '' }));
    expect(photo.problem, 'HEIC without a declared type').to.equal('unreadable');
    photo.maxBytes = 200;
    await photo.choose(await image(800, 600, 'image/png', true));
    expect(photo.problem, 'limit of 200 bytes').to.equal('too_large');
    expect(photo.file).to.equal(undefined);
  });

  it('prepares the chosen photo again from the original when the limit goes down', async () => {
    const { photo } = await host();
    const noisy = await image(200, 200, 'image/png', true);
    await photo.choose(noisy);
    expect(photo.file).to.equal(noisy);
    photo.maxBytes = noisy.size - 1;
    await photo.settled();
    expect(photo.file?.type).to.equal('image/jpeg');
    expect(photo.file!.size).to.be.below(noisy.size);
  });

  it('removes the photo: clears the file and revokes the preview URL, also when the host leaves the page', async () => {
    const el = await host();
    await el.photo.choose(await image(64, 48));
    const url = el.photo.previewUrl!;
    el.photo.remove();
    expect([el.photo.file, el.photo.previewUrl]).to.deep.equal([undefined, undefined]);
    expect(await revoked(url), 'URL revoked on remove').to.equal(true);
    await el.photo.choose(await image(64, 48));
    const second = el.photo.previewUrl!;
    const parent = el.parentNode!;
    el.remove();
    expect(await revoked(second), 'URL revoked when the host is disconnected').to.equal(true);
    parent.appendChild(el);
    await el.updateComplete;
    expect(shadow<HTMLImageElement>(el, '[part="photo-preview"]').src, 'a fresh URL once back on the page').to.equal(el.photo.previewUrl);
  });

  it('lets a later choose win over an earlier, slower one; settled() waits for the latest', async () => {
    const { photo } = await host();
    const done: string[] = [];
    const small = await image(64, 48);
    const slow = photo.choose(await image(1600, 1200, 'image/jpeg', true)).then(() => done.push('slow'));
    const fast = photo.choose(small).then(() => done.push('fast'));
    await photo.settled();
    expect(photo.file, 'the later file right after settled()').to.equal(small);
    await Promise.all([slow, fast]);
    expect(done, 'the earlier one really finished last').to.deep.equal(['fast', 'slow']);
    expect(photo.file).to.equal(small);
    expect(photo.preparing).to.equal(false);
  });

  it('takes the first image of a paste or a drop, and leaves a paste of text alone', async () => {
    const el = await host();
    const png = await image(64, 48);
    const data = new DataTransfer();
    data.items.add(new File(['notes'], 'notes.txt', { type: 'text/plain' }));
    data.items.add(png);
    data.items.add(await image(32, 32));
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    shadow(el, '#meter-photo').dispatchEvent(paste);
    await el.photo.settled();
    expect([paste.defaultPrevented, el.photo.file]).to.deep.equal([true, png]);
    const text = new DataTransfer();
    text.setData('text/plain', '12345');
    const textPaste = new ClipboardEvent('paste', { clipboardData: text, bubbles: true, cancelable: true });
    shadow(el, '[part="photo"]').dispatchEvent(textPaste);
    expect([textPaste.defaultPrevented, el.photo.preparing]).to.deep.equal([false, false]);
    el.photo.remove();
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
    shadow(el, '.photo__drop').dispatchEvent(over);
    await el.updateComplete;
    expect(over.defaultPrevented, 'dragover accepts files').to.equal(true);
    expect(shadow(el, '[part="photo"]').classList.contains('photo--over'), 'the field shows the drag').to.equal(true);
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    shadow(el, '.photo__drop').dispatchEvent(drop);
    await el.photo.settled();
    expect([drop.defaultPrevented, el.photo.file, el.photo.dragging]).to.deep.equal([true, png, false]);
  });
});

describe('photoField (kit/photo.views)', () => {
  afterEach(() => fixtureCleanup());

  it('renders the camera and the file picker, each an input with a visible label, and passes axe', async () => {
    const el = await host();
    const camera = shadow<HTMLInputElement>(el, '#meter-photo');
    const file = shadow<HTMLInputElement>(el, '#meter-photo-file');
    expect([camera.type, camera.accept, camera.getAttribute('capture')]).to.deep.equal(['file', 'image/*', 'environment']);
    expect([file.type, file.accept, file.hasAttribute('capture')], 'the gallery stays open on a phone').to.deep.equal(['file', 'image/*', false]);
    expect([...camera.labels!].map((l) => l.textContent?.trim())).to.deep.equal(['Zrób zdjęcie']);
    expect([...file.labels!].map((l) => l.textContent?.trim())).to.deep.equal(['Wybierz plik']);
    expect(camera.getAttribute('aria-describedby')).to.equal('meter-photo-hint');
    expect(shadow(el, '.photo__pick').getBoundingClientRect().height, 'target size').to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('announces "Przygotowujemy zdjęcie…" once per photo, in one status node, then shows the preview and its size in words', async () => {
    const el = await host();
    const status = shadow(el, '[role="status"]');
    const said: string[] = [];
    const observer = new MutationObserver(() => {
      const text = status.textContent.trim();
      if (text !== said[said.length - 1]) said.push(text);
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    const choosing = el.photo.choose(await image(1600, 1200, 'image/jpeg', true));
    await el.updateComplete;
    el.requestUpdate(); // a render while preparing says nothing new
    await el.updateComplete;
    await choosing;
    await el.updateComplete;
    observer.disconnect();
    expect(said).to.deep.equal(['Przygotowujemy zdjęcie…', '']);
    expect(shadow(el, '[role="status"]'), 'the same live region').to.equal(status);
    const preview = shadow<HTMLImageElement>(el, '[part="photo-preview"]');
    expect([preview.src, preview.alt]).to.deep.equal([el.photo.previewUrl, 'Zdjęcie licznika']);
    expect(shadow(el, '#meter-photo-size').textContent).to.equal(`Zdjęcie: ${byteSizeText(el.photo.file!.size)}`);
    expect(shadow(el, '#meter-photo-size').textContent).to.match(/^Zdjęcie: \d+ kB$/);
    expect(shadow(el, '.photo__drop').hidden, 'the pickers give way to the preview').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the problem in Polish under the field, marks both inputs, says it in the status, and passes axe', async () => {
    const el = await host();
    await el.photo.choose(new File(['hello'], 'a.txt', { type: 'text/plain' }));
    await el.updateComplete;
    expect(fieldError(el, 'meter-photo')).to.equal('Błąd: To nie jest zdjęcie. Wybierz plik JPG, PNG albo WebP.');
    for (const id of ['meter-photo', 'meter-photo-file']) {
      expect(shadow(el, `#${id}`).getAttribute('aria-describedby'), id).to.equal('meter-photo-error meter-photo-hint');
      expect(shadow(el, `#${id}`).getAttribute('aria-invalid'), id).to.equal('true');
    }
    expect(shadow(el, '[role="status"]').textContent?.trim()).to.equal(photoProblemText('type', 1_000_000));
    expect(photoProblemText('too_large', 1_400_000)).to.equal('Nie udało się zmniejszyć zdjęcia do 1,4 MB. Zrób zdjęcie z bliska albo wybierz mniejsze.');
    expect(photoProblemText('unreadable', 1)).to.equal('Nie udało się odczytać zdjęcia. Wybierz zdjęcie w formacie JPG albo PNG.');
    await expect(el).to.be.accessible();
  });

  it('is reached by Tab: both pickers, then, with a photo, "Usuń zdjęcie" and "Zrób inne"', async () => {
    const el = await host();
    shadow(el, '#before').focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('meter-photo');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('meter-photo-file');
    await el.photo.choose(await image(64, 48));
    await ready(el);
    shadow(el, '#before').focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('photo-remove');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent?.trim()).to.equal('Zrób inne');
  });

  it('moves focus from the picker to "Usuń zdjęcie" when the photo shows, and back to the camera after removing it', async () => {
    const el = await host();
    const camera = shadow<HTMLInputElement>(el, '#meter-photo');
    camera.focus();
    const data = new DataTransfer();
    data.items.add(await image(64, 48));
    camera.files = data.files;
    camera.dispatchEvent(new Event('change', { bubbles: true }));
    await ready(el);
    expect(active(el)?.getAttribute('part'), 'focus after the photo showed').to.equal('photo-remove');
    const again = new DataTransfer();
    again.items.add(await image(32, 32));
    active(el)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: again, bubbles: true, cancelable: true }));
    await ready(el);
    expect(active(el)?.getAttribute('part'), 'focus after a pasted photo replaced the one shown').to.equal('photo-remove');
    let opened = false;
    camera.addEventListener('click', (e) => ((opened = true), e.preventDefault()), { once: true });
    shadow<HTMLButtonElement>(el, '.photo__preview .button:not([part])').click();
    expect(opened, '"Zrób inne" opens the camera').to.equal(true);
    shadow<HTMLButtonElement>(el, '[part="photo-remove"]').click();
    await el.updateComplete;
    expect(el.photo.file).to.equal(undefined);
    expect(active(el)?.id, 'focus after removing').to.equal('meter-photo');
  });
});
