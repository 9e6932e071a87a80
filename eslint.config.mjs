// Flat config: typescript-eslint with type information for the promise rules,
// the Office add-in rules, and the boundaries that keep the engine pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';

// The front ends: the pane's entry, the shared UI, the web page, the CLI, the ribbon command.
const FRONT_ENDS = ['**/taskpane/**', '**/taskpane', '**/ui/**', '**/ui', '**/web/**', '**/web', '**/cli/**', '**/cli', '**/commands/**', '**/commands'];
const noFrontEnds = (who) => ({
  group: FRONT_ENDS,
  message: `${who} no importa una interfaz, la línea de comandos ni el comando de la cinta (src/taskpane, src/ui, src/web, src/cli, src/commands).`,
});

const engineBoundary = {
  patterns: [
    noFrontEnds('El motor (src/engine)'),
    { group: ['**/hosts/**', '**/app/**', '**/app'], message: 'El motor (src/engine) no importa hosts ni la capa de aplicación.' },
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
    // The application layer: used by every front end, in Node and in the browser.
    files: ['src/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noFrontEnds('La capa de aplicación (src/app)'),
            { group: ['**/hosts/**'], message: 'La capa de aplicación habla con los hosts por WorkbookPort (src/app/port.ts), sin importarlos.' },
            { group: ['fs', 'node:*', 'path'], message: 'La capa de aplicación corre también en el navegador.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/hosts/office/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noFrontEnds('El host de Office'), { group: ['**/xlsx/**', '**/xlsx'], message: 'Un host no importa otro host.' }] },
      ],
    },
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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noFrontEnds('El host .xlsx'),
            { group: ['**/office/**', '**/office'], message: 'Un host no importa otro host.' },
            { group: ['fs', 'node:*', 'path'], message: 'El host .xlsx corre también en el navegador.' },
          ],
        },
      ],
    },
  },
);
