// Part of `npm test` (with the lint step): the project's ESLint bans really fire. Each snippet below must be
// refused when it appears in a widget; a config change that silently drops a ban fails here.
import { ESLint } from 'eslint';

const cases = [
  ['unsafeHTML', "import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const a = unsafeHTML('<b>x</b>');\n"],
  ['unsafeCSS', "import { unsafeCSS } from 'lit';\nexport const a = unsafeCSS('a{}');\n"],
  ['styleMap', "import { styleMap } from 'lit/directives/style-map.js';\nexport const a = styleMap({});\n"],
  ['style= binding', "import { html } from 'lit';\nexport const a = (c: string) => html`<p style=${c}>x</p>`;\n"],
  ['static style attribute', "import { html } from 'lit';\nexport const a = html`<p style=\"color: red\">x</p>`;\n"],
  ['localStorage', "export const a = () => localStorage.setItem('token', 'x');\n"],
  ['innerHTML', "export const a = (el: HTMLElement) => { el.innerHTML = '<b>x</b>'; };\n"],
];

const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });
const failures = [];
for (const [name, code] of cases) {
  const [result] = await eslint.lintText(code, { filePath: 'src/core/version.ts' });
  const errors = (result?.messages ?? []).filter((m) => m.severity === 2 && /forbidden|No style=|No personal data/.test(m.message));
  if (errors.length === 0) failures.push(`${name}: not refused (${(result?.messages ?? []).map((m) => m.message).join('; ') || 'no messages'})`);
}
if (failures.length) {
  console.error(['ESLint bans that did not fire:', ...failures.map((f) => `  - ${f}`)].join('\n'));
  process.exit(1);
}
console.log(`lint bans fire: ${cases.map(([name]) => name).join(', ')}`);
