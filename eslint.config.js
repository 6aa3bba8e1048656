// Lint: JavaScript's and typescript-eslint's recommended rules, and the boundary between the
// builder (src/), the app (web/) and the code they share (src/shared/): see docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** An import rule for the files `files`: the import specifiers (a regular expression) they may not use, and why. */
const boundary = (files, ignores, regex, message) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test/.tmp/', 'test/fixtures/', 'bench/.gardens/', 'bench/tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
  boundary(['src/**/*.{ts,mts,mjs}'], ['src/shared/**'], '(^|/)web/', 'The builder never imports the app: move code both use to src/shared/.'),
  boundary(['web/**/*.ts'], ['web/**/*.test.ts'], '(^|/)src/(?!shared/)', 'The app imports only src/shared/ from the builder: move code both use there.'),
  // src/shared/ runs in the browser too: it imports only itself (relative imports never climb out of it) and browser-safe packages.
  boundary(['src/shared/*.ts'], ['src/shared/*.test.ts'], '^node:|(^|/)web/|^\\.\\./', 'src/shared/ imports only itself and browser-safe packages.'),
  boundary(
    ['src/shared/*/**/*.ts'],
    ['src/shared/**/*.test.ts'],
    '^node:|(^|/)web/|^\\.\\./\\.\\./',
    'src/shared/ imports only itself and browser-safe packages.',
  ),
);
