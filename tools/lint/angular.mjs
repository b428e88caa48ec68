import angular from 'angular-eslint';

/**
 * angular-eslint's recommended rules for the frontend's code and templates (inline and in .html files),
 * with the selector prefix of frontend/project.json. The browser tests under frontend/e2e are Node code.
 */
const code = ['frontend/src/**/*.ts'];
const templates = ['frontend/src/app/**/*.html'];

export const angularConfig = [
  ...angular.configs.tsRecommended.map((config) => ({ ...config, files: code })),
  {
    files: code,
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'app', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'app', style: 'camelCase' }],
    },
  },
  ...angular.configs.templateRecommended.map((config) => ({ ...config, files: templates })),
  ...angular.configs.templateAccessibility.map((config) => ({ ...config, files: templates })),
];
