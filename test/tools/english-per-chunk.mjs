/**
 * The CDN build's English, chunk by chunk (vite.config.ts). @lit/localize's runtime mode loads one module with
 * every message of the library (24 KB gzipped), so an English page paid for the texts of all 25 widgets to show
 * one. Here:
 * - each source module's `msg()` calls are read with TypeScript's parser, and each message's id worked out as
 *   @lit/localize does at run time (the `id` option, else `s` + the FNV-1a hash of the template's strings);
 * - each output chunk that shows messages gets, next to it, `<chunk>.en.js` with the English of those messages
 *   only (from the generated src/i18n/locales/en.ts), and starts with `await <registry>(import.meta.url)`
 *   (src/cdn/english.ts), so it fetches its English on an English page before anything in it renders;
 * - the chunk's hash covers its English, so a changed translation is a new file name for a cache;
 * - src/i18n/texts.ts is replaced by src/cdn/texts.ts, which reads the registry instead of the big module.
 * `chunkHasEnglish(file)` tells the loader's table which chunks have a part (the loader preloads it with them).
 */
import ts from 'typescript';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';

const REGISTRY = 'globalThis[Symbol.for("ebok-widgets.texts")]';

/** The message ids a module's `msg()` calls use. */
export function messageIds(code, fileName) {
  if (!code.includes('msg(')) return [];
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const ids = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg' && node.arguments.length) {
      const [template, options] = node.arguments;
      const explicit =
        options && ts.isObjectLiteralExpression(options)
          ? options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'id')
          : undefined;
      if (explicit && ts.isStringLiteralLike(explicit.initializer)) ids.push(explicit.initializer.text);
      else if (ts.isStringLiteralLike(template)) ids.push(generateMsgId(template.text, false));
      else if (ts.isTaggedTemplateExpression(template) && template.tag.getText(source) === 'str') {
        const t = template.template;
        const strings = ts.isNoSubstitutionTemplateLiteral(t) ? [t.text] : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
        ids.push(generateMsgId(strings, false));
      } else {
        throw new Error(`${fileName}: a msg() whose id the build cannot tell (${template.getText(source).slice(0, 60)}); give it a literal or str\`\``);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return ids;
}

/** The English templates of the generated module (src/i18n/locales/en.ts), by id. */
function englishTemplates(root) {
  const path = resolve(root, 'src/i18n/locales/en.ts');
  const code = readFileSync(path, 'utf8');
  const body = code.replace(/^\s*import\s*\{\s*str\s*\}\s*from\s*'@lit\/localize';/m, '').replace(/export const templates\s*=/, 'return ');
  if (body === code) throw new Error(`${path} is not what lit-localize writes`);
  const str = (strings, ...values) => ({ strTag: true, strings: [...strings], values });
  return new Function('str', body)(str);
}

/** @lit/localize's id module, as its run time imports it (`internal/runtime-msg.js` → `./id-generation.js`). */
const ID_MODULE = '\0ebok-short-msg-id';

/**
 * How many hex digits of the FNV-1a hash a message id needs for every id of `ids` to stay unique: the English
 * parts name each message by its id, and 16 digits of a hash do not compress (9 bytes of gzip per message).
 */
export function shortIdLength(ids) {
  for (let length = 6; length < 16; length++) {
    if (new Set(ids.map((id) => shortId(id, length))).size === new Set(ids).size) return length;
  }
  return 16;
}

/** A generated id (`s` or `h` and 16 hex digits) cut to `length` digits; an explicit `{ id }` as it is. */
export const shortId = (id, length) => (/^[sh][0-9a-f]{16}$/.test(id) ? id.slice(0, 1 + length) : id);

export function englishPerChunk(root) {
  const idsOf = new Map(); // module id → message ids
  let templates = {};
  let length = 16;
  const short = (id) => shortId(id, length);
  const chunkEnglish = (chunk) => {
    const part = {};
    for (const module of chunk.moduleIds) for (const id of idsOf.get(module) ?? []) if (id in templates) part[short(id)] = templates[id];
    return Object.keys(part).length ? part : undefined;
  };
  return {
    name: 'ebok-english-per-chunk',
    enforce: 'pre',
    buildStart() {
      templates = englishTemplates(root);
      length = shortIdLength(Object.keys(templates));
      idsOf.clear();
    },
    async resolveId(source, importer) {
      // The CDN build's message ids are the first digits of the hash @lit/localize makes (shortIdLength): the run
      // time and the English parts (chunkEnglish) cut them the same way.
      if (source === './id-generation.js' && importer && /[\\/]@lit[\\/]localize[\\/]internal[\\/]runtime-msg\.js$/.test(importer)) return ID_MODULE;
      if (!importer || !/[\\/]src[\\/]i18n[\\/]locale\.ts/.test(importer) || source !== './texts.js') return null;
      return this.resolve('../cdn/texts.js', importer, { skipSelf: true });
    },
    load(id) {
      if (id !== ID_MODULE) return null;
      return [
        `import { fnv1a64 } from '@lit/localize/internal/fnv1a64.js';`,
        // (The run time imports only generateMsgId; '\\x1e' is @lit/localize's HASH_DELIMITER.)
        `export const generateMsgId = (strings, html) => (html ? 'h' : 's') + fnv1a64(typeof strings === 'string' ? strings : strings.join('\\x1e')).slice(0, ${length});`,
      ].join('\n');
    },
    transform(code, id) {
      if (!/[\\/]src[\\/][^?]*\.ts$/.test(id) || /[\\/]src[\\/]i18n[\\/]locales[\\/]/.test(id)) return null;
      const ids = messageIds(code, id);
      if (ids.length) idsOf.set(id, ids);
      return null;
    },
    augmentChunkHash(chunk) {
      const part = chunkEnglish(chunk);
      return part ? createHash('sha256').update(JSON.stringify(part)).digest('hex') : undefined;
    },
    // As an intro (after the chunk's imports, which run first anyway), so the bundler keeps the source maps right.
    intro(chunk) {
      return chunk.isEntry || !chunkEnglish(chunk) ? '' : `await ${REGISTRY}?.(import.meta.url);`;
    },
    generateBundle(_options, bundle) {
      // A message without English (or one the translations do not know yet) must not share its short id with one that has.
      const all = [...new Set([...idsOf.values()].flat(), ...Object.keys(templates))];
      if (new Set(all.map(short)).size !== all.length) this.error(`Two message ids share their first ${length} digits: shortIdLength must count every id.`);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.isEntry) continue;
        const part = chunkEnglish(chunk);
        if (part) this.emitFile({ type: 'asset', fileName: chunk.fileName.replace(/\.js$/, '.en.js'), source: `export default ${JSON.stringify(part)};` });
      }
    },
    /** Whether a chunk (as renderChunk sees it) has an English part. */
    api: { chunkHasEnglish: (chunk) => !!chunkEnglish(chunk), idModule: ID_MODULE },
  };
}
