/**
 * Whitespace and comments out of the text of css`` tagged templates, for the CDN build (vite.config.ts). The
 * bundler's minifier leaves template text as written, so every style sheet shipped its indentation, newlines and
 * comments. Only what CSS itself ignores goes: comments, and whitespace runs (kept as one space, or dropped next to
 * `{`, `}`, `;` and after `,`). The `${…}` parts stay where they are, with a space kept on each side where there
 * was one (`${a} ${b}` is a shorthand of two values). Strings (`[state='due']`) keep their text as written; a
 * template with a backslash (a CSS escape), or with a string or comment running past a `${…}`, is left as written. The templates are found by TypeScript's parser, so
 * a comment or a string that mentions css`` is never touched.
 *
 * Why not a CSS minifier (lightningcss, as @lit-labs/rollup-plugin-minify-html-literals does): it must parse the
 * CSS, and the `${…}` holes in selectors and at-rules are not CSS; tried on this code base, it gave up on the
 * seven largest style sheets, which is where the bytes are.
 */
import ts from 'typescript';

/** The minified text of one literal part (between two `${…}`). */
export function minifyCssText(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};]) ?/g, '$1')
    .replace(/, /g, ',');
}

/**
 * The minified text of one literal part that may hold CSS strings (`[state='due']`, `'Segoe UI'`): the strings
 * as written, the rest through minifyCssText. Undefined when a string or a comment does not end in the part
 * (it goes on past a `${…}`): then the template is left as written.
 */
export function minifyCssPart(text) {
  let out = '';
  let plain = '';
  for (let i = 0; i < text.length; ) {
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      plain += text.slice(i, end + 2);
      i = end + 2;
    } else if (text[i] === '"' || text[i] === "'") {
      const end = text.indexOf(text[i], i + 1);
      if (end < 0 || text.slice(i, end).includes('\n')) return undefined;
      out += minifyCssText(plain) + text.slice(i, end + 1);
      plain = '';
      i = end + 1;
    } else {
      plain += text[i++];
    }
  }
  return out + minifyCssText(plain);
}

/**
 * The text of html`` and svg`` templates with each run of whitespace that holds a line break made one space: the
 * indentation of the source, which a browser collapses to one space anyway (outside `<pre>` and `<textarea>`,
 * whose templates are left as written, as is any text inside an element styled `white-space: pre*`, which by our
 * convention holds its `${…}` on the same line as its tags).
 */
export function minifyHtmlText(text) {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

/** `code` (TypeScript or JavaScript) with the text of every css`` template minified; `code` itself when it has none. */
export function minifyCssLiterals(code, fileName = 'module.ts') {
  return minifyTemplates(code, fileName, (tag, texts) =>
    tag === 'css' && !texts.some((text) => text.includes('\\'))
      ? cssParts(texts)
      : (tag === 'html' || tag === 'svg') && !texts.some((text) => /<(pre|textarea)\b/i.test(text))
        ? texts.map(minifyHtmlText)
        : undefined,
  );
}

/** The minified parts of one css`` template, or undefined to leave it as written (see minifyCssPart). */
function cssParts(texts) {
  const parts = texts.map(minifyCssPart);
  return parts.every((part) => part !== undefined) ? parts : undefined;
}

/** Each tagged template's literal parts through `edit(tag, texts)`, which gives their new texts (or undefined). */
function minifyTemplates(code, fileName, edit) {
  if (!/\b(css|html|svg)`/.test(code)) return code;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** [start, end, text] of each literal part to replace, in source order. */
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const template = node.template;
      // Each part's text lies between its delimiters: ` and ${ (head), } and ${ (middle), } and ` (tail).
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [[template, 1, 1]]
        : [[template.head, 1, 2], ...template.templateSpans.map((span) => [span.literal, 1, ts.isTemplateTail(span.literal) ? 1 : 2])];
      const ranges = parts.map(([part, open, close]) => [part.getStart(source) + open, part.getEnd() - close]);
      const edited = edit(node.tag.text, ranges.map(([start, end]) => code.slice(start, end)));
      if (edited) ranges.forEach(([start, end], i) => edits.push([start, end, edited[i]]));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}
