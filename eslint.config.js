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
