// CommonJS on purpose: ts-node is not installed, so Jest cannot read a jest.config.ts.
const path = require('node:path');
const { createCjsPreset } = require('jest-preset-angular/presets');

module.exports = {
  displayName: 'frontend',
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: {
    '^@invigil/contracts$': path.join(__dirname, '../libs/contracts/src/index.ts'),
    '^@invigil/domain$': path.join(__dirname, '../libs/domain/src/index.ts'),
  },
  coverageDirectory: '../coverage/frontend',
};
