import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

describe('API description and health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('serves an OpenAPI 3.1 document generated from the zod schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    const upsert = doc.paths['/api/projects/{id}/steps'].post;
    const body = upsert.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['stepNumber', 'data']));
    expect(body.properties.stepNumber).toMatchObject({ type: 'integer', minimum: 1, maximum: 8 });
    expect(Object.keys(upsert.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '412', '413', '415']));
    expect(upsert.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(doc.paths['/api/projects/{id}/steps/{stepNumber}'].patch.requestBody.content).toHaveProperty('application/merge-patch+json');
  });

  it('serves a readable docs page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('/api/openapi.json');
  });

  it('reports health while the database answers and 503 when it does not', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', database: 'pglite' });
    const ping = t.context.database.ping;
    t.context.database.ping = async () => {
      throw new Error('connection refused');
    };
    try {
      const down = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(down.statusCode).toBe(503);
      expect(down.json().error.code).toBe('UNAVAILABLE');
    } finally {
      t.context.database.ping = ping;
    }
  });

  it('answers unknown API paths with the error body', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});
