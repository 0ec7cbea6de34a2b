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
