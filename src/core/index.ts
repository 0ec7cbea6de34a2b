export { EbokElement, hostStyles } from './ebok-element.js';
export { safeDefine } from './define.js';
export { VERSION } from './version.js';
export * from './events.js';
export { statusStyles, renderLoading, renderEmpty, renderError, renderOffline, type ErrorStateOptions } from './status.js';
