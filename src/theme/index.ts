export { tokens, type TokenName } from './tokens.js';
export { THEMES, isThemeName, presetDeclarations, themeHostStyles, type ThemeName } from './presets.js';
