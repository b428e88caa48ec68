import nx from '@nx/eslint-plugin';
import { builtinModules } from 'node:module';
import { angularConfig } from './tools/lint/angular.mjs';

/**
 * Module boundaries: services never import services or the gateway; the frontend never imports
 * server code; contracts and domain stay free of server and browser frameworks; production code
 * never imports the testing or tooling libraries (tests and tools may).
 */

/** Test code: unit, integration and browser suites and their helpers. */
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.integration-spec.ts',
  '**/*.e2e-spec.ts',
  '**/test/**/*.ts',
  '**/e2e/**/*.ts',
];

/** What contracts and domain may not import: they run in every service and in the browser. */
const FRAMEWORK_IMPORTS = ['@nestjs/*', '@mikro-orm/*', '@angular/*', 'node:*'];

// type:seed: the demo fixtures, used by the services' seed commands; the platform may not use them.
const SERVER_LIBS = ['type:contracts', 'type:domain', 'type:platform', 'type:tracing', 'type:seed'];
const TEST_LIBS = ['type:testing', 'type:tooling'];

/** The constraints every file obeys; `serverDeps` is what a service or the gateway may use. */
function depConstraints(serverDeps) {
  return [
    {
      sourceTag: 'type:contracts',
      onlyDependOnLibsWithTags: ['type:contracts'],
      bannedExternalImports: FRAMEWORK_IMPORTS,
    },
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
      bannedExternalImports: FRAMEWORK_IMPORTS,
    },
    { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform'] },
    { sourceTag: 'type:seed', onlyDependOnLibsWithTags: ['type:contracts'] },
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:seed'],
    },
    { sourceTag: 'type:service', onlyDependOnLibsWithTags: serverDeps },
    { sourceTag: 'type:gateway', onlyDependOnLibsWithTags: serverDeps },
    { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:shared', 'scope:frontend'] },
    {
      sourceTag: 'type:tooling',
      onlyDependOnLibsWithTags: [
        'type:contracts',
        'type:domain',
        'type:tooling',
        'type:testing',
        'type:platform',
        'type:seed',
      ],
    },
    { sourceTag: 'type:tracing', onlyDependOnLibsWithTags: [] },
    {
      sourceTag: 'type:e2e',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:testing', 'type:tooling', 'type:platform', 'type:seed'],
    },
  ];
}

function moduleBoundaries(serverDeps) {
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      depConstraints: depConstraints(serverDeps),
      banTransitiveDependencies: false,
    },
  ];
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/tmp'] },
  ...angularConfig,
  {
    files: ['**/*.ts'],
    languageOptions: {
      // Stated to the parser as tsconfig.base.json states them to tsc: consistent-type-imports then
      // leaves alone every file with a decorator, where a constructor parameter's or a property's type
      // is read at run time (Nest's injection, class-validator DTOs, MikroORM entities).
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(SERVER_LIBS),
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: true },
      ],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // A suite's describe block holds its cases: the size limits are for production code.
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries([...SERVER_LIBS, ...TEST_LIBS]),
      'max-lines': ['error', { max: 600, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': 'off',
    },
  },
  {
    // A migration is a dated record of the schema, written once and never edited: its length is the schema's.
    files: ['**/migrations/*.ts'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
  {
    // Node's modules by either name: Nx's bannedExternalImports only sees npm packages.
    files: ['libs/domain/**/*.ts', 'libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(node:.*|(${builtinModules.map((name) => name.replace(/[/]/g, '\\/')).join('|')})(/.*)?)$`,
              message: 'Contracts and domain run in the browser too: no Node modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // Services are deployed alone: importing another app's source by path is refused too.
    files: ['services/**/*.ts', 'gateway/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/*', '../../*/src/*', '**/gateway/src/*'],
              message: 'A service never imports another service or the gateway: share through libs/ and NATS.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tools drive the system from outside, as an operator or a client would: through libs/, NATS and HTTP.
    files: ['tools/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/*', '**/gateway/*', '**/frontend/*'],
              message: 'Tools import no app source: share through libs/, talk to the apps over NATS or HTTP.',
            },
          ],
        },
      ],
    },
  },
];
