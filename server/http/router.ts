import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { assertStorableText } from './body-parsers.ts';
import { rememberAccountLanguage, type ClientLanguage } from './error-language.ts';
import { AppError, parseOrFail } from './errors.ts';

export interface AuthContext {
  userId: string;
  via: 'session' | 'token';
  /** Set for session auth; lets logout end exactly this session. */
  sessionIdHash?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface HandlerContext<P, Q, B, U> {
  params: P;
  query: Q;
  body: B;
  user: U;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<P, Q, B, U> {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Documented success body; not enforced at run time. */
  response?: z.ZodType;
  /** Success status, 200 unless set. */
  status?: number;
  /** Extra error statuses worth documenting, e.g. [409, 412]. */
  errors?: number[];
  /** Content types accepted for the body, for the docs; default application/json. */
  consumes?: string[];
  handler(ctx: HandlerContext<P, Q, B, U>): Promise<unknown>;
}

export type Authenticator = (request: FastifyRequest) => Promise<AuthContext | null>;

export interface RegisteredRoute {
  spec: RouteSpec<unknown, unknown, unknown, unknown>;
  auth: boolean;
}

function parseOrThrow<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  return parseOrFail(schema, value ?? (where === 'body' ? undefined : {}), where === 'body' ? '' : where);
}

/** The routes registered on each app, for its API description and the tests of it. */
export const apiRoutesOf = new WeakMap<FastifyInstance, RegisteredRoute[]>();

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A body of a type the route does not take is a 415 before it is read: a cross-site HTML form
 * (form-encoded or multipart) never reaches a JSON route, and uploads only reach upload routes.
 */
function assertConsumes(request: FastifyRequest, consumes: string[]): void {
  const header = request.headers['content-type'];
  if (header === undefined || !BODY_METHODS.has(request.method)) return;
  const type = header.split(';', 1)[0]!.trim().toLowerCase();
  if (consumes.includes(type)) return;
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Content-Type ${type.slice(0, 100) || '(empty)'} is not accepted here: send ${consumes.join(' or ')}`);
}

/**
 * Registers routes whose inputs are parsed with zod (400 names the field) and records them for
 * the OpenAPI document. Handlers receive parsed input and return the response body.
 */
export class ApiRouter {
  readonly routes: RegisteredRoute[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly authenticate: Authenticator,
    /** Runs each handler in a scope of its own (the media scratch folder, removed when it ends). */
    private readonly scope: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
    /** The account's saved interface language, for errors to a client that names none. */
    private readonly accountLanguage: (userId: string) => Promise<ClientLanguage | null> = async () => null,
  ) {
    apiRoutesOf.set(app, this.routes);
  }

  add<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B, AuthContext>): void {
    this.register(spec as RouteSpec<unknown, unknown, unknown, unknown>, true);
  }

  addPublic<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B, AuthContext | null>): void {
    this.register(spec as RouteSpec<unknown, unknown, unknown, unknown>, false);
  }

  private register(spec: RouteSpec<unknown, unknown, unknown, unknown>, auth: boolean): void {
    this.routes.push({ spec, auth });
    this.app.route({
      method: spec.method,
      url: spec.url,
      onRequest: async (request) => assertConsumes(request, spec.consumes ?? ['application/json']),
      handler: async (request, reply) => {
        const user = await this.authenticate(request);
        if (user) rememberAccountLanguage(request, () => this.accountLanguage(user.userId));
        if (auth && !user) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token (Authorization: Bearer ...)');
        assertStorableText(request.params, ['params']);
        assertStorableText(request.query, ['query']);
        const params = parseOrThrow(spec.params, request.params, 'params');
        const query = parseOrThrow(spec.query, request.query, 'query');
        const body = parseOrThrow(spec.body, request.body, 'body');
        const result = await this.scope(() => spec.handler({ params, query, body, user, request, reply }));
        // A handler that streams (SSE, media) returns or hijacks the reply. Awaiting a returned reply
        // waits for the response to end, and a client that hung up mid-stream (video seeking) ends it
        // with headers sent but the reply not "sent": nothing more may be written then, and returning
        // the reply again would only make Fastify wait on it once more.
        if (reply.sent || reply.raw.headersSent || result === reply) return;
        // A handler may pick another success status (202 for work it queued).
        if (reply.statusCode === 200) reply.code(spec.status ?? 200);
        return result === undefined ? reply.send() : reply.send(result);
      },
    });
  }
}
