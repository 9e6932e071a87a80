// Flat config: typescript-eslint with type information for the promise rules,
// the Office add-in rules, and the boundaries that keep the engine pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';

const engineBoundary = {
  patterns: [
    { group: ['**/hosts/**', '**/taskpane/**', '**/web/**', '**/commands/**', '**/cli/**'], message: 'El motor (src/engine) no importa hosts ni UI.' },
    { group: ['react', 'react-dom', '@fluentui/*', 'fflate', 'saxes', 'exceljs', '@e965/xlsx', 'office-addin-*'], message: 'El motor es puro: sin UI ni librerías de archivos.' },
    { group: ['fs', 'node:*', 'path', 'os', 'child_process'], message: 'El motor no hace E/S.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', '.tmp/**', '*.config.js', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' },
    },
    plugins: { 'office-addins': officeAddins },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-template-curly-in-string': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/no-office-initialize': 'error',
    },
  },
  {
    // Plain CommonJS scripts (run by node itself, without a TypeScript loader).
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', engineBoundary],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'OfficeExtension', 'document', 'window', 'fetch'],
    },
  },
  {
    // Components get what they need from a service; they never name Office.js.
    files: ['src/ui/**', 'src/web/components/**'],
    rules: { 'no-restricted-globals': ['error', 'Office', 'Excel', 'OfficeExtension'] },
  },
  {
    // The shared UI gets a PoiService; the web page shares src/ui, never the pane's entry.
    files: ['src/ui/**', 'src/web/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/taskpane/**', '**/hosts/office/**', '**/commands/**', '**/cli/**'], message: 'La UI compartida (src/ui) y la página web no importan el panel, el host de Office, los comandos ni la CLI.' },
      ] }],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/taskpane/**', '**/web/**', '**/hosts/**', '**/commands/**', '**/cli/**'], message: 'La UI compartida recibe un PoiService: no importa hosts, el panel, la página web, los comandos ni la CLI.' },
      ] }],
    },
  },
  {
    files: ['src/hosts/xlsx/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['fs', 'node:*', 'path'], message: 'El host .xlsx corre también en el navegador.' }] }],
    },
  },
);
