// Lint: JavaScript's and typescript-eslint's recommended rules, and the boundary between the
// builder (src/), the app (web/) and the code they share (src/shared/): docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test/.tmp/', 'test/fixtures/', 'bench/.gardens/', 'bench/tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
);
