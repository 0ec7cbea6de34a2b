import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { icon, type IconName } from './icons.js';
import type { Failure } from './failure.js';

export { noticeStyles } from './notice.styles.js';

export type NoticeTone = 'error' | 'warning' | 'info' | 'success';

export interface Notice {
  tone: NoticeTone;
  text: string;
  /** A second paragraph (what to do); read with the text, not announced on its own. */
  detail?: string;
  /** `alert` (assertive) for failures, `status` (polite) for confirmations. Default: alert for error and warning. */
  urgent?: boolean;
  /** What the widget offers inside the message (a retry button …), by name; the widget renders it. */
  action?: string;
}

interface Shown extends Notice {
  /** A new number for every message, so the same sentence said twice is a new node and is announced twice. */
  id: number;
}

/**
 * The message above a form or a view (errors, warnings, confirmations), and a hidden live region for
 * announcements that have no visible place (a countdown reaching zero). One way to re-announce a repeated
 * message everywhere: every message is a new keyed node, so screen readers read it again.
 */
export class NoticeController implements ReactiveController {
  private shown: Shown | undefined;
  private spoken: { text: string; assertive: boolean; id: number } | undefined;
  private count = 0;
  /** The notice's element, to move focus to it. */
  readonly ref = createRef<HTMLElement>();

  /**
   * `id`: the message's element id (its text is `<id>-text`); a widget with several notices in one shadow root
   * (one per section) gives each its own.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    readonly id = 'notice',
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get current(): Readonly<Shown> | undefined {
    return this.shown;
  }

  show(notice: Notice): void {
    this.shown = { urgent: notice.tone === 'error' || notice.tone === 'warning', ...notice, id: ++this.count };
    this.host.requestUpdate();
  }

  /** A failure described by `describeFailure()`, with `action` (e.g. `retry` when it may be retried). */
  showFailure(failure: Failure, action?: string): void {
    this.show({ tone: failure.tone, text: failure.message, detail: failure.detail, ...(action ? { action } : {}) });
  }

  clear(): void {
    if (!this.shown) return;
    this.shown = undefined;
    this.host.requestUpdate();
  }

  /** Says `text` to screen-reader users without showing it (politely unless `assertive`). */
  announce(text: string, assertive = false): void {
    this.spoken = { text, assertive, id: ++this.count };
    this.host.requestUpdate();
  }

  /**
   * The message, `part="notice"` (plus its tone, e.g. `notice error`), `id="notice"` (or the given id) focusable by
   * script and its text `id="notice-text"` (for a field's `aria-describedby`). `extra` renders inside, under the detail
   * (a countdown, the action's button).
   */
  render(extra: unknown = nothing): unknown {
    const notice = this.shown;
    if (!notice) return nothing;
    const icons: Record<NoticeTone, IconName> = { error: 'error', warning: 'warning', info: 'info', success: 'success' };
    return keyed(
      notice.id,
      html`<div ${ref(this.ref)} class="notice notice--${notice.tone}" part="notice ${notice.tone}" id=${this.id} tabindex="-1">
        ${icon(icons[notice.tone])}
        <div class="notice__body">
          <p id="${this.id}-text" role=${notice.urgent ? 'alert' : 'status'}>${notice.text}</p>
          ${notice.detail ? html`<p>${notice.detail}</p>` : nothing}
          ${extra}
        </div>
      </div>`,
    );
  }

  /** The hidden live regions; render once per widget, anywhere in its shadow root. */
  renderLiveRegion(): TemplateResult {
    const spoken = this.spoken;
    return html`<div class="visually-hidden" role="status" aria-live="polite">
        ${spoken && !spoken.assertive ? keyed(spoken.id, html`<span>${spoken.text}</span>`) : nothing}
      </div>
      <div class="visually-hidden" role="alert">${spoken?.assertive ? keyed(spoken.id, html`<span>${spoken.text}</span>`) : nothing}</div>`;
  }
}
