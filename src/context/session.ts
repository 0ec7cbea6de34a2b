import { createContext } from '@lit/context';
import type { SessionState } from '../api/session.js';

/** The session state of the provider's API base, updated on every change (login, logout, expiry). */
export const sessionContext = createContext<SessionState | undefined>('ebok-session');
