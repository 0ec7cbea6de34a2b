// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

/**
 * What the project forbids, whatever a plugin allows (README "Security"):
 * - `unsafeHTML`, `unsafeSVG`, `unsafeCSS`: strings become markup or CSS, the way in for injection, and they
 *   break a Trusted Types policy;
 * - `styleMap` and any `style=` in a template: they need `style-src 'unsafe-inline'`, which strict CSP forbids.
 *   Use classes and custom properties set from the stylesheet instead.
 */
const forbidden = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML is forbidden: render text, or build the markup with html``.' },
        { name: 'lit/directives/unsafe-svg.js', message: 'unsafeSVG is forbidden: write the SVG in svg`` or html``.' },
        { name: 'lit/directives/style-map.js', message: 'styleMap is forbidden (needs unsafe-inline styles under CSP): use classes.' },
        { name: 'lit-html/directives/unsafe-html.js', message: 'unsafeHTML is forbidden.' },
        { name: 'lit-html/directives/style-map.js', message: 'styleMap is forbidden.' },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "Identifier[name='unsafeHTML']", message: 'unsafeHTML is forbidden.' },
    { selector: "Identifier[name='unsafeSVG']", message: 'unsafeSVG is forbidden.' },
    { selector: "Identifier[name='unsafeCSS']", message: 'unsafeCSS is forbidden: compose css`` literals and tokens.' },
    { selector: "Identifier[name='styleMap']", message: 'styleMap is forbidden (needs unsafe-inline styles under CSP).' },
    {
      selector: "TaggedTemplateExpression[tag.name=/^(html|svg)$/] TemplateElement[value.raw=/(^|[\\s\"'])[.?]?style\\s*=/]",
      message: 'No style= in templates: strict CSP forbids inline styles. Use a class or a custom property.',
    },
    { selector: "MemberExpression[object.name='localStorage']", message: 'No personal data or tokens in localStorage.' },
    { selector: "MemberExpression[object.name='sessionStorage']", message: 'No personal data or tokens in sessionStorage.' },
    { selector: "MemberExpression[property.name='innerHTML']", message: 'innerHTML is forbidden: render with html``.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'storybook-static/',
      'coverage/',
      'src/i18n/locales/',
      'src/i18n/locale-codes.ts',
      'src/api/schema.d.ts',
      'stories/public/mockServiceWorker.js',
      '.data/',
      'test/types/', // a consumer project of the packed package, type-checked by test/tools/check-consumer-types.mjs
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    // tsconfig's include skips the dot folder .storybook, but its preview.ts is in the program all the same
    // (the story check, test/stories/, imports it); the rest of .storybook is linted in the default project.
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', '*.ts', '.storybook/main.ts', '.storybook/vite.config.ts', 'test/tools/*.mjs', 'test/tools/*.d.mts', 'test/built/pages/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts', '.storybook/**/*.ts'],
    ignores: ['demo/server/**'],
    languageOptions: { globals: globals.browser },
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs['flat/recommended'].rules,
      ...wc.configs['flat/recommended'].rules,
      ...wc.configs['flat/best-practice'].rules,
      ...litA11y.configs.recommended.rules,
      ...forbidden,
      'lit/no-template-bind': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-native-attributes': 'off', // `lang` and `hidden` are meant to work on our elements as on any element
      'wc/guard-super-call': 'off', // LitElement always has connectedCallback/disconnectedCallback
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts'],
    rules: {
      // @open-wc/semantic-dom-diff types every chai `equal` as a Promise, so this rule cannot tell real
      // floating promises in tests; the one that matters, an un-awaited accessibility check, is caught below.
      '@typescript-eslint/no-floating-promises': 'off',
      'no-restricted-syntax': [
        'error',
        ...forbidden['no-restricted-syntax'].slice(1),
        {
          selector: "ExpressionStatement > CallExpression[callee.property.name=/^(accessible|isAccessible)$/]",
          message: 'Await the accessibility check, or it can never fail.',
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js', '**/*.mjs', 'vite.config.ts', 'demo/server/**/*.ts', 'test/tools/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/built/pages/*.js', 'demo/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
