/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
  },
  // ESM-only strip-bom and uuid get transformed if a dependency pulls them (office-addin-mock did; see ../shared/toolchain-notes.md).
  transformIgnorePatterns: ['/node_modules/(?!((@[^/]+/)?[^/]+/node_modules/)?(strip-bom|uuid)/)'],
  testTimeout: 60000,
};
