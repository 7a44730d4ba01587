// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', '**/.build/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Domain libraries are pure: no framework, no I/O, nothing from the apps. (The telephony
    // adapter is the one library that talks to the outside.)
    files: ['libs/**/*.ts'],
    ignores: ['libs/**/*.spec.ts', 'libs/telephony/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'express',
                'mysql2',
                'better-sqlite3',
                'react',
                'react-dom',
                'react/*',
                'react-dom/*',
              ],
              message: 'libs are pure',
            },
            { group: ['**/apps/**'], message: 'libs must not import apps' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/console/**/*.{ts,tsx}', 'apps/booking-page/**/*.ts', 'apps/chat-page/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: globals.node,
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
