import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/kit/ebok-dialog.js';
import type { EbokDialog } from '../../src/kit/dialog.js';
import { until } from '../helpers/dom.js';

/** The page: a trigger that opens the dialog, as a widget would. */
async function page() {
  const root = await fixture<HTMLDivElement>(html`<div>
    <button id="trigger" type="button">Zapłać</button>
    <ebok-dialog label="Potwierdź płatność">
      <p data-dialog-description id="text">Kwota: 245,67 zł</p>
      <button id="cancel" type="button">Anuluj</button>
      <button id="confirm" type="button" data-autofocus>Zapłać 245,67 zł</button>
    </ebok-dialog>
  </div>`);
  const dialog = root.querySelector<EbokDialog>('ebok-dialog')!;
  const trigger = root.querySelector<HTMLButtonElement>('#trigger')!;
  trigger.focus();
  return { root, dialog, trigger, native: () => dialog.shadowRoot!.querySelector('dialog')! };
}

describe('<ebok-dialog>', () => {
  it('opens modal with its title as its name, focuses the marked control, and gives focus back on close', async () => {
    const { dialog, trigger, native, root } = await page();
    dialog.show();
    await dialog.updateComplete;
    expect(native().open).to.equal(true);
    expect(native().matches(':modal'), 'modal: the page behind is inert').to.equal(true);
    expect(native().getAttribute('role')).to.equal('dialog');
    expect(dialog.shadowRoot!.querySelector('#title')!.textContent).to.contain('Potwierdź płatność');
    expect(document.activeElement).to.equal(root.querySelector('#confirm'));
    await expect(dialog).to.be.accessible();
    const closed = oneEvent(dialog, 'ebok-dialog-close');
    dialog.requestClose();
    await closed;
    expect(native().open).to.equal(false);
    expect(document.activeElement).to.equal(trigger);
  });

  it('Escape asks first: the request can be refused, and is honoured otherwise', async () => {
    const { dialog, native } = await page();
    dialog.show();
    await dialog.updateComplete;
    const sources: string[] = [];
    const refuse = (event: Event & { source?: string }) => {
      sources.push(event.source ?? '');
      event.preventDefault();
    };
    dialog.addEventListener('ebok-dialog-request-close', refuse, { once: true });
    // Chromium lets a page keep a dialog open on Escape only after a user action in it (close watchers).
    // A key that moves nothing (Tab from the last control would leave the page for the browser's own UI).
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Escape' });
    await dialog.updateComplete;
    expect(sources).to.deep.equal(['escape']);
    expect(native().open, 'refused: still open').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !native().open, 'closed by Escape');
    expect(dialog.open).to.equal(false);
  });

  it('is an alertdialog when it interrupts, and is described by the marked element where the browser supports it', async () => {
    const { dialog, native, root } = await page();
    dialog.alert = true;
    dialog.show();
    await dialog.updateComplete;
    expect(native().getAttribute('role')).to.equal('alertdialog');
    const reflected = native() as HTMLDialogElement & { ariaDescribedByElements?: Element[] | null };
    if ('ariaDescribedByElements' in reflected) expect(reflected.ariaDescribedByElements).to.deep.equal([root.querySelector('#text')]);
    const closed = oneEvent(dialog, 'ebok-dialog-close');
    dialog.requestClose();
    await closed;
  });
});
