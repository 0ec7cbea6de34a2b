/** The library version, stamped on every element class by `safeDefine`. Kept in step with package.json by a test. */
export const VERSION = '0.1.0';
