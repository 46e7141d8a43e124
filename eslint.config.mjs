// Lint configuration. Besides the recommended rules it enforces the layering: the pure service, the rules, the
// policy model and the catalogue never import `vscode` or a connection.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const protocolImports = {
  paths: [
    { name: 'vscode', message: 'Only client/ may use the vscode API.' },
    { name: 'vscode-languageserver', message: 'Only server/src/server.ts and main.ts talk to the connection.' },
    { name: 'vscode-languageserver/node', message: 'Only server/src/main.ts creates the connection.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'generated/', 'node_modules/', '.vscode-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['server/src/service/**', 'server/src/access/**', 'server/src/rules/**', 'server/src/policy/**', 'server/src/catalog/**', 'server/src/cli/**', 'shared/**'],
    rules: { 'no-restricted-imports': ['error', protocolImports] },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
  },
);
