// Writes, from custom-elements.json, what editors and frameworks need to know about each public element
// (one that has its own entry, dist/ebok-<name>.js). Part of `npm run build`, after `npm run manifest`.
// Generated rather than written by hand, so that an attribute or event added to a widget reaches them all:
// - dist/editor/html-custom-data.json: VS Code's HTML custom data (`html.customData`);
// - dist/editor/web-types.json: JetBrains web-types (found through package.json#web-types);
// - dist/types/react-jsx.d.ts (`ebok-widgets/react-jsx`): the elements in React 19's JSX, attributes as
//   attributes (`api-base`) and events as `on<event-name>` props (`onebok-login-success`), the way React 19
//   passes them to custom elements;
// - dist/types/vue.d.ts (`ebok-widgets/vue`): Vue's GlobalComponents, so that vue-tsc checks templates;
// - dist/react/ (`ebok-widgets/react`): React components made with @lit/react, for hosts on React 18 (which
//   passes everything as attributes and knows no custom-element events): properties are set before the
//   element first renders and events are camelCase props (`onEbokLoginSuccess`).
// Attribute types are read with the TypeScript checker from dist/types, so `ThemeName` offers its values.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const indexModule = manifest.modules.find((m) => m.path === 'dist/index.js');
const exportedByIndex = new Set((indexModule?.exports ?? []).map((e) => e.name));

/** `ebok-login-success` -> `EbokLoginSuccess`. */
const pascal = (name) => name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
/** A description fit for a JSDoc comment. */
const jsdoc = (text, indent = '') =>
  text ? `${indent}/**\n${text.replaceAll('*/', '*\\/').split('\n').map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */\n` : '';

const checker = typeChecker();

const elements = [];
for (const module of manifest.modules) {
  for (const declaration of module.declarations ?? []) {
    if (!declaration.tagName || module.path !== `dist/${declaration.tagName}.js`) continue;
    const tag = declaration.tagName;
    const instance = checker.instanceOf(tag, declaration.name);
    const attributes = (declaration.attributes ?? [])
      .filter((a) => a.fieldName)
      .map((a) => ({ name: a.name, field: a.fieldName, description: a.description ?? '', default: a.default, ...checker.describe(instance, a.fieldName) }));
    const attributeFields = new Set(attributes.map((a) => a.field));
    const properties = (declaration.members ?? [])
      .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public')
      .map((m) => ({ name: m.name, description: m.description ?? '', attribute: attributeFields.has(m.name), ...checker.describe(instance, m.name) }));
    const events = (declaration.events ?? []).map((e) => ({
      name: e.name,
      description: e.description ?? '',
      type: e.type?.text && exportedByIndex.has(e.type.text) ? e.type.text : undefined,
    }));
    elements.push({
      tag,
      className: declaration.name,
      description: declaration.description ?? declaration.summary ?? '',
      attributes,
      properties,
      events,
      parts: declaration.cssParts ?? [],
      cssProperties: declaration.cssProperties ?? [],
      slots: declaration.slots ?? [],
    });
  }
}
elements.sort((a, b) => a.tag.localeCompare(b.tag));
if (!elements.length) throw new Error('custom-elements.json names no public element (dist/ebok-<name>.js): run `npm run manifest`');

const write = (path, text) => {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
  return path;
};
const eventTypes = (list) => [...new Set(list.flatMap((e) => e.events.map((ev) => ev.type).filter(Boolean)))].sort();

/** Markdown for an editor's hover: what it is, its events, parts and custom properties. */
function elementDoc(element) {
  const list = (title, items) => (items.length ? `\n\n**${title}:** ${items.map((i) => `\`${i.name}\``).join(', ')}` : '');
  return `${element.description}${list('Events', element.events)}${list('CSS parts', element.parts)}${list('CSS custom properties', element.cssProperties)}`;
}

const written = [];

// VS Code: https://github.com/microsoft/vscode-html-languageservice/blob/main/docs/customData.md
written.push(
  write(
    'editor/html-custom-data.json',
    `${JSON.stringify(
      {
        $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
        version: 1.1,
        tags: elements.map((element) => ({
          name: element.tag,
          description: { kind: 'markdown', value: elementDoc(element) },
          attributes: element.attributes.map((a) => ({
            name: a.name,
            description: { kind: 'markdown', value: `${a.description}${a.default ? `\n\nDefault: \`${a.default}\`` : ''}` },
            ...(a.kind === 'boolean' ? { valueSet: 'v' } : {}),
            ...(a.values.length ? { values: a.values.map((name) => ({ name })) } : {}),
          })),
        })),
      },
      null,
      2,
    )}\n`,
  ),
);

// JetBrains: https://github.com/JetBrains/web-types
written.push(
  write(
    'editor/web-types.json',
    `${JSON.stringify(
      {
        $schema: 'https://json.schemastore.org/web-types',
        name: pkg.name,
        version: pkg.version,
        'description-markup': 'markdown',
        'js-types-syntax': 'typescript',
        contributions: {
          html: {
            elements: elements.map((element) => ({
              name: element.tag,
              description: elementDoc(element),
              source: { module: `${pkg.name}/${element.tag}.js`, symbol: element.className },
              attributes: element.attributes.map((a) => ({
                name: a.name,
                description: a.description,
                value: { type: a.type, ...(a.kind === 'boolean' ? {} : { kind: 'plain' }), ...(a.default ? { default: a.default } : {}) },
              })),
              slots: element.slots.map((s) => ({ name: s.name, description: s.description ?? '' })),
              events: element.events.map((e) => ({ name: e.name, description: e.description })),
              js: {
                properties: element.properties.map((p) => ({ name: p.name, description: p.description, type: p.type })),
                events: element.events.map((e) => ({ name: e.name, description: e.description, ...(e.type ? { type: e.type } : {}) })),
              },
            })),
          },
          css: {
            properties: unique(elements.flatMap((e) => e.cssProperties.map((p) => ({ name: p.name, description: p.description ?? '' })))),
            'pseudo-elements': unique(elements.flatMap((e) => e.parts.map((p) => ({ name: `part(${p.name})`, description: p.description ?? '' })))),
          },
        },
      },
      null,
      2,
    )}\n`,
  ),
);

function unique(items) {
  const byName = new Map();
  for (const item of items) if (!byName.has(item.name)) byName.set(item.name, item);
  return [...byName.values()];
}

// React 19's JSX.
written.push(
  write(
    'types/react-jsx.d.ts',
    `/**
 * The ebok elements in React 19's JSX (generated from custom-elements.json by test/tools/write-integrations.mjs).
 * Load once in a project, e.g. in a .d.ts file: \`import type {} from 'ebok-widgets/react-jsx';\`
 * Attributes are written as in HTML (\`api-base="…"\`) and events as \`on<event-name>\`
 * (\`onebok-login-success={…}\`): React 19 sets those as attributes and listeners on the element. Hosts on
 * React 18 use the components of \`ebok-widgets/react\` instead.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${elements.map((e) => `import type { ${e.className} } from './${e.tag}.js';`).join('\n')}
import type { ${eventTypes(elements).join(', ')} } from './index.js';

/** An attribute's value: numbers may be written as strings too, as in HTML. */
type EbokAttribute<T> = T extends number ? T | \`\${T}\` : T;

type EbokJsxElement<E extends HTMLElement, Attributes, Events> = DetailedHTMLProps<HTMLAttributes<E>, E> & Partial<Attributes> & Partial<Events>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements
  .map(
    (e) => `${jsdoc(e.description, '      ')}      '${e.tag}': EbokJsxElement<
        ${e.className},
        {
${e.attributes.map((a) => `${jsdoc(a.description, '          ')}          '${a.name}': EbokAttribute<${e.className}['${a.field}']>;`).join('\n')}
        },
        {
${e.events.map((ev) => `${jsdoc(ev.description, '          ')}          'on${ev.name}': (event: ${ev.type ?? 'Event'}) => void;`).join('\n')}
        }
      >;`,
  )
  .join('\n')}
    }
  }
}
`,
  ),
);

// Vue's GlobalComponents, in the form of the Vue guide ("Web Components" › "Non-Vue Web Components and TypeScript").
written.push(
  write(
    'types/vue.d.ts',
    `/**
 * The ebok elements as Vue global components, for type-checked templates (vue-tsc, Vue - Official)
 * (generated from custom-elements.json by test/tools/write-integrations.mjs). Load once, e.g. in env.d.ts:
 * \`import type {} from 'ebok-widgets/vue';\` and tell Vue's compiler they are custom elements:
 * \`compilerOptions.isCustomElement: (tag) => tag.startsWith('ebok-')\`.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${elements.map((e) => `import type { ${e.className} } from './${e.tag}.js';`).join('\n')}
import type { ${eventTypes(elements).join(', ')} } from './index.js';

type EbokVueElement<E extends HTMLElement, Props extends keyof E, Events extends Record<string, Event>> = new () => E & {
  /** @deprecated For template type-checking only: not a property of the element. */
  $props: HTMLAttributes & Partial<Pick<E, Props>> & PublicProps;
  /** @deprecated For template type-checking only: not a method of the element. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
${elements
  .map(
    (e) =>
      `${jsdoc(e.description, '    ')}    '${e.tag}': EbokVueElement<\n      ${e.className},\n      ${e.properties.map((p) => `'${p.name}'`).join(' | ') || 'never'},\n      {${e.events.map((ev) => ` '${ev.name}': ${ev.type ?? 'Event'};`).join('')} }\n    >;`,
  )
  .join('\n')}
  }
}
`,
  ),
);

// React components for React 18 hosts (@lit/react).
for (const e of elements) {
  const events = e.events.map((ev) => ({ ...ev, prop: `on${pascal(ev.name)}` }));
  const types = [...new Set(events.map((ev) => ev.type).filter(Boolean))].sort();
  written.push(
    write(
      `react/${e.tag}.js`,
      `// <${e.tag}> as a React component (@lit/react). Generated from custom-elements.json by test/tools/write-integrations.mjs.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { ${e.className} as ${e.className}Element } from '../${e.tag}.js';

export const ${e.className} = createComponent({
  tagName: '${e.tag}',
  elementClass: ${e.className}Element,
  react: React,
  events: {${events.map((ev) => `\n    ${ev.prop}: '${ev.name}',`).join('')}
  },
  displayName: '${e.className}',
});
`,
    ),
    write(
      `react/${e.tag}.d.ts`,
      `import type { EventName, ReactWebComponent } from '@lit/react';
import type { ${e.className} as ${e.className}Element } from '../types/${e.tag}.js';
${types.length ? `import type { ${types.join(', ')} } from '../types/index.js';\n` : ''}
${jsdoc(`\`<${e.tag}>\` as a React component: properties as props (set before the element first renders), events as ${events.length ? events.map((ev) => `\`${ev.prop}\``).join(', ') : 'none'}.\n\n${e.description}`)}export declare const ${e.className}: ReactWebComponent<
  ${e.className}Element,
  {${events.map((ev) => `\n${jsdoc(`\`${ev.name}\`: ${ev.description}`, '    ')}    ${ev.prop}: EventName<${ev.type ?? 'Event'}>;`).join('')}
  }
>;
`,
    ),
  );
}
const reactIndex = elements.map((e) => `export { ${e.className} } from './${e.tag}.js';`).join('\n');
written.push(
  write('react/index.js', `// Every ebok element as a React component (@lit/react); one element: ebok-widgets/react/ebok-<name>.js.\n${reactIndex}\n`),
  write('react/index.d.ts', `${reactIndex}\n`),
);

console.log(`dist: ${written.length} files for editors and frameworks (${elements.map((e) => e.tag).join(', ')})`);

/** The checker over dist/types: an element's instance type, and what a property of it accepts. */
function typeChecker() {
  const entries = manifest.modules.filter((m) => /^dist\/ebok-[^/]+\.js$/.test(m.path)).map((m) => join(dist, 'types', m.path.slice('dist/'.length).replace(/\.js$/, '.d.ts')));
  const program = ts.createProgram(entries, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    strict: true,
    skipLibCheck: true,
    types: [],
    noEmit: true,
  });
  const check = program.getTypeChecker();
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;
  return {
    instanceOf(tag, className) {
      const file = program.getSourceFile(join(dist, 'types', `${tag}.d.ts`));
      const moduleSymbol = file && check.getSymbolAtLocation(file);
      let symbol = moduleSymbol && check.getExportsOfModule(moduleSymbol).find((s) => s.name === className);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = check.getAliasedSymbol(symbol);
      if (!symbol) throw new Error(`dist/types/${tag}.d.ts does not export ${className}: run the build (tsc, write-entry-types.mjs) first`);
      return { type: check.getDeclaredTypeOfSymbol(symbol), file };
    },
    /** { type, kind: 'boolean' | 'number' | 'string' | 'other', values: string literals it takes }. */
    describe(instance, field) {
      const property = check.getPropertyOfType(instance.type, field);
      if (!property) throw new Error(`${check.typeToString(instance.type)} has no property ${field}`);
      const type = check.getTypeOfSymbolAtLocation(property, instance.file);
      const members = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      const values = members.filter((t) => t.isStringLiteral()).map((t) => t.value);
      const kind = members.every((t) => t.flags & ts.TypeFlags.BooleanLike)
        ? 'boolean'
        : members.every((t) => t.flags & ts.TypeFlags.NumberLike)
          ? 'number'
          : members.every((t) => t.flags & ts.TypeFlags.StringLike)
            ? 'string'
            : 'other';
      // A union is spelled out member by member, so that an alias (`BalanceState`) shows its values.
      const optional = members.length < (type.isUnion() ? type.types.length : 1);
      const spelled = kind === 'boolean' ? 'boolean' : members.map((t) => check.typeToString(t, undefined, flags)).join(' | ');
      const text = `${spelled}${optional ? ' | undefined' : ''}`;
      return { type: text, kind, values };
    },
  };
}
