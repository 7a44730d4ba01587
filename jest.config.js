/**
 * Three tiers: fast unit specs beside the code; service ("medium") specs beside the code, each
 * a service on a real migrated SQLite database with the manual clock and no HTTP; end-to-end
 * specs that boot the real server.
 */
const aliases = {
  '^@hotline/(api-types|calendar|chat-protocol|clock|console-protocol|i18n|routing|stats|taxonomy|telephony)$':
    '<rootDir>/libs/$1/src',
  '^@hotline/(api-types|calendar|chat-protocol|clock|console-protocol|i18n|routing|stats|taxonomy|telephony)/(.*)$':
    '<rootDir>/libs/$1/src/$2',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
};

module.exports = {
  // End-to-end tests start servers and browsers; jest reads this only at the top level.
  testTimeout: 60000,
  // Test files run one after another in one worker on a 2-core machine; what each file's
  // servers leave on the heap (module registries, sockets' buffers) added up to gigabytes by
  // the last files, whose timings then failed. A worker past this is replaced between files.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testMatch: ['**/*.spec.ts'],
      testEnvironment: 'node',
      moduleNameMapper: aliases,
      transform,
    },
    {
      displayName: 'medium',
      rootDir: __dirname,
      roots: ['<rootDir>/apps'],
      testMatch: ['**/*.medium-spec.ts'],
      testEnvironment: 'node',
      moduleNameMapper: aliases,
      transform,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      testEnvironment: 'node',
      moduleNameMapper: aliases,
      transform,
    },
  ],
};
