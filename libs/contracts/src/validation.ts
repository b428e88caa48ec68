import type { ValidationError } from 'class-validator';

/**
 * Flattens class-validator errors into one line per problem, naming the path of the field
 * (e.g. "assessment.questions.1.options: a question needs at least 2 options").
 */
export function describeValidationErrors(errors: ValidationError[], parentPath = ''): string[] {
  return errors.flatMap((error) => {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}
