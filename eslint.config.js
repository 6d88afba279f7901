import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'node_modules/', 'data/', 'coverage/', '.ci/out/', 'src/store/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The domain core stays pure: no I/O, HTTP or database code (DESIGN.md, "Architecture").
    files: ['src/domain/**/*.ts', 'src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'],
              message: 'the domain core does no I/O',
            },
            {
              group: ['fastify', '@fastify/*', 'pg', 'pg-*', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*'],
              message: 'the domain core knows no HTTP or database',
            },
            {
              group: ['**/store/**', '**/api/**', '**/services/**', '**/cli/**', '**/ingest/**'],
              message: 'arrows point down only: the domain core imports no outer layer',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
