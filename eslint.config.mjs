import nx from '@nx/eslint-plugin';

/**
 * Module boundaries: services never import services or the gateway; the frontend never imports
 * server code; contracts and domain stay free of server and browser frameworks.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/tmp'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform'],
            },
            // Demo fixtures: seed commands, tests and tools use them; the platform does not.
            { sourceTag: 'type:seed', onlyDependOnLibsWithTags: ['type:contracts'] },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:seed'],
            },
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:domain',
                'type:platform',
                'type:tracing',
                'type:testing',
                'type:tooling',
                'type:seed',
              ],
            },
            {
              sourceTag: 'type:gateway',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:domain',
                'type:platform',
                'type:tracing',
                'type:testing',
                'type:tooling',
                'type:seed',
              ],
            },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:shared', 'scope:frontend'] },
            {
              sourceTag: 'type:tooling',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:tooling',
                'type:testing',
                'type:platform',
                'type:seed',
              ],
            },
            { sourceTag: 'type:tracing', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:testing',
                'type:tooling',
                'type:platform',
                'type:seed',
              ],
            },
          ],
          banTransitiveDependencies: false,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
];
