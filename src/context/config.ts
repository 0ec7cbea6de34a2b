import { createContext } from '@lit/context';
import type { components } from '../api/schema.js';

export type PortalConfig = components['schemas']['PortalConfig'];

/** The utility's portal configuration (features, login kinds, password policy…), loaded once by the provider. */
export const configContext = createContext<PortalConfig | undefined>('ebok-portal-config');
