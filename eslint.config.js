import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { folderBoundaries } from './build/lint/folderBoundaries.js';

const NO_OPEN_EXTERNAL = {
  selector: "CallExpression[callee.property.name='openExternal'][callee.object.name='shell']",
  message: 'Ferry opens no URL outside the app (issue #16); one would need a fixed allow-list in security.ts.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'test/artifacts/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', NO_OPEN_EXTERNAL],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    plugins: { ferry: { rules: { 'folder-boundaries': folderBoundaries } } },
    rules: { 'ferry/folder-boundaries': 'error' },
  },
  {
    // Every request to OSS, STS and a token service goes through network/network.ts, so network settings
    // (proxy, certificates) reach all of them. The sandbox is the server side and makes no requests.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/network/**', 'src-main/sandbox/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_OPEN_EXTERNAL,
        { selector: "CallExpression[callee.name='fetch']", message: 'Make requests with Network.fetch (network/network.ts), so network settings apply.' },
        { selector: "CallExpression[callee.name='createOssClient']", message: 'Make OSS clients with Network.ossClient (network/network.ts), so network settings apply.' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // Only these files may load Electron: everything else must run in plain Node (CLI, tests).
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/main.ts', 'src-main/preload.ts', 'src-main/shell/**', 'src-main/ipc.ts', 'src-main/security.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only shell/, main.ts, preload.ts, ipc.ts and security.ts may import electron.', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        // …except the message-template filler, the inert-name rule and the expiry presets: pure code without
        // imports, so plurals, hidden characters and the expiry choices work alike on both sides.
        { patterns: [{ regex: '(^|/)src-main/(?!i18n/fillTemplate\\.ts$|names/inertName\\.ts$|contract/expiryPresets\\.ts$|contract/keyFileLimit\\.ts$)', message: 'The renderer imports types only from src-main.', allowTypeImports: true }] },
      ],
    },
  },
);
