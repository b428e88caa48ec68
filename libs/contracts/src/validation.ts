import type { ValidationError } from 'class-validator';

/**
 * Flattens class-validator errors into one line per problem, naming the path of the field
 * (e.g. "assessment.questions.1.options: a question needs at least 2 options").
 */
export function describeValidationErrors(errors: ValidationError[], parentPath = ''): string[] {
  return errors.flatMap((error) => {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    // One line per field: class-validator lists constraints bottom-up, so the last is the first decorator written.
    const top = Object.values(error.constraints ?? {}).at(-1);
    const own = top ? [`${path}: ${top}`] : [];
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}
