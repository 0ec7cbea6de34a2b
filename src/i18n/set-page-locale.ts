/**
 * `setPageLocale` as a module of its own, for the CDN loader to import on demand (src/cdn/index.ts): a chunk
 * that only re-exports it from the core, so the core does not carry a module namespace object (and the
 * bundler's helper for it) on every page.
 */
export { setPageLocale } from './locale.js';
