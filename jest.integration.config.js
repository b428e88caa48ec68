// Integration suites: real PostgreSQL, NATS and Redis on this machine. Each suite uses its own
// schemas and NATS prefix, but they run one at a time to stay inside two cores.
const preset = require('./jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'integration',
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/gateway', '<rootDir>/tools'],
  testMatch: ['**/*.integration-spec.ts'],
  maxWorkers: 1,
  testTimeout: 60_000,
  forceExit: false,
};
