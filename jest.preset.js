// Shared Jest settings for server-side projects: SWC transform (decorator metadata on)
// and the tsconfig path aliases mapped to source, so tests run against the real code.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
    // The Verifiable Credential libraries are ESM-only; Jest on Node 20 cannot require() ESM, so they
    // are compiled to CommonJS like the sources (see transformIgnorePatterns).
    '/node_modules/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(?:@digitalbazaar|base58-universal|base64url-universal|crypto-ld|jsonld-document-loader)/)',
  ],
  moduleNameMapper,
  // Nest and class-validator read decorator metadata through this polyfill.
  setupFiles: [require.resolve('reflect-metadata')],
};
