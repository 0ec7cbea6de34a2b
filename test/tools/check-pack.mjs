// The package as `npm publish` would ship it, read from `npm pack --dry-run --json` (after `npm run build`):
// - no Vite manifest (dist/cdn/.vite/) and no source map that embeds the sources, unless the build was asked
//   for maps (EBOK_SOURCEMAP=1);
// - every file package.json names (main, types, bin, web-types, customElements, each "exports" target) is in
//   the pack, and every export path with code has its types (also each file an "exports" pattern matches);
// - every module path custom-elements.json names is in the pack, and the parts the README lists for an
//   element are in its manifest entry;
// - runtime dependencies are exactly what the shipped code and declarations import (peers aside), and no
//   script runs in a consumer's install (preinstall, install, postinstall, prepare).
//
//   node test/tools/check-pack.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'custom-elements.json'))) {
  console.error('pack: dist/ is not built. Run `npm run build` first.');
  process.exit(1);
}

const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
if (pack.status !== 0) throw new Error(`npm pack --dry-run failed:\n${pack.stderr}`);
const [{ files: entries, entryCount, unpackedSize }] = JSON.parse(pack.stdout);
const files = new Set(entries.map((f) => f.path));
const has = (path) => files.has(path.replace(/^\.\//, ''));
const problems = [];

// What a build leaves in dist/ for its own tools, not for users.
const mapsAsked = process.env.EBOK_SOURCEMAP === '1';
for (const file of files) {
  if (/(^|\/)\.vite\//.test(file)) problems.push(`${file}: Vite's build manifest is not for users`);
  if (file.endsWith('.map') && !mapsAsked) {
    const map = JSON.parse(readFileSync(join(root, file), 'utf8'));
    if ((map.sourcesContent ?? []).some((s) => s != null)) problems.push(`${file}: a source map with the sources in it (build without EBOK_SOURCEMAP=1)`);
  }
}

// package.json's files, and types for every export path with code.
for (const field of ['main', 'module', 'types', 'web-types', 'customElements']) {
  if (pkg[field] && !has(pkg[field])) problems.push(`package.json "${field}": ${pkg[field]} is not in the pack`);
}
for (const [name, path] of Object.entries(pkg.bin ?? {})) if (!has(path)) problems.push(`package.json "bin" ${name}: ${path} is not in the pack`);
const patternMatches = (pattern) => {
  const [before, after] = pattern.replace(/^\.\//, '').split('*');
  return [...files].filter((f) => f.startsWith(before) && f.endsWith(after) && f.length >= before.length + after.length).map((f) => f.slice(before.length, f.length - after.length));
};
for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
  const conditions = typeof target === 'string' ? { default: target } : target;
  const code = conditions.default && /\.m?js$/.test(conditions.default);
  if (code && !conditions.types) problems.push(`exports "${subpath}": ${conditions.default} has no types`);
  for (const [condition, path] of Object.entries(conditions)) {
    if (!path.includes('*')) {
      if (!has(path)) problems.push(`exports "${subpath}" (${condition}): ${path} is not in the pack`);
    } else if (condition === 'default') {
      const matched = patternMatches(path);
      if (!matched.length) problems.push(`exports "${subpath}": ${path} matches no file in the pack`);
      for (const star of matched) {
        const types = conditions.types?.replaceAll('*', star);
        if (code && types && !has(types)) problems.push(`exports "${subpath.replace('*', star)}": its types ${types} are not in the pack`);
      }
    }
  }
}

// custom-elements.json: its module paths, and the parts the README names.
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const modulePaths = new Set();
const collect = (value) => {
  if (Array.isArray(value)) value.forEach(collect);
  else if (value && typeof value === 'object') {
    if (typeof value.module === 'string') modulePaths.add(value.module);
    Object.values(value).forEach(collect);
  }
};
for (const module of manifest.modules) {
  modulePaths.add(module.path);
  collect(module);
}
for (const path of modulePaths) if (!has(path)) problems.push(`custom-elements.json names ${path}, which is not in the pack`);
const declarations = new Map(manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d])));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
let readmeParts = 0;
for (const section of readme.split(/^#+ /m)) {
  const tag = /^`<(ebok-[a-z-]+)>`/.exec(section)?.[1];
  const list = /Parts: ((?:`[a-z-]+`(?:,\s*)?)+)/.exec(section)?.[1];
  if (!tag || !list) continue;
  const parts = new Set((declarations.get(tag)?.cssParts ?? []).map((p) => p.name));
  for (const [, part] of list.matchAll(/`([a-z-]+)`/g)) {
    readmeParts++;
    if (!parts.has(part)) problems.push(`README names part "${part}" of <${tag}>, which custom-elements.json does not list`);
  }
}

// Dependencies: what the shipped files import from other packages.
const importers = new Map(); // package -> { code: a .js file that imports it, types: a .d.ts file that does }
const builtins = new Set(builtinModules);
for (const file of files) {
  const kind = /\.d\.ts$/.test(file) ? 'types' : /\.m?js$/.test(file) ? 'code' : undefined;
  if (!kind) continue;
  const text = readFileSync(join(root, file), 'utf8');
  // ES imports, static and dynamic (the files are ES modules; `require("…")` in the bundled CLI is ajv's
  // generated code in strings, not an import).
  // The keyword follows a space, `}`, `*`, `;` or a line start, and the specifier looks like a module's name: a
  // property named "from" or a sentence in a string that ends in "from" is no import.
  for (const [, specifier] of text.matchAll(/(?<=^|[\s};*])(?:from\s*|import\s*\(?\s*)["'](@?[\w-][\w.@:/-]*)["']/gm)) {
    if (specifier.startsWith('node:') || builtins.has(specifier.split('/')[0])) continue;
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    if (name === pkg.name) continue;
    const seen = importers.get(name) ?? {};
    seen[kind] ??= file;
    importers.set(name, seen);
  }
}
const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
const peers = new Set(Object.keys(pkg.peerDependencies ?? {}));
// Typings a user opts into may import the framework's own types (ebok-widgets/vue imports vue).
const frameworkTypes = new Set(['vue']);
for (const [name, { code, types }] of importers) {
  if (dependencies.has(name) || peers.has(name)) continue;
  if (!code && frameworkTypes.has(name)) continue;
  problems.push(`${code ?? types} imports ${name}, which is not a dependency`);
}
for (const name of dependencies) if (!importers.has(name)) problems.push(`dependency ${name}: no shipped file imports it (a devDependency, or none)`);

// Nothing runs in a consumer's install.
for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
  if (pkg.scripts?.[script]) problems.push(`package.json has a "${script}" script, which runs in installs of the package`);
}

if (problems.length) {
  console.error(`pack: ${problems.length} problems in what npm would publish:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `pack: ${entryCount} files (${(unpackedSize / 1024).toFixed(0)} KB unpacked), no Vite manifest, no embedded sources; ` +
    `${Object.keys(pkg.exports).length} export paths with their files and types; ${modulePaths.size} manifest paths shipped; ` +
    `${readmeParts} README parts in the manifest; dependencies = what ships imports (${[...dependencies].join(', ')})`,
);
