import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { RESPONSE_SCHEMAS } from './response-schemas';

type ViewName = keyof typeof RESPONSE_SCHEMAS & string;
type Status = 200 | 201;

const ref = (name: ViewName) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The success response of a route, as a reference to its view's schema (openapi/response-schemas.ts).
 * `status` must be the one the route answers: 201 for a POST unless it has @HttpCode(200).
 */
export const ApiReturns = {
  one: (status: Status, name: ViewName, description = name) => ApiResponse({ status, description, schema: ref(name) }),
  /** A view that is null until it exists (a result before scoring). */
  oneOrNull: (status: Status, name: ViewName, description: string) =>
    ApiResponse({ status, description, schema: { allOf: [ref(name)], nullable: true } }),
  list: (status: Status, name: ViewName, description = `${name}[]`) =>
    ApiResponse({ status, description, schema: { type: 'array', items: ref(name) } }),
  /** A small object of its own, e.g. { currentQuestionId }. */
  object: (status: Status, description: string, properties: Record<string, object>) =>
    ApiResponse({
      status,
      description,
      schema: { type: 'object', properties, required: Object.keys(properties) },
    }),
  /** Bytes: a PDF, an image, a template. */
  file: (description: string, ...contentTypes: string[]) =>
    applyDecorators(
      ApiResponse({
        status: 200,
        description,
        content: Object.fromEntries(
          contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
        ),
      }),
    ),
};
