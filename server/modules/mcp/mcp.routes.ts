import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { bearerTokenOf } from '../auth/auth.routes.ts';
import { createMcpServer } from './mcp-server.ts';
import { serviceOperations } from './mcp-operations.ts';

export const MCP_PATH = '/api/mcp';

/** The Fastify request as the Fetch API Request the SDK's transport reads (its body is passed parsed). */
function webRequest(request: FastifyRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(new URL(request.url, `${request.protocol}://${request.host}`), { method: request.method, headers });
}

/**
 * MCP over streamable HTTP (POST /api/mcp), for the API token's user only: a session cookie is
 * not enough, so a page a signed-in user visits can never drive the tools. Stateless (a server
 * and transport per request, JSON answers): any API process behind a load balancer can answer.
 */
export function registerMcpRoutes(app: FastifyInstance, context: AppContext, options: { version: string }) {
  const tokenUser = async (request: FastifyRequest) => {
    const token = bearerTokenOf(request);
    const user = token ? await context.auth.authenticate({ bearerToken: token }) : null;
    if (!user) {
      throw new AppError('UNAUTHENTICATED', 'Send an API token (Authorization: Bearer ...); /api/mcp does not take a session cookie', undefined, { 'www-authenticate': 'Bearer' });
    }
    return user;
  };
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const user = await tokenUser(request);
    const origin = `${request.protocol}://${request.host}`;
    const ops = serviceOperations(context, user, async (asset) => new URL(`${asset.url}?download=1`, origin).toString());
    const server = createMcpServer(ops, {
      version: options.version,
      unexpectedError: (error) => {
        request.log.error({ err: error }, 'MCP tool failed');
        return 'Internal server error';
      },
    });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    try {
      await server.connect(transport);
      const response = await context.scratch.run(() => transport.handleRequest(webRequest(request), { parsedBody: request.body }));
      reply.code(response.status);
      response.headers.forEach((value, name) => void reply.header(name, value));
      return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
    } finally {
      await server.close();
    }
  };
  app.post(MCP_PATH, handle);
  // Stateless: no stream of server-initiated messages to open and no session to end; the
  // protocol's answer to both is 405, which clients take as "not offered".
  const notOffered = async (request: FastifyRequest, reply: FastifyReply) => {
    await tokenUser(request);
    return reply
      .code(405).header('allow', 'POST').send({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this server is stateless; send requests with POST' }, id: null });
  };
  app.get(MCP_PATH, notOffered);
  app.delete(MCP_PATH, notOffered);
}
