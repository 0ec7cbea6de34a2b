/** The minified text of one literal part of a css`` template (between two `${…}`). */
export function minifyCssText(text: string): string;
/** `code` (TypeScript or JavaScript) with the text of every css`` template minified; `code` itself when it has none. */
export function minifyCssLiterals(code: string, fileName?: string): string;
