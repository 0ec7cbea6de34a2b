import { adoptStyles, type CSSResult, type ReactiveElement } from 'lit';

/**
 * Adds style sheets to a widget that has already drawn its first frame: the styles of what its behaviour
 * brings later (the balance tile's payment dialog), which its first frame does not need and so should not
 * wait for. Lit's own `adoptStyles`, so a page's CSP nonce holds as for static styles.
 */
export function addLaterStyles(host: ReactiveElement, ...styles: CSSResult[]): void {
  const root = host.renderRoot;
  if (!(root instanceof ShadowRoot)) return;
  adoptStyles(root, [...(host.constructor as typeof ReactiveElement).elementStyles, ...styles]);
}
