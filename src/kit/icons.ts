import { svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { drawIcon, errorShape, offlineShape } from '../core/icon.js';

/**
 * The icons every widget draws, in one place (24×24, `currentColor`, outlines that stay legible at 1em).
 * An icon never carries meaning alone: the words beside it do; it is hidden from assistive technology.
 */
const shapes = {
  error: errorShape,
  warning: svg`<path d="M12 3 2 21h20L12 3Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="M12 10v5M12 18v.5" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
  info: svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 11v6M12 7.5v.5" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
  success: svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="m7 12.5 3.2 3.2L17 9" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>`,
  unmet: svg`<circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2"/>`,
  offline: offlineShape,
  cancelled: svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="m8.5 8.5 7 7m0-7-7 7" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
  clock: svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 7v5l3 2" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
  plus: svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 7v10M7 12h10" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
} satisfies Record<string, SVGTemplateResult>;

export type IconName = keyof typeof shapes;

/**
 * `<svg class="icon …">` with the named shape, or a widget's own (drawn the same way, 24×24, `currentColor`: kept
 * in the widget's module so that the kit every page loads does not carry it), hidden from assistive technology.
 */
export function icon(name: IconName | SVGTemplateResult, className = 'icon'): TemplateResult {
  return drawIcon(typeof name === 'string' ? shapes[name] : name, className);
}
