import { z } from 'zod';
import { errorBodySchema } from '../../contracts/errors.ts';
import { API_EXAMPLES, type ApiExample } from './api-examples/index.ts';
import type { RegisteredRoute } from './router.ts';

type JsonSchema = Record<string, unknown>;

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

export const routeKey = (spec: { method: string; url: string }) => `${spec.method} ${spec.url}`;

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query', example: Record<string, string> = {}) {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    ...(name in example ? { example: example[name] } : {}),
  }));
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; the message names the field',
  401: 'No session or API token',
  404: 'Not found (or owned by someone else)',
  409: 'Conflict with the current state',
  412: 'The resource changed since the version sent (If-Match/baseVersion); the body holds the current row',
  413: 'Body too large',
  415: 'Unsupported content type',
  429: 'Too many attempts',
};

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
/** The success response of a route's example, as an OpenAPI content map (none for 204). */
function exampleContent(example: ApiExample | undefined, schema: JsonSchema | undefined) {
  if (example?.response.contentType) return { [example.response.contentType]: { example: example.response.text } };
  const body = example?.response.body;
  if (!schema && body === undefined) return undefined;
  return { 'application/json': { ...(schema ? { schema } : {}), ...(body !== undefined ? { example: body } : {}) } };
}

export function buildOpenApiDocument(routes: RegisteredRoute[], info: { title: string; version: string }, examples: Record<string, ApiExample> = API_EXAMPLES) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = toJsonSchema(errorBodySchema, 'output');
  for (const { spec, auth } of routes) {
    const path = spec.url.replace(/:(\w+)/g, '{$1}');
    const example = examples[routeKey(spec)];
    const content = exampleContent(example, spec.response ? toJsonSchema(spec.response, 'output') : undefined);
    const responses: Record<string, unknown> = {
      [String(example?.response.status ?? spec.status ?? 200)]: { description: 'Success', ...(content ? { content } : {}) },
    };
    const headers = example?.request?.headers;
    const errorStatuses = new Set([...(spec.body || spec.params || spec.query ? [400] : []), ...(auth ? [401] : []), ...(spec.errors ?? [])]);
    for (const status of [...errorStatuses].sort()) {
      responses[String(status)] = {
        description: ERROR_DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/json': { schema: errorSchema } },
      };
    }
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = {
      summary: spec.summary,
      ...(headers ? { description: `Example request headers: ${Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('; ')}` } : {}),
      tags: spec.tags,
      parameters: [...parametersOf(spec.params, 'path', example?.request?.params), ...parametersOf(spec.query, 'query', example?.request?.query)],
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                (spec.consumes ?? ['application/json']).map((type) => [
                  type,
                  { schema: toJsonSchema(spec.body!, 'input'), ...(example?.request?.body !== undefined ? { example: example.request.body } : {}) },
                ]),
              ),
            },
          }
        : {}),
      responses,
      ...(auth ? { security: [{ session: [] }, { bearer: [] }] } : { security: [] }),
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'rf_session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token from POST /api/auth/tokens' },
      },
    },
  };
}
