import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface SearchOptions {
  /** Applies the text the customer typed (already trimmed): the widget filters by it. */
  apply: (text: string) => void;
  /** The pause after the last keystroke before the text applies by itself (default 500 ms). */
  pause?: number;
}

/**
 * A search box's text while the customer types: applied after a pause in typing, at once on Enter or the
 * search button (`flush()`), and never lost while the list reloads under it. What the widget filters by comes
 * back through `sync()` (an attribute, the address), which replaces the text only while nobody is typing.
 */
export class SearchController implements ReactiveController {
  private typed = '';
  private applied = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SearchOptions,
  ) {
    host.addController(this);
  }

  /** What is in the box. */
  get text(): string {
    return this.typed;
  }

  /** What the widget filters by now: the box shows it unless the customer is typing something else. */
  sync(applied: string): void {
    if (applied === this.applied) return;
    this.applied = applied;
    if (!this.timer) this.typed = applied;
  }

  /** The widget set the search itself ("Clear filters", a link to one document): the box shows it, typing or not. */
  reset(applied: string): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.applied = applied;
    this.typed = applied;
  }

  /** The customer typed: applied after the pause. */
  input(text: string): void {
    this.typed = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.pause ?? 500);
    this.host.requestUpdate();
  }

  /** Applies what is in the box now (Enter, the search button), unless it is what applies already. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const text = this.typed.trim();
    if (text !== this.applied) this.options.apply(text);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
