import { nothing, type TemplateResult } from 'lit';
import type { ApiHost } from './action.js';
import type { DownloadController, DownloadOptions, DownloadProblemsView, DownloadRequest } from './download.js';

export { downloadStyles } from './download.styles.js';

/**
 * Files to download (a document's PDF, a ticket's attachment) whose code comes with the first click: most visits
 * download nothing, so kit/download.ts is fetched only then. Until it is, nothing runs, so there is no progress
 * and no problem to show. Add `downloadStyles` to the widget's styles.
 */
export class LazyDownloads {
  private controller: DownloadController | undefined;
  private loading: Promise<DownloadController> | undefined;

  constructor(
    private readonly host: ApiHost,
    private readonly options: DownloadOptions = {},
  ) {}

  /** Starts a download (see `DownloadController.start`): one per key at a time. */
  async start(request: DownloadRequest): Promise<void> {
    this.loading ??= import('./download.js').then(({ DownloadController }) => (this.controller = new DownloadController(this.host, this.options)));
    (await this.loading).start(request);
  }

  /** The progress of `key` while it downloads, else undefined (see `DownloadController.renderProgress`). */
  renderProgress(key: string, label: string): TemplateResult | undefined {
    return this.controller?.renderProgress(key, label);
  }

  /** Downloads that failed or wait for a new login, with what to do (see `DownloadController.renderProblems`). */
  renderProblems(view: DownloadProblemsView): TemplateResult | typeof nothing {
    return this.controller?.renderProblems(view) ?? nothing;
  }
}
