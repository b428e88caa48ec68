module.exports = {
  displayName: 'build-tools',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
