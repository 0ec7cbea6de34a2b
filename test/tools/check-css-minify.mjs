/**
 * The CDN build's css`` minifier (minify-css-literals.mjs) changes no rule: for every css`` template in src/, the
 * style sheet before and after, with each `${…}` as a stand-in name, is the same style sheet once a real CSS
 * minifier (lightningcss, which Vite brings) has normalised both. Plus the cases a regex could get wrong.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { transform } from 'lightningcss';
import { minifyCssLiterals, minifyCssText } from './minify-css-literals.mjs';

// The cases.
assert.equal(minifyCssText('\n  :host {\n    display: block; /* a note */\n  }\n'), ' :host{display: block;}');
assert.equal(minifyCssLiterals('css`a { margin: ${x} ${y}; }`'), 'css`a{margin: ${x} ${y};}`', 'a space between two values stays');
assert.equal(minifyCssLiterals('css`${wrap} :is(.a, .b) { color: red }`'), 'css`${wrap} :is(.a,.b){color: red}`', 'a descendant combinator stays');
assert.equal(minifyCssLiterals("css`a::before { content: '  x  '; }`"), "css`a::before{content: '  x  ';}`", 'a string keeps its spaces');
assert.equal(minifyCssLiterals("css`/* \"a\" */ a[b='c d'] , e { f: 'g' \n 'h'; }`"), "css` a[b='c d'] ,e{f: 'g' 'h';}`", 'quotes in a comment, two strings');
assert.equal(minifyCssLiterals("css`a { content: '${x}'; }`"), "css`a { content: '${x}'; }`", 'a string around a ${…} leaves the template as written');
assert.equal(minifyCssLiterals("css`a::before { content: '\\2014'; }`"), "css`a::before { content: '\\2014'; }`", 'an escape leaves the template as written');
assert.equal(minifyCssLiterals('// css` in a comment\nconst s = "css`  x  `";'), '// css` in a comment\nconst s = "css`  x  `";', 'comments and strings are not templates');
assert.equal(minifyCssLiterals('css`a { ${on ? css`b {  c: d; }` : nothing} }`'), 'css`a{${on ? css`b{c: d;}` : nothing}}`', 'nested templates too');
assert.equal(minifyCssLiterals('html`<p>  a  </p>`'), 'html`<p>  a  </p>`', 'only css``');

// Every template of src/, as lightningcss reads it, before and after.
function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

/** Each css`` template of `code` as CSS text, with `${…}` as `_e0`, `_e1` … (a name is valid as a value and as a selector). */
function sheets(code, fileName) {
  const found = [];
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') {
      const t = node.template;
      found.push(ts.isNoSubstitutionTemplateLiteral(t) ? t.rawText : t.head.rawText + t.templateSpans.map((span, i) => `_e${i}` + span.literal.rawText).join(''));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// (lightningcss keeps the tokens of a var() fallback as written, where a space after a comma means nothing.)
const normalised = (css, where) =>
  transform({ filename: where, code: Buffer.from(css), minify: true, errorRecovery: true })
    .code.toString()
    .replace(/, /g, ',');

let compared = 0;
for (const file of files('src')) {
  const code = readFileSync(file, 'utf8');
  const before = sheets(code, file);
  if (!before.length) continue;
  const after = sheets(minifyCssLiterals(code, file), file);
  assert.equal(after.length, before.length, `${file}: as many css\`\` templates after as before`);
  before.forEach((css, i) => {
    // A template that nests another one in `${…}` is compared through its stand-ins; the nested one on its own.
    assert.equal(normalised(after[i], file), normalised(css, file), `${file}: css\`\` template ${i + 1} is the same style sheet after minifying`);
    compared++;
  });
}
assert.ok(compared > 50, `the style sheets of src/ were compared (${compared})`);
console.log(`css\`\` minifier: ${compared} style sheets of src/ unchanged in meaning`);
