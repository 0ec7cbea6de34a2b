import { EbokApiError } from '../api/errors.js';
import type { EbokClient } from '../api/client.js';

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

/** Why an e-mailed link cannot be used: it was used already, it expired (or a newer link replaced it), or it is not valid. */
export type LinkRefusal = 'used' | 'expired' | 'invalid';

/**
 * The API's refusal of a link's token, in the customer's terms; undefined for any other failure (the network, a
 * 5xx: those get a retry). `checked`: the token passed a check moments ago, so "unknown or expired" now means it
 * expired in between.
 */
export function linkRefusal(error: unknown, checked = false): LinkRefusal | undefined {
  if (!(error instanceof EbokApiError)) return undefined;
  if (error.code === 'token_used') return 'used';
  if (error.code === 'token_expired') return 'expired';
  if (error.code === 'token_invalid_or_expired') return checked ? 'expired' : 'invalid';
  if (error.code === 'validation_failed' && error.fields.some((f) => f.field === '/token')) return 'invalid';
  return undefined;
}

/** What checking a link said: usable (with the masked e-mail of its account, when the API gives it), or refused. */
export type LinkCheck = { refused: LinkRefusal } | { refused?: undefined; maskedEmail?: string };

/**
 * Checks a link's token without spending it (`checkPasswordResetToken`, `checkActivationToken`), so the page says
 * at once that a link is used, expired or not valid. Other failures are thrown (the widget offers a retry).
 */
export async function checkLink(client: EbokClient, path: '/auth/password-reset/check' | '/auth/activation/check', token: string, signal?: AbortSignal): Promise<LinkCheck> {
  try {
    const answer = await client.post(path, { body: { token }, ...(signal ? { signal } : {}) });
    return answer.maskedEmail ? { maskedEmail: answer.maskedEmail } : {};
  } catch (error) {
    const refused = linkRefusal(error);
    if (refused) return { refused };
    throw error;
  }
}
