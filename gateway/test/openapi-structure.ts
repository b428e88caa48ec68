/**
 * What the OpenAPI 3.0 schema (checked by swagger-parser in the suite) allows but a client generator
 * needs: the version, every $ref resolving, every path parameter declared, every request body and
 * 2xx response with a schema.
 * Returns one line per problem.
 */
export function openApiProblems(document: unknown): string[] {
  const problems: string[] = [];
  const doc = document as {
    openapi?: string;
    info?: { title?: string; version?: string };
    paths?: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, Schema> };
  };
  if (!/^3\.0\.\d+$/.test(doc.openapi ?? '')) problems.push(`openapi is ${doc.openapi}, not 3.0.x`);
  if (typeof doc.info?.title !== 'string' || typeof doc.info.version !== 'string')
    problems.push('info needs title and version');
  const schemas = doc.components?.schemas ?? {};
  for (const ref of refsIn(document)) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
    if (!name || !schemas[name]) problems.push(`$ref ${ref} does not resolve`);
  }
  for (const [name, schema] of Object.entries(schemas)) {
    if (!schema.$ref && !schema.allOf && !schema.type) problems.push(`schema ${name} has no type`);
    if (schema.type === 'object' && !schema.properties && schema.additionalProperties !== true)
      problems.push(`schema ${name} is an object without properties`);
    if (schema.type === 'object' && schema.properties && Object.keys(schema.properties).length === 0)
      problems.push(`schema ${name} has no properties`);
  }
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      problems.push(...operationProblems(`${method.toUpperCase()} ${path}`, path, operation));
    }
  }
  return problems;
}

interface Schema {
  type?: string;
  $ref?: string;
  allOf?: unknown[];
  properties?: Record<string, unknown>;
  additionalProperties?: unknown;
}
interface Content {
  [mediaType: string]: { schema?: unknown };
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Content };
  responses?: Record<string, { description?: string; content?: Content }>;
}

function operationProblems(name: string, path: string, operation: Operation): string[] {
  const problems: string[] = [];
  for (const [, parameter] of path.matchAll(/\{(\w+)\}/g)) {
    if (!operation.parameters?.some((p) => p.in === 'path' && p.name === parameter))
      problems.push(`${name}: path parameter ${parameter} is not declared`);
  }
  if (operation.requestBody) {
    const media = Object.values(operation.requestBody.content ?? {});
    if (media.length === 0 || media.some((m) => !m.schema)) problems.push(`${name}: request body without a schema`);
  }
  const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  if (successes.length === 0) problems.push(`${name}: no success response`);
  for (const [status, response] of successes) {
    if (typeof response.description !== 'string') problems.push(`${name}: response ${status} has no description`);
    const media = Object.values(response.content ?? {});
    if (media.length === 0 || media.some((m) => !m.schema))
      problems.push(`${name}: response ${status} without a schema`);
  }
  return problems;
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
  );
}
