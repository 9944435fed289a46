// @ts-check
// SWC strips types fast; `npm test` runs `tsc --noEmit` first for the type check.
// Decorator metadata is on because type-graphql and MikroORM read design:type.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    // Keep real dynamic import() for ESM-only packages.
    module: { type: 'commonjs', ignoreDynamic: true },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/agents', '<rootDir>/graphql', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // jose is ESM-only: Node >= 20.19 can require() it, jest's module loader cannot, so
  // jest compiles it to CommonJS like our own sources.
  transform: { '^.+\\.ts$': swc, '/node_modules/jose/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
};
