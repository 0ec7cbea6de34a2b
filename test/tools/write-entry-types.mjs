// Completes the declarations `tsc -p tsconfig.build.json` writes to dist/types, so that every export path of
// the package has its types and no declaration imports a file the package does not ship. Part of
// `npm run build`, right after tsc.
// - src/api/schema.d.ts (generated from the contract) goes to dist/types/api/schema.d.ts: the API types import
//   it as `./schema.js`, and tsc emits nothing for a .d.ts input. Without it a consumer gets TS2307 (or, with
//   skipLibCheck, every API type silently turns into `any`).
// - dist/types/ebok-<name>.d.ts for each dist/ebok-<name>.js: the element class, its HTMLElementTagNameMap
//   entry and the events it declares, re-exported from the widget's define module.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const types = join(root, 'dist/types');
if (!existsSync(join(types, 'index.d.ts'))) {
  console.error('dist/types/index.d.ts is missing: run `tsc -p tsconfig.build.json` first (npm run build does).');
  process.exit(1);
}

const written = [];
for (const schema of ['api/schema.d.ts']) {
  const target = join(types, schema);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(root, 'src', schema), target);
  written.push(schema);
}

for (const widget of readdirSync(join(root, 'src/widgets')).sort()) {
  for (const file of readdirSync(join(root, 'src/widgets', widget))) {
    const match = /^(ebok-[a-z0-9-]+)\.ts$/.exec(file);
    if (!match) continue;
    const declarations = `widgets/${widget}/${match[1]}.d.ts`;
    if (!existsSync(join(types, declarations))) throw new Error(`dist/types/${declarations} is missing (tsc did not emit it)`);
    writeFileSync(
      join(types, `${match[1]}.d.ts`),
      `// ebok-widgets/${match[1]}.js: defines <${match[1]}>; its class, tag and events.\nexport * from './widgets/${widget}/${match[1]}.js';\n`,
    );
    written.push(`${match[1]}.d.ts`);
  }
}
console.log(`dist/types: ${written.join(', ')}`);
