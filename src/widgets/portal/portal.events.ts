import { EbokEvent } from '../../core/events.js';

/** What `ebok-route-change` tells the host. */
export interface RouteChangeDetail {
  /** The place after the base, as in the address: `''` (the dashboard), `finanse`, `umowy?punkt=pt_1`. */
  route: string;
  /** The section's title in the page's language ("Finanse"), for the host's document title. */
  title: string;
  /** The section was found (false: the portal shows its not-found page). */
  found: boolean;
}

/**
 * `ebok-route-change`: `<ebok-portal>` shows another section (also on its first render). The portal never
 * writes `document.title`: a host that wants the section in the title sets it from `detail.title`.
 *
 * Declared next to its widget rather than in core/events.ts: only pages with the portal load it.
 */
export class EbokRouteChangeEvent extends EbokEvent<RouteChangeDetail> {
  static readonly type = 'ebok-route-change';
  constructor(detail: RouteChangeDetail) {
    super(EbokRouteChangeEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-route-change': EbokRouteChangeEvent;
  }
}
