import { z } from 'zod';
import { errorBodySchema } from '../../contracts/errors.ts';
import type { RegisteredRoute } from './router.ts';

type JsonSchema = Record<string, unknown>;

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
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
export function buildOpenApiDocument(routes: RegisteredRoute[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = toJsonSchema(errorBodySchema, 'output');
  for (const { spec, auth } of routes) {
    const path = spec.url.replace(/:(\w+)/g, '{$1}');
    const responses: Record<string, unknown> = {
      [String(spec.status ?? 200)]: {
        description: 'Success',
        ...(spec.response ? { content: { 'application/json': { schema: toJsonSchema(spec.response, 'output') } } } : {}),
      },
    };
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
      tags: spec.tags,
      parameters: [...parametersOf(spec.params, 'path'), ...parametersOf(spec.query, 'query')],
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                (spec.consumes ?? ['application/json']).map((type) => [type, { schema: toJsonSchema(spec.body!, 'input') }]),
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
