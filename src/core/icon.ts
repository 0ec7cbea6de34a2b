import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/**
 * How every icon is drawn (24×24, `currentColor`, outlines that stay legible at 1em), hidden from assistive
 * technology: an icon never carries meaning alone, the words beside it do. The shapes the first frame of a
 * widget can need (the states' error and offline) are here in the core; the rest are in kit/icons.ts, and the
 * field kit keeps its own (kit/fields.ts).
 */
export function drawIcon(shape: SVGTemplateResult, className = 'icon'): TemplateResult {
  return html`<svg class=${className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">${shape}</svg>`;
}

export const errorShape = svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 7v6M12 16.5v.5" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`;

export const offlineShape = svg`<path d="M2 8.5a15 15 0 0 1 20 0M5.5 12a10 10 0 0 1 13 0M9 15.5a5 5 0 0 1 6 0" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/><path d="M3 3l18 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/><circle cx="12" cy="19" r="1.5" fill="currentColor"/>`;
