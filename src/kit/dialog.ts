import { css, html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { EbokElement } from '../core/ebok-element.js';
import { deepActiveElement } from '../controllers/focus.js';
import { tokens as t } from '../theme/tokens.js';

export type DialogCloseSource = 'escape' | 'close-button' | 'api';

/**
 * `ebok-dialog-request-close` (on the dialog, not bubbling): the dialog is about to close. Cancelable:
 * `preventDefault()` keeps it open (the session warning turns Escape into "stay signed in").
 */
export class EbokDialogRequestCloseEvent extends Event {
  static readonly type = 'ebok-dialog-request-close';
  constructor(readonly source: DialogCloseSource) {
    super(EbokDialogRequestCloseEvent.type, { cancelable: true });
  }
}

/** `ebok-dialog-close` (on the dialog, not bubbling): the dialog closed and focus went back to its trigger. */
export class EbokDialogCloseEvent extends Event {
  static readonly type = 'ebok-dialog-close';
  constructor() {
    super(EbokDialogCloseEvent.type);
  }
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The one modal primitive (Shoelace's `sl-dialog`, on the native `<dialog>`): the page behind is inert,
 * focus moves into the dialog — to the element marked `data-autofocus`, else the first control — and goes back
 * to whatever had it when the dialog closes (also a field in another widget). Escape asks to close with a
 * cancelable `ebok-dialog-request-close` (`source`), so a widget can decide what Escape means. (Browsers
 * honour a refusal only after a user action in the dialog, so Escape pressed twice in a row still closes it;
 * the widget hears `ebok-dialog-close` either way.)
 *
 * The content is the dialog's children, rendered in the widget's own shadow root with its styles; an
 * element with `data-dialog-description` becomes the dialog's description for assistive technology.
 *
 * @customElement ebok-dialog
 * @slot - The content: text and the actions.
 * @slot icon - An icon before the title.
 * @csspart dialog - The dialog box.
 * @csspart title - Its title.
 * @cssprop --ebok-dialog-accent - The colour of the bar on the dialog's edge (default: the border colour).
 * @cssprop --ebok-dialog-width - Its width (default `min(28em, 100vw - 2rem)`, in the widget's own text size).
 */
export class EbokDialog extends EbokElement {
  static override styles = [
    EbokElement.styles,
    css`
      :host {
        display: contents;
      }
      dialog {
        inline-size: var(--ebok-dialog-width, min(28em, calc(100vw - 2 * ${t.spaceM})));
        max-block-size: calc(100dvh - 2 * ${t.spaceM});
        overflow: auto;
        padding: ${t.spaceL};
        border: ${t.borderWidth} solid ${t.colorBorder};
        border-inline-start: 6px solid var(--ebok-dialog-accent, ${t.colorBorder});
        border-radius: ${t.radius};
        background: ${t.colorSurface};
        color: ${t.colorText};
        font-family: ${t.fontFamily};
        font-size: ${t.fontSize};
        line-height: ${t.lineHeight};
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      h2 {
        display: flex;
        align-items: center;
        gap: ${t.spaceS};
        margin: 0 0 ${t.spaceM};
        font-size: ${t.fontSizeLarge};
        line-height: 1.25;
      }
      ::slotted([slot='icon']) {
        flex: none;
        inline-size: 1.25em;
        block-size: 1.25em;
      }
    `,
  ];

  /** The title of the dialog (its accessible name). */
  @property() label = '';

  /** Open (modal) or closed. Set it, or call `show()` / `requestClose()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** An `alertdialog`: it interrupts (a timeout warning), rather than a dialog the customer opened. */
  @property({ type: Boolean }) alert = false;

  @query('dialog') private dialog?: HTMLDialogElement;

  private trigger: HTMLElement | undefined;

  show(): void {
    this.open = true;
  }

  /** Asks to close (as Escape does): fires the cancelable `ebok-dialog-request-close`. */
  requestClose(source: DialogCloseSource = 'api'): boolean {
    const request = new EbokDialogRequestCloseEvent(source);
    this.dispatchEvent(request);
    if (request.defaultPrevented) return false;
    this.open = false;
    return true;
  }

  /** Moves focus to the element marked `data-autofocus` in the content, else its first control. */
  focusInitial(): void {
    const target = this.querySelector<HTMLElement>('[data-autofocus]') ?? this.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!dialog || !changed.has('open')) return;
    if (this.open && !dialog.open) {
      const active = deepActiveElement();
      this.trigger = active && !this.contains(active) ? active : this.trigger;
      dialog.showModal();
      this.describe();
      this.focusInitial();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  override render() {
    return html`<dialog
      part="dialog"
      role=${this.alert ? 'alertdialog' : 'dialog'}
      aria-labelledby="title"
      @cancel=${this.onCancel}
      @close=${this.onClose}
    >
      <h2 id="title" part="title"><slot name="icon"></slot>${this.label}</h2>
      <slot @slotchange=${() => this.describe()}></slot>
    </dialog>`;
  }

  private onCancel = (event: Event): void => {
    if (event.cancelable) event.preventDefault();
    // Not cancelable: the browser closes the dialog whatever we decide; `close` follows and tells the widget.
    if (!this.requestClose('escape') && !event.cancelable) this.open = false;
  };

  private onClose = (): void => {
    this.open = false;
    const trigger = this.trigger;
    this.trigger = undefined;
    if (trigger?.isConnected) trigger.focus();
    this.dispatchEvent(new EbokDialogCloseEvent());
  };

  /** Element reflection lets the description live in the widget's tree while the dialog is in this one. */
  private describe(): void {
    const dialog = this.dialog as (HTMLDialogElement & { ariaDescribedByElements?: Element[] | null }) | undefined;
    if (!dialog || !('ariaDescribedByElements' in dialog)) return;
    const described = [...this.querySelectorAll('[data-dialog-description]')];
    dialog.ariaDescribedByElements = described.length ? described : null;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ebok-dialog-request-close': EbokDialogRequestCloseEvent;
    'ebok-dialog-close': EbokDialogCloseEvent;
  }
}
