export { clientContext } from './client.js';
export { configContext, type PortalConfig } from './config.js';
