// Writes the preset stylesheets (dist/themes/<name>.css and dist/cdn/themes/<name>.css) from the same
// css`` literals the widgets use (src/theme/presets.ts, as built to dist/index.js), so the two never drift apart.
// A page that includes one gets that utility's look for every widget, without a `theme` attribute.
import { mkdirSync, writeFileSync } from 'node:fs';

const dist = new URL('../../dist/', import.meta.url);
const { presetDeclarations } = await import(new URL('index.js', dist).href);
if (!presetDeclarations) throw new Error('dist/index.js does not export presetDeclarations: run `vite build --mode lib` first');

for (const out of ['themes', 'cdn/themes']) {
  const dir = new URL(`${out}/`, dist);
  mkdirSync(dir, { recursive: true });
  for (const [name, declarations] of Object.entries(presetDeclarations)) {
    const css = `/* ebok-widgets: the "${name}" preset for every widget on the page. */\n:root {${declarations.cssText}}\n`;
    writeFileSync(new URL(`${name}.css`, dir), css);
  }
}
console.log(`theme stylesheets: ${Object.keys(presetDeclarations).join(', ')}`);
