import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { MIN_ENROLLMENT_CODE_LENGTH } from '@invigil/contracts';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Constructor = abstract new (...args: never[]) => unknown;

/** The schema each class-validator constraint implies; the contracts declare their rules only once, there. */
const CONSTRAINTS: Record<string, (constraints: unknown[]) => SchemaObject> = {
  isString: () => ({ type: 'string' }),
  isBoolean: () => ({ type: 'boolean' }),
  isInt: () => ({ type: 'integer' }),
  isNumber: () => ({ type: 'number' }),
  isUuid: () => ({ type: 'string', format: 'uuid' }),
  isEmail: () => ({ type: 'string', format: 'email' }),
  isIso8601: () => ({ type: 'string', format: 'date-time' }),
  isDateString: () => ({ type: 'string', format: 'date-time' }),
  isEnum: ([, values]) => ({
    type: typeof (values as unknown[])[0] === 'number' ? 'number' : 'string',
    enum: values as unknown[],
  }),
  isIn: ([values]) => ({ enum: values as unknown[] }),
  min: ([value]) => ({ minimum: value as number }),
  max: ([value]) => ({ maximum: value as number }),
  minLength: ([value]) => ({ minLength: value as number }),
  maxLength: ([value]) => ({ maxLength: value as number }),
  matches: ([pattern]) => (pattern instanceof RegExp ? { type: 'string', pattern: pattern.source } : {}),
  isArray: () => ({ type: 'array' }),
  arrayMinSize: ([value]) => ({ minItems: value as number }),
  arrayMaxSize: ([value]) => ({ maxItems: value as number }),
  isGuessResistantEnrollmentCode: () => ({ minLength: MIN_ENROLLMENT_CODE_LENGTH }),
};
const ARRAY_KEYWORDS = new Set(['minItems', 'maxItems', 'type']);

function designType(target: Constructor, property: string): unknown {
  return Reflect.getMetadata('design:type', target.prototype as object, property);
}

/** The class of a nested property: its @Type() if declared, else the property's declared type. */
function nestedClass(target: Constructor, property: string): Constructor | undefined {
  const declared = defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction();
  const type = declared ?? designType(target, property);
  return typeof type === 'function' && type !== Array && type !== Object ? (type as Constructor) : undefined;
}

/**
 * JSON schemas of request bodies, derived from their class-validator rules, so the OpenAPI
 * document states what the ValidationPipe enforces. Nested classes become components of their own.
 */
export class ValidationSchemas {
  readonly components: Record<string, SchemaObject> = {};

  /** Adds the class (and every class it nests) to the components; returns a reference to it. */
  add(target: Constructor): { $ref: string } {
    const name = target.name;
    if (!this.components[name]) {
      this.components[name] = { type: 'object' };
      this.components[name] = this.objectSchema(target);
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  private objectSchema(target: Constructor): SchemaObject {
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const metadata of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
      byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
    }
    const properties: Record<string, SchemaObject | { $ref: string }> = {};
    const required: string[] = [];
    for (const [property, rules] of byProperty) {
      properties[property] = this.propertySchema(target, property, rules);
      if (!rules.some((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION)) required.push(property);
    }
    return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
  }

  private propertySchema(target: Constructor, property: string, rules: ValidationMetadata[]): SchemaObject {
    const isArray = designType(target, property) === Array || rules.some((rule) => rule.name === 'isArray');
    const outer: SchemaObject = {};
    const item: SchemaObject = {};
    for (const rule of rules) {
      const schema = rule.name ? CONSTRAINTS[rule.name]?.(rule.constraints ?? []) : undefined;
      if (!schema) continue;
      for (const [keyword, value] of Object.entries(schema)) {
        const onArray = isArray && (!rule.each || rule.name === 'isArray') && ARRAY_KEYWORDS.has(keyword);
        Object.assign(onArray ? outer : item, { [keyword]: value });
      }
    }
    if (rules.some((rule) => rule.type === ValidationTypes.NESTED_VALIDATION)) {
      const nested = nestedClass(target, property);
      if (nested) Object.assign(item, this.add(nested));
    }
    // @IsOptional() lets null through as well as a missing property.
    const nullable = rules.some((rule) => rule.name === 'isOptional') ? { nullable: true } : {};
    return isArray ? { ...outer, ...nullable, type: 'array', items: item } : { ...item, ...nullable };
  }
}
