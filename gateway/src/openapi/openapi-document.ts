import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import * as contracts from '@invigil/contracts';
import { RESPONSE_SCHEMAS } from './response-schemas';
import { ValidationSchemas } from './validation-schema';

type Constructor = abstract new (...args: never[]) => unknown;

/** Contract classes by name: the request bodies the controllers name in @ApiBody. */
const CONTRACT_CLASSES = new Map<string, Constructor>();
for (const [name, value] of Object.entries(contracts) as [string, unknown][]) {
  if (typeof value === 'function') CONTRACT_CLASSES.set(name, value as Constructor);
}

/**
 * The API's OpenAPI 3 document. Swagger names each request body class but sees no properties (the
 * contracts carry class-validator rules, not swagger decorators), so the body schemas are derived
 * from those rules, and the response schemas come from openapi/response-schemas.ts.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Invigil API')
      .setDescription('Proctored assessment sessions')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  const bodies = new ValidationSchemas();
  for (const name of Object.keys(document.components?.schemas ?? {})) {
    const target = CONTRACT_CLASSES.get(name);
    if (target) bodies.add(target);
  }
  // Response schemas refer to these request classes too (an exported document is a CreateAssessmentBody).
  for (const name of ['CreateAssessmentBody', 'QuestionDraft', 'SecurityOptions', 'AnswerValue']) {
    const target = CONTRACT_CLASSES.get(name);
    if (target) bodies.add(target);
  }
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...bodies.components, ...RESPONSE_SCHEMAS },
  };
  return document;
}
