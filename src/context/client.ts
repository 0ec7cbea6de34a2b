import { createContext } from '@lit/context';
import type { EbokClient } from '../api/client.js';

/** The API client (and through it the session and cache) an `<ebok-provider api-base>` gives its widgets. */
export const clientContext = createContext<EbokClient | undefined>('ebok-client');
