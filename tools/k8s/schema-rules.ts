import { validateTrackingFields } from './field-tracker';
import type { K8sObject } from './k8s-object';
import type { Rule } from './rule';
import { modelFor, schemaSkipReason } from './schema-registry';

interface SchemaOutcome {
  schemaErrors: string[];
  unknownFields: string[];
}

interface AjvError {
  instancePath: string;
  message?: string;
}

// Both rules need the same (single) validation pass.
const outcomes = new WeakMap<K8sObject, SchemaOutcome>();

function schemaErrorsFrom(error: unknown): string[] {
  if (error === undefined) return [];
  const ajvErrors = (error as { errors?: AjvError[] }).errors;
  if (!ajvErrors) return [String(error)];
  return ajvErrors.map((ajvError) => `${ajvError.instancePath || '/'} ${ajvError.message ?? 'is invalid'}`);
}

function outcomeFor(object: K8sObject): SchemaOutcome {
  const cached = outcomes.get(object);
  if (cached) return cached;
  const model = modelFor(object);
  const outcome: SchemaOutcome = model
    ? (() => {
        const { unknownFields, error } = validateTrackingFields(object, (proxy) =>
          model.prototype.validate.call(proxy),
        );
        return { schemaErrors: schemaErrorsFrom(error), unknownFields };
      })()
    : {
        schemaErrors: [
          `no schema known for ${object.apiVersion} ${object.kind}: add its kubernetes-models class to schema-registry.ts`,
        ],
        unknownFields: [],
      };
  outcomes.set(object, outcome);
  return outcome;
}

export const matchesSchema: Rule = {
  id: 'schema',
  appliesTo: (object) => schemaSkipReason(object) === undefined,
  check: (object) => outcomeFor(object).schemaErrors,
};

export const noUnknownFields: Rule = {
  id: 'no-unknown-fields',
  appliesTo: (object) => modelFor(object) !== undefined,
  check: (object) => outcomeFor(object).unknownFields.map((field) => `${field} is not a field of ${object.kind}`),
};
