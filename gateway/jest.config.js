module.exports = {
  displayName: 'gateway',
  preset: '../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
