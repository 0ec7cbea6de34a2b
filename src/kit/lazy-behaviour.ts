import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * What a widget does, loaded after its first frame: the widget's module draws the first frame with Lit, the theme
 * and the widget base alone, and its `*.behaviour.ts` (the API client, its data, its flow) is imported once the
 * element is connected. The CDN loader fetches both in one wave, the behaviour at low priority.
 *
 * If the behaviour's code cannot be fetched (offline, or the CDN failed), `failed` is true until `load()` is
 * called again (the widget's "Try again"), and the controller tries again by itself when the device is back
 * online. The widget's `getUpdateComplete` should return `settled(…)`, so `await el.updateComplete` (and a test's
 * `fixture`) sees the widget as it is once it works, not its first frame.
 */
export class LazyBehaviour<T> implements ReactiveController {
  /** The behaviour, once loaded. */
  value: T | undefined;
  /** Its code could not be fetched. */
  failed = false;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly create: () => Promise<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.load();
  }

  /** Fetches the behaviour (once; again after a failure). */
  load(): void {
    if (this.value || this.loading) return;
    this.failed = false;
    this.host.requestUpdate();
    this.loading = this.create().then(
      (value) => {
        this.loading = undefined;
        this.value = value;
        this.host.requestUpdate();
      },
      () => {
        this.loading = undefined;
        this.failed = true;
        this.host.requestUpdate();
        addEventListener('online', () => this.host.isConnected && this.load(), { once: true });
      },
    );
  }

  /** The host's update done, and once the behaviour's code is on its way, also the update it brings. */
  async settled(update: () => Promise<boolean>): Promise<boolean> {
    let done = await update();
    while (this.loading) {
      await this.loading;
      done = await update();
    }
    return done;
  }
}
