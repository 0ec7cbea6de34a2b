// The package's types as a TypeScript user gets them: packs dist/ the way `npm publish` would (`npm pack`),
// installs the tarball into the consumer projects of test/types/ outside this repository, and type-checks them
// strictly with `skipLibCheck: false` (so the package's own declarations are checked too):
// - test/types (tsconfig.json, and tsconfig.nodenext.json for Node's resolution): `ebok-widgets`, `/all.js`,
//   each `/ebok-<name>.js`, the CDN module, React 19's JSX (`/react-jsx`), the React components (`/react`)
//   and Vue's GlobalComponents (`/vue`), with React 19 and Vue 3.5;
// - the same React components in a host on React 18 (package.react18.json, tsconfig.react18.json).
// It also resolves the package's non-code exports (the contract, the manifest, editor data, themes) from the
// consumer, as a bundler or Node would. Fails with tsc's errors.
//
//   node test/tools/check-consumer-types.mjs      (after `npm run build`)
//
// The consumer projects live in EBOK_TYPES_WORKDIR (default: <tmp>/ebok-widgets-consumer-types-<hash of this
// checkout>), outside the repository so that nothing resolves from its node_modules. That is the cache: their
// registry packages are installed again only when test/types/package*.json change; each run installs only the
// new tarball, and tsc (incremental) checks again only what changed.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const source = join(root, 'test/types');
const workdir = process.env.EBOK_TYPES_WORKDIR ?? join(tmpdir(), `ebok-widgets-consumer-types-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`);
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const projects = [
  { name: 'react19-vue', packageJson: 'package.json', tsconfigs: ['tsconfig.json', 'tsconfig.nodenext.json'] },
  { name: 'react18', packageJson: 'package.react18.json', tsconfigs: ['tsconfig.react18.json'] },
];

if (!existsSync(join(root, 'dist/types/index.d.ts')) || !existsSync(join(root, 'custom-elements.json'))) {
  console.error('consumer types: dist/ is not built. Run `npm run build` first.');
  process.exit(1);
}

const npm = (args, cwd) => {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} (in ${cwd}) failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
};

mkdirSync(workdir, { recursive: true });
const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', workdir], root));
const tarball = join(workdir, packed.filename);
console.log(`consumer types: packed ${packed.filename} (${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KB) in ${seconds()}`);

const failures = [];
for (const project of projects) {
  const dir = join(workdir, project.name);
  const manifest = readFileSync(join(source, project.packageJson), 'utf8');
  const key = createHash('sha256').update(manifest).digest('hex');
  const stamp = join(dir, '.installed');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== key) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), manifest);
    npm(['install', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
    writeFileSync(stamp, key);
    console.log(`consumer types: ${project.name}: installed ${Object.keys(JSON.parse(manifest).devDependencies).join(', ')} (${seconds()})`);
  }
  // The sources afresh each run (a file deleted from test/types must not linger here).
  rmSync(join(dir, 'src'), { recursive: true, force: true });
  cpSync(join(source, 'src'), join(dir, 'src'), { recursive: true });
  for (const file of ['tsconfig.json', ...project.tsconfigs]) cpSync(join(source, file), join(dir, file));
  npm(['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', tarball], dir);

  for (const tsconfig of project.tsconfigs) {
    // Incremental: the declarations of lit, React and Vue are checked once, then only what the new tarball changes.
    const buildInfo = `.tsbuildinfo-${tsconfig.replace(/\.json$/, '')}`;
    const tsc = spawnSync(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', tsconfig, '--pretty', 'false', '--incremental', '--tsBuildInfoFile', buildInfo], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (tsc.status === 0) console.log(`consumer types: ${project.name} ${tsconfig}: no error (${seconds()})`);
    else failures.push(`${project.name} ${tsconfig}:\n${`${tsc.stdout}${tsc.stderr}`.trim().replaceAll(`${dir}/`, '')}`);
  }
}

// Non-code exports resolve from a consumer, as bundlers and Node resolve them (package.json "exports").
const assets = ['openapi.yaml', 'custom-elements.json', 'html-custom-data.json', 'web-types.json', 'themes/gas.css', 'cdn/ebok-widgets.js', 'package.json'];
const resolver = `for (const a of ${JSON.stringify(assets)}) { const u = import.meta.resolve('ebok-widgets/' + a); if (!(await import('node:fs')).existsSync(new URL(u))) throw new Error(a + ': ' + u + ' does not exist'); }`;
try {
  execFileSync(process.execPath, ['--input-type=module', '-e', resolver], { cwd: join(workdir, projects[0].name), stdio: 'pipe', encoding: 'utf8' });
  console.log(`consumer types: ${assets.map((a) => `ebok-widgets/${a}`).join(', ')} resolve`);
} catch (error) {
  failures.push(`non-code exports: ${error.stderr || error.message}`);
}
rmSync(tarball, { force: true });

if (failures.length) {
  console.error(`\nconsumer types: the packed package does not type-check for its users (${seconds()}):\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log(`consumer types: the packed package type-checks in every consumer project (${seconds()})`);
