import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A widget's own parameters in the page's address (`url-state`): read when the page opens, written with
 * `history.replaceState` as the customer filters. Each widget names its parameters with the `ebok-` prefix
 * (and its own words), so they never clash with the host's parameters nor with another widget's; the host's
 * parameters, the path and the fragment stay as they are.
 */

/** The prefix of every widget parameter in the page's address. */
export const URL_PREFIX = 'ebok-';

/** The parameter names of a widget's fields, without the prefix: `{ pointId: 'point' }` reads `?ebok-point=`. */
export type UrlNames<K extends string> = Readonly<Record<K, string>>;

/** The fields the address carries (`?ebok-status=to-pay`), or `undefined` when it carries none of them. */
export function paramsFromUrl<K extends string>(search: string, names: UrlNames<K>): Partial<Record<K, string>> | undefined {
  const params = new URLSearchParams(search);
  const found: Partial<Record<K, string>> = {};
  let any = false;
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    const value = params.get(URL_PREFIX + name);
    if (value !== null) {
      found[key] = value;
      any = true;
    }
  }
  return any ? found : undefined;
}

/**
 * The page's address with the widget's parameters for `values`: a value that `isDefault` (by default: empty)
 * leaves its parameter out; every other parameter, the path and the fragment stay as they were.
 */
export function urlWithParams<K extends string>(
  href: string,
  names: UrlNames<K>,
  values: Readonly<Record<K, string>>,
  isDefault: (key: K, value: string) => boolean = (_key, value) => !value,
): string {
  const url = new URL(href);
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    const value = values[key];
    if (isDefault(key, value)) url.searchParams.delete(URL_PREFIX + name);
    else url.searchParams.set(URL_PREFIX + name, value);
  }
  return url.href;
}

/** Puts `href` in the address bar without a new history entry, when it differs from where the page is. */
export function replaceUrl(href: string): void {
  if (href !== location.href) history.replaceState(history.state, '', href);
}

/** Puts `href` in the address bar as a new history entry (Back returns to where the page was), when it differs. */
export function pushUrl(href: string): void {
  if (href !== location.href) history.pushState(history.state, '', href);
}

export interface FilterStateOptions<F extends { [K in keyof F]: string }> {
  /** The filters with nothing chosen (what a parameter missing from the address means). */
  empty: F;
  /** Cleans what an attribute, the address or a control gave (unknown values become the defaults). */
  normalize: (raw: Partial<Record<keyof F, string | null | undefined>>) => F;
  /** The address parameters, without the prefix: `{ pointId: 'point' }` is `?ebok-point=`. */
  names: UrlNames<keyof F & string>;
  /** A value the address leaves out (default: empty). */
  isDefault?: (key: keyof F & string, value: string) => boolean;
  /** Whether the widget keeps the filters in the address now (its `url-state`). */
  urlState: () => boolean;
  /**
   * Back and Forward move between the states the widget pushed (`set(change, { push: true })`: a ticket opened from
   * the list): the widget follows the address on `popstate`.
   */
  history?: boolean;
}

/**
 * A list widget's filters, which live in its properties of the same names (reflected to attributes, so a host
 * can deep-link "to pay") and, with `url-state`, in the page's address too: the address wins when the widget
 * connects (a reload, Back, a shared link), and follows every change the customer makes.
 */
export class FilterState<F extends { [K in keyof F]: string }> implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & F,
    private readonly options: FilterStateOptions<F>,
  ) {
    host.addController(this);
  }

  /** The filters as the properties say them now, cleaned. */
  get value(): F {
    const raw: Partial<Record<keyof F, string>> = {};
    for (const key of Object.keys(this.options.empty) as (keyof F)[]) raw[key] = this.host[key];
    return this.options.normalize(raw);
  }

  /**
   * Changes filters as the customer did: the properties (and attributes) and, with `url-state`, the address follow,
   * as a new history entry with `push` (a step the customer expects Back to undo).
   */
  set(change: Partial<F>, { push = false }: { push?: boolean } = {}): F {
    const next = this.options.normalize({ ...this.value, ...change });
    Object.assign(this.host, next);
    if (this.options.urlState()) {
      const href = urlWithParams(location.href, this.options.names, next, this.options.isDefault);
      if (push) pushUrl(href);
      else replaceUrl(href);
    }
    return next;
  }

  hostConnected(): void {
    if (this.options.history) window.addEventListener('popstate', this.onPopState);
    if (!this.options.urlState()) return;
    const fromUrl = paramsFromUrl(location.search, this.options.names);
    if (fromUrl) Object.assign(this.host, this.options.normalize({ ...this.options.empty, ...fromUrl }));
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  /** Back or Forward: the address wins, a parameter missing from it meaning nothing chosen. */
  private readonly onPopState = (): void => {
    if (!this.options.urlState()) return;
    Object.assign(this.host, this.options.normalize({ ...this.options.empty, ...paramsFromUrl(location.search, this.options.names) }));
  };
}

const POINT_NAMES: UrlNames<'pointId'> = { pointId: 'point' };

/**
 * The point of delivery a widget shows, in the page's address (`url-state`, `?ebok-point=`): a link from the list of
 * points ("Odczyty licznika" of that point) opens the reading or the chart on it, and the customer's choice survives
 * a reload. Widgets of one page share the parameter, so they show the same point.
 */
export class PointInAddress implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: {
      /** Whether the widget keeps the point in the address now (its `url-state`). */
      enabled: () => boolean;
      /** The address names a point (when the widget connects). */
      found: (pointId: string) => void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.options.enabled()) return;
    const pointId = paramsFromUrl(location.search, POINT_NAMES)?.pointId;
    if (pointId) this.options.found(pointId);
  }

  /** The customer chose a point (`''`: none in particular, e.g. the sum of all points). */
  chosen(pointId: string): void {
    if (this.options.enabled()) replaceUrl(urlWithParams(location.href, POINT_NAMES, { pointId }));
  }
}
