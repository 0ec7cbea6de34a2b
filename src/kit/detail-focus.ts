import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface DetailFocusOptions {
  /** The opened item's title (or the status shown instead while it loads or fails). */
  title: () => HTMLElement | null | undefined;
  /** The item `id`'s opener in the list, to return to. */
  opener: (id: string) => HTMLElement | null | undefined;
  /** The widget's heading, when the item left is no longer in the list. */
  heading: () => HTMLElement | null | undefined;
  /** Whether what `title` finds is final (not a loading state about to be replaced). */
  settled?: () => boolean;
}

/**
 * Focus between a list and one item's detail (a ticket, a point, a contract): opening an item moves focus to its
 * title, going back (the widget's button, or Back and Forward with `url-state`) to the item left in the list, so
 * that focus is never lost with the part that went away.
 */
export class DetailFocus implements ReactiveController {
  private next: (() => HTMLElement | null | undefined) | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: DetailFocusOptions,
  ) {
    host.addController(this);
  }

  /** The widget switched from `from` to `to` (empty: the list): focus follows after the next render. */
  switched(to: string, from: string): void {
    this.next = to ? this.options.title : () => (from ? this.options.opener(from) : undefined) ?? this.options.heading();
  }

  /** The open item changed without the widget's buttons (Back, Forward, the host): follow when focus was inside. */
  follow(to: string, from: string, focusWithin: boolean): void {
    if (!this.next && focusWithin && to !== from) this.switched(to, from);
  }

  hostUpdated(): void {
    const target = this.next?.();
    if (!target || this.options.settled?.() === false) return;
    this.next = undefined;
    if (!target.hasAttribute('tabindex') && !(target instanceof HTMLButtonElement) && !(target instanceof HTMLAnchorElement)) target.tabIndex = -1;
    target.focus();
  }
}
