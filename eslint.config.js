import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.casework/**', 'coverage/**', 'apps/web/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // No import cycles, across libs (through the @casework/* paths) and within them.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Apps never reach into a lib's files: one index per lib.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@casework/*/*'], message: 'Import a lib through its index: @casework/<lib>.' }, { group: ['**/apps/*'], message: 'Libs and apps never import apps.' }] },
      ],
    },
  },
  {
    // The domain is pure: no framework, no database, no broker, no I/O.
    files: ['libs/domain/**/*.ts', 'libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'nats', '@nats-io/*', 'imapflow', 'nodemailer', 'mailparser'], message: 'libs/domain and libs/contracts stay pure: no framework or I/O imports.' },
            { group: ['node:fs', 'node:net', 'node:http', 'node:child_process', 'fs', 'net', 'http', 'child_process'], message: 'libs/domain and libs/contracts do no I/O.' },
            { group: ['@casework/*'], message: 'libs/domain and libs/contracts depend on nothing of ours.' },
          ],
        },
      ],
    },
  },
);
