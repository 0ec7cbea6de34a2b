import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { EbokClient } from '../api/client.js';
import { readFile, safeFilename, type DownloadedFile, type DownloadProgress } from './file.js';
import { EbokApiError } from '../api/errors.js';
import { EbokErrorEvent } from '../core/events.js';
import { describeFailure, failureText } from './failure.js';
import type { ApiHost } from './action.js';
import { icon } from './icons.js';

export { downloadStyles } from './download.styles.js';

/**
 * Hands a Blob to the browser as a download with `name`. One object so that tests can watch it
 * (`sinon.stub(fileSaver, 'save')`). The object URL lives a minute: long enough for any browser to start
 * writing the file, and no longer than that in memory.
 */
export const fileSaver = {
  save(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
};

/** Where one download is. */
export type DownloadPhase = 'running' | 'waiting-login' | 'failed';

export interface DownloadState {
  /** What is downloaded (a document id): one download per key at a time. */
  key: string;
  /** Its name for people, in messages ("FV/2026/03/000412"). */
  label: string;
  phase: DownloadPhase;
  loaded: number;
  total: number | undefined;
  /** What went wrong, in words (phase `failed` or `waiting-login`). */
  message?: string;
}

export interface DownloadRequest {
  key: string;
  label: string;
  /** The file's name when the server gives none (already safe; see `safeFilename`). */
  fallbackName: string;
  /**
   * Asks for the file: usually `(client, signal, read) => client.download('/documents/{documentId}/pdf', { params, signal }, read)`;
   * `read` streams the answer with progress.
   */
  load: (client: EbokClient, signal: AbortSignal, read: (response: Response) => Promise<DownloadedFile>) => Promise<DownloadedFile>;
  /** The widget's words for a failure it knows better (a 404: "this document has no PDF"); else the kit's. */
  describe?: (error: unknown) => string | undefined;
}

export interface DownloadProblemsView {
  /** How to start the download of `key` again: "Try again" is offered when this gives one. */
  retry?: (key: string) => (() => void) | undefined;
  /** The link to log in again, for a download that waits for a new session. */
  login: () => unknown;
}

/** The share of `total` that `loaded` is, in whole per cent; undefined when the size is unknown. */
export function percent(loaded: number, total: number | undefined): number | undefined {
  if (!total || total <= 0) return undefined;
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}

export interface DownloadOptions {
  /** Called after a file was handed to the browser (to announce it). */
  saved?: (request: DownloadRequest, name: string) => void;
}

/**
 * Files the customer downloads (a document's PDF): streamed with progress, saved under the server's name (or
 * the widget's), one at a time per key (a double click downloads once), failures in words and as `ebok-error`.
 * When the session has ended (401) the download waits for the customer to log in again, in any widget or tab,
 * and then continues by itself. Leaving the page aborts what runs.
 */
export class DownloadController implements ReactiveController {
  private readonly states = new Map<string, DownloadState>();
  private readonly running = new Map<string, AbortController>();
  private readonly waiting = new Map<string, () => void>();

  constructor(
    private readonly host: ApiHost,
    private readonly options: DownloadOptions = {},
  ) {
    host.addController(this);
  }

  /** The state of the download of `key`, if one runs, waits or failed. */
  state(key: string): Readonly<DownloadState> | undefined {
    return this.states.get(key);
  }

  /** Every download that runs, waits or failed, oldest first. */
  get all(): readonly Readonly<DownloadState>[] {
    return [...this.states.values()];
  }

  /**
   * The progress of the download of `key` while it runs (a per cent figure and a `<progress>` named `label`,
   * "Pobieranie PDF FV/…"), `part="download"`; undefined when none runs. Needs `downloadStyles`.
   */
  renderProgress(key: string, label: string): TemplateResult | undefined {
    const download = this.states.get(key);
    if (download?.phase !== 'running') return undefined;
    const done = percent(download.loaded, download.total);
    return html`<span class="download-progress" part="download">
      <span aria-hidden="true">${done === undefined ? msg('Pobieranie…') : `${done}%`}</span>
      ${done === undefined ? html`<progress aria-label=${label}></progress>` : html`<progress aria-label=${label} max="100" .value=${done}></progress>`}
    </span>`;
  }

  /**
   * Every download that failed or waits for a new login, each as a notice that says what happened and offers
   * what to do: try again, log in (the download then continues by itself), or leave it. Needs `downloadStyles`.
   */
  renderProblems(view: DownloadProblemsView): TemplateResult | typeof nothing {
    const shown = this.all.filter((d) => d.phase !== 'running');
    if (!shown.length) return nothing;
    return html`<div class="downloads">${shown.map((d) => this.renderProblem(d, view))}</div>`;
  }

  private renderProblem(download: Readonly<DownloadState>, view: DownloadProblemsView): TemplateResult {
    const waiting = download.phase === 'waiting-login';
    const retry = waiting ? undefined : view.retry?.(download.key);
    return html`<div class="notice notice--${waiting ? 'warning' : 'error'}" part="download notice">
      ${icon(waiting ? 'clock' : 'error')}
      <div class="notice__body">
        <p role="alert">${download.message}</p>
        <div class="notice__actions">
          ${retry
            ? html`<button class="button button--secondary" type="button" @click=${retry}>
                ${msg('Spróbuj ponownie')}<span class="visually-hidden"> ${download.label}</span>
              </button>`
            : nothing}
          ${waiting ? view.login() : nothing}
          <button class="button button--secondary" type="button" @click=${() => this.dismiss(download.key)}>
            ${waiting ? msg('Nie pobieraj') : msg('Zamknij')}<span class="visually-hidden"> ${download.label}</span>
          </button>
        </div>
      </div>
    </div>`;
  }

  /** Starts a download unless that key's runs already. */
  start(request: DownloadRequest): void {
    if (this.running.has(request.key)) return;
    this.stopWaiting(request.key);
    const client = this.host.client;
    if (!client) return;
    void this.run(client, request);
  }

  /** Forgets a failed or waiting download, and aborts a running one. */
  dismiss(key: string): void {
    this.running.get(key)?.abort(new DOMException('The customer cancelled the download', 'AbortError'));
    this.running.delete(key);
    this.stopWaiting(key);
    this.states.delete(key);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    for (const key of [...this.running.keys()]) this.dismiss(key);
    for (const key of [...this.waiting.keys()]) this.dismiss(key);
  }

  private set(state: DownloadState): void {
    this.states.set(state.key, state);
    this.host.requestUpdate();
  }

  private async run(client: EbokClient, request: DownloadRequest): Promise<void> {
    const controller = new AbortController();
    this.running.set(request.key, controller);
    const base = { key: request.key, label: request.label };
    this.set({ ...base, phase: 'running', loaded: 0, total: undefined });
    // Repaint at most ten times a second (a fast line sends hundreds of chunks), the latest figures last.
    let latest: DownloadProgress = { loaded: 0, total: undefined };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const paint = () => {
      timer = undefined;
      if (this.running.get(request.key) === controller) this.set({ ...base, phase: 'running', ...latest });
    };
    const onProgress = (progress: DownloadProgress) => {
      latest = progress;
      timer ??= setTimeout(paint, 100);
    };
    try {
      const read = (response: Response) => readFile(response, onProgress, controller.signal);
      const file = await request.load(client, controller.signal, read).finally(() => clearTimeout(timer));
      if (this.running.get(request.key) !== controller) return;
      const name = file.filename ?? safeFilename(request.fallbackName) ?? 'dokument.pdf';
      fileSaver.save(file.blob, name);
      this.running.delete(request.key);
      this.states.delete(request.key);
      this.host.requestUpdate();
      this.options.saved?.(request, name);
    } catch (error) {
      if (this.running.get(request.key) !== controller) return;
      this.running.delete(request.key);
      if (controller.signal.aborted || (error as Error)?.name === 'AbortError') {
        this.states.delete(request.key);
        this.host.requestUpdate();
        return;
      }
      const session = error instanceof EbokApiError && error.status === 401;
      const message = session
        ? `${msg('Twoja sesja wygasła.')} ${msg('Zaloguj się ponownie – pobieranie zacznie się samo.')}`
        : (request.describe?.(error) ?? failureText(describeFailure(error, { failed: msg('Nie udało się pobrać pliku.') })));
      this.set({ ...base, phase: session ? 'waiting-login' : 'failed', loaded: 0, total: undefined, message });
      this.host.dispatchEvent(EbokErrorEvent.from(error, message));
      if (session) this.waitForLogin(client, request);
    }
  }

  private waitForLogin(client: EbokClient, request: DownloadRequest): void {
    const unsubscribe = client.session.subscribe((state) => {
      if (state.status !== 'signed-in') return;
      this.stopWaiting(request.key);
      this.start(request);
    });
    this.waiting.set(request.key, unsubscribe);
  }

  private stopWaiting(key: string): void {
    this.waiting.get(key)?.();
    this.waiting.delete(key);
  }
}
