/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
  },
  // office-addin-mock pulls ESM-only strip-bom and uuid (see ../shared/toolchain-notes.md).
  transformIgnorePatterns: ['/node_modules/(?!((@[^/]+/)?[^/]+/node_modules/)?(strip-bom|uuid)/)'],
  testTimeout: 60000,
};
