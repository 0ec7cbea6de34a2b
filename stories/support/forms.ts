/**
 * What a story's `play` does in a widget's shadow root, as a customer would: wait for a part, type into a field,
 * choose files, click. For the stories that show a state only an action reaches (sent, refused, queued).
 */

/** The element matching `selector` in `el`'s shadow root, once it renders (or after 5 s, null). */
export async function waitFor<T extends Element = HTMLElement>(el: Element, selector: string): Promise<T | null> {
  for (let i = 0; i < 100; i++) {
    const found = el.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

/** Types `value` into the field `#id` (an input or a text area), as the `input` event tells the widget. */
export async function typeInto(el: Element, id: string, value: string): Promise<void> {
  const field = await waitFor<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`);
  if (!field) return;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Chooses `files` in the file input `#id`, as the picker would. */
export async function chooseFiles(el: Element, id: string, files: File[]): Promise<void> {
  const input = await waitFor<HTMLInputElement>(el, `#${id}`);
  if (!input) return;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Clicks the element matching `selector` once it renders. */
export async function press(el: Element, selector: string): Promise<void> {
  (await waitFor<HTMLElement>(el, selector))?.click();
}

/** A small real PDF, and a PNG drawn here: attachments a story can choose. */
export const samplePdf = (name = 'skan-faktury.pdf'): File => new File(['%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'], name, { type: 'application/pdf' });
export async function samplePhoto(name = 'licznik.png'): Promise<File> {
  const canvas = new OffscreenCanvas(320, 240);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#2d6a4f';
  context.fillRect(0, 0, 320, 240);
  context.fillStyle = '#fff';
  context.font = '40px monospace';
  context.fillText('12345,6', 60, 135);
  return new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
}
