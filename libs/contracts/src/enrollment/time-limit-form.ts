import { ValidateBy, type ValidationOptions } from 'class-validator';

/** What a roster entry, a limit change or an import row is told when it gives both forms of a time limit. */
export const ONE_TIME_LIMIT_FORM = 'give timeLimitMinutes or timeLimitMultiplier, not both';

interface TimeLimitForms {
  timeLimitMinutes?: number | null;
  timeLimitMultiplier?: number | null;
}

/** Minutes or a multiplier, not both: either may be given (or neither, for the session's duration). */
export function givesOneTimeLimitForm(limit: TimeLimitForms): boolean {
  return limit.timeLimitMinutes == null || limit.timeLimitMultiplier == null;
}

/**
 * Put on `timeLimitMinutes` of every class that carries both fields (HTTP bodies, NATS requests and
 * events alike): it refuses the object when the multiplier is set too. A class-validator constraint
 * is checked per property, so it stands on one of the two and reads the other from the object.
 */
export function OneTimeLimitForm(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'oneTimeLimitForm',
      validator: {
        validate: (_value, args) => givesOneTimeLimitForm((args?.object ?? {}) as TimeLimitForms),
        defaultMessage: () => ONE_TIME_LIMIT_FORM,
      },
    },
    options,
  );
}
