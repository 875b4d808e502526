import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.casework/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
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
