// Browser tests: the real stack (every service and the gateway as processes) and Debian's Chromium.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'e2e',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  maxWorkers: 1,
  testTimeout: 180_000,
};
