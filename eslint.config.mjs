import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The app's schemas are zod/mini through src/domain/zod.ts (which also loads zod's English messages):
 * a single classic `import { z } from 'zod'` anywhere in src puts all of classic zod back into the
 * participant's side panel (README, "Benchmarks").
 */
const zodOnlyThroughDomain = { regex: '^zod(/.*)?$', message: "Import { z } from src/domain/zod (zod/mini), not from 'zod'." };

/** The windows of the page around a frame; in Teams that page is another site (see the src/** rule below). */
const HOST_WINDOWS = ['parent', 'top', 'opener', 'frameElement'];
const CROSS_ORIGIN_HOST = "Inside Teams this window belongs to another site: talk to the host through src/teams (teams-js).";

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'test-results/', 'coverage/', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render free text as text.' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [zodOnlyThroughDomain] }],
    },
  },
  {
    // In Teams the app's frame is another site than the page around it, so its parent, top and opener
    // windows are cross-origin and reading them throws, however the same-origin meeting simulator
    // answers (README.md, "The meeting simulator"). The host is reached through teams-js, in src/teams only.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/teams/**'],
    rules: {
      'no-restricted-properties': ['error', ...HOST_WINDOWS.map((property) => ({ object: 'window', property, message: CROSS_ORIGIN_HOST }))],
      'no-restricted-globals': ['error', ...HOST_WINDOWS.map((name) => ({ name, message: CROSS_ORIGIN_HOST }))],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', '@fluentui/*', '@microsoft/teams-js', '@microsoft/microsoft-graph-client', '@azure/*'] }, zodOnlyThroughDomain] }],
      'no-restricted-globals': ['error', 'fetch', 'window', 'document', 'localStorage'],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@microsoft/teams-js', '@microsoft/microsoft-graph-client', '@azure/*'] }, zodOnlyThroughDomain] }],
    },
  },
  {
    files: ['src/domain/zod.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', '@fluentui/*', '@microsoft/teams-js', '@microsoft/microsoft-graph-client', '@azure/*'] }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
