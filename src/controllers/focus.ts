import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Ref } from 'lit/directives/ref.js';

/** Something to focus: a `ref()` of the template, or a function that finds the element after the update. */
export type FocusTarget = Ref<Element> | (() => Element | null | undefined);

/** The element focused now, looking inside shadow roots (focus can sit in another widget's field). */
export function deepActiveElement(root: Document | ShadowRoot = document): HTMLElement | undefined {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/**
 * Where focus goes, for one widget: after the next render (the element may not exist before it), by
 * reference rather than by selector strings; and back to where it came from (a dialog's trigger, the link
 * that opened an inline flow) when what took it goes away.
 */
export class FocusController implements ReactiveController {
  private pending: FocusTarget | undefined;
  private trigger: HTMLElement | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Focuses `target` once the widget has rendered next (it asks for that render). */
  next(target: FocusTarget): void {
    this.pending = target;
    this.host.requestUpdate();
  }

  /** Remembers the element focused now (anywhere on the page), to give focus back to it later. */
  rememberTrigger(element: HTMLElement | undefined = deepActiveElement()): void {
    this.trigger = element;
  }

  /** Gives focus back to the remembered element if it is still on the page; true when it did. */
  restore(): boolean {
    const trigger = this.trigger;
    this.trigger = undefined;
    if (!trigger?.isConnected) return false;
    trigger.focus();
    return true;
  }

  hostUpdated(): void {
    const target = this.pending;
    if (!target) return;
    this.pending = undefined;
    const element = typeof target === 'function' ? target() : target.value;
    if (element instanceof HTMLElement || element instanceof SVGElement) element.focus();
  }
}
