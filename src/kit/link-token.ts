/** The token of an e-mailed link: the element's `token` attribute, else `?token=` in the page's address. */
export function tokenFromPage(attribute: string | undefined, href: string = location.href): { token: string; fromUrl: boolean } | undefined {
  const own = attribute?.trim();
  if (own) return { token: own, fromUrl: false };
  const fromUrl = new URL(href).searchParams.get('token')?.trim();
  return fromUrl ? { token: fromUrl, fromUrl: true } : undefined;
}

/** Removes `?token=` from the address bar once the token is spent or refused (it should not linger in history). */
export function forgetTokenInUrl(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.href);
}
