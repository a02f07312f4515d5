import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'release/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'tests/fixtures/',
      'content/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,svelte}'],
    languageOptions: {
      globals: { ...globals.browser },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.svelte'],
      },
    },
  },
  // One wrapper touches ipcMain, one touches ipcRenderer (DESIGN.md, "Two hosts, one contract"):
  // the sender check and the narrow page API then cannot be bypassed by a stray import.
  {
    ignores: ['electron/ipc/ipc-main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', banElectronImports(['ipcMain', 'ipcRenderer'])] },
  },
  {
    // The page runs in a sandbox with no Node: it may import only types from electron/.
    files: ['renderer/**/*.{ts,svelte}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'zod', 'better-sqlite3', 'shiki', 'markdown-it', 'yaml'].map(
            (name) => ({ name, message: 'The renderer must not import Node or host libraries.' }),
          ),
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox: no Node.' },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', '!**/electron/**/*.ts'],
              message: 'Import only types from electron/.',
            },
            {
              // page-address.ts is the one module both sides run: the grammar of the page's
              // addresses, pure and with no imports but types, so host and page cannot disagree.
              group: ['**/electron/**/*.ts', '!**/electron/page-address.ts'],
              allowTypeImports: true,
              message: 'Import only types from electron/ (import type …).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/ipc/ipc-main.ts'],
    rules: { 'no-restricted-imports': ['error', banElectronImports(['ipcRenderer'])] },
  },
  {
    files: ['electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', banElectronImports(['ipcMain'])] },
  },
);

/** no-restricted-imports options banning `names` from electron and its process-specific entries. */
function banElectronImports(names) {
  const message =
    'Only electron/ipc/ipc-main.ts imports ipcMain and only electron/preload.ts imports ipcRenderer.';
  return {
    paths: ['electron', 'electron/main', 'electron/renderer', 'electron/common'].map((name) => ({
      name,
      importNames: names,
      message,
    })),
  };
}
