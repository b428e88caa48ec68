import type { ValidationOptions } from 'class-validator';
import { registerDecorator } from 'class-validator';

export const MIN_ENROLLMENT_CODE_LENGTH = 6;
const MIN_DISTINCT_CHARACTERS = 4;
/**
 * As many codes as the generated ones offer (6 characters from a 25-symbol alphabet, see
 * libs/domain's enrollment-code.ts), so a custom code is no easier to guess than a generated one.
 */
const MIN_COMBINATIONS = 25 ** 6;

/** Why a custom code is too easy to guess, or null when it is strong enough. Codes are case-insensitive. */
export function enrollmentCodeWeakness(code: string): string | null {
  const normalized = code.toUpperCase();
  if (normalized.length < MIN_ENROLLMENT_CODE_LENGTH)
    return `enrollmentCode must be at least ${MIN_ENROLLMENT_CODE_LENGTH} characters long so it cannot be guessed; leave it empty to have one generated`;
  if (new Set(normalized).size < MIN_DISTINCT_CHARACTERS)
    return `enrollmentCode must use at least ${MIN_DISTINCT_CHARACTERS} different characters; repeated characters are guessed first`;
  const alphabet = (/[0-9]/.test(normalized) ? 10 : 0) + (/[A-Z]/.test(normalized) ? 26 : 0);
  if (alphabet ** normalized.length < MIN_COMBINATIONS)
    return `enrollmentCode of ${alphabet === 10 ? 'digits' : 'letters'} only must be longer (or mix letters and digits): this one is easier to guess than a generated code`;
  return null;
}

/** Refuses custom enrollment codes that are short or drawn from a small alphabet, naming the reason. */
export function IsGuessResistantEnrollmentCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isGuessResistantEnrollmentCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || enrollmentCodeWeakness(value) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string' ? (enrollmentCodeWeakness(args.value) ?? '') : 'enrollmentCode is too weak',
      },
    });
}
