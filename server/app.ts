import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { AppContext } from './app-context.ts';
import { registerJsonParsers } from './http/body-parsers.ts';
import { DOCS_PAGE } from './http/docs-page.ts';
import { AppError, errorHandler } from './http/errors.ts';
import { buildOpenApiDocument } from './http/openapi.ts';
import { registerOriginCheck } from './http/origin-check.ts';
import { inlinePageCsp, registerSecurityHeaders } from './http/security-headers.ts';
import { ApiRouter } from './http/router.ts';
import { bearerTokenOf, credentialsOf } from './modules/auth/auth.routes.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerProjectRoutes } from './modules/projects/projects.routes.ts';
import { registerStepRoutes } from './modules/steps/steps.routes.ts';
import { registerJobRoutes } from './modules/jobs/jobs.routes.ts';
import { registerAssetRoutes } from './modules/assets/assets.routes.ts';
import { registerCredentialRoutes } from './modules/credentials/credentials.routes.ts';
import { registerTextPipelineRoutes } from './modules/writers/text-pipeline.ts';
import { registerVoiceRoutes } from './modules/voice/voice.routes.ts';
import { registerStoryboardRoutes } from './modules/storyboard/storyboard.routes.ts';
import { registerAvatarRoutes } from './modules/avatar/avatar.routes.ts';
import { registerRenderRoutes } from './modules/render/render.routes.ts';
import { registerMakeVideoRoutes } from './modules/make/make-video.routes.ts';
import { registerMcpRoutes } from './modules/mcp/mcp.routes.ts';
import { registerLibraryRoutes } from './modules/library/library.routes.ts';
import { registerBatchRoutes } from './modules/batch/batch.routes.ts';
import { registerPerformanceRoutes } from './modules/performance/performance.routes.ts';
import { registerFactoryRoutes } from './modules/factory/factory.routes.ts';

/** Step data may be 1 MiB; JSON bodies get a little room above that for the envelope. */
const JSON_BODY_LIMIT = 1536 * 1024;
const WEB_DIST = resolve(import.meta.dirname, '../dist/web');
const API_VERSION = '0.1.0';

export interface BuildAppOptions {
  logger?: boolean;
  serveWeb?: boolean;
  /** The built web app; dist/web unless a test serves its own. */
  webDir?: string;
}

export async function buildApp(context: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  // Off unless configured: otherwise any client could name its own address in X-Forwarded-For.
  // Fastify refuses plain hop counts (a client that bypasses the proxy could add hops), so a
  // count becomes "the last N addresses are proxies" here; SECURITY.md says when that is safe.
  const setting = context.config.TRUST_PROXY;
  const trustProxy = typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
  const app = Fastify({
    logger: options.logger === false ? false : { level: context.config.LOG_LEVEL },
    // One line per request only when debugging; errors are always logged by the error handler.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(context.config.LOG_LEVEL) }),
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy,
    // A URL that is not valid percent-encoding gets the same error body as everything else.
    frameworkErrors: errorHandler,
  });
  app.setErrorHandler(errorHandler);
  registerSecurityHeaders(app);
  registerJsonParsers(app, JSON_BODY_LIMIT);
  registerOriginCheck(app, {
    allowedOrigins: context.config.ALLOWED_ORIGINS,
    usesBearerToken: (request) => bearerTokenOf(request) !== undefined,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { files: 1, fields: 10, fileSize: 200 * 1024 * 1024 } });
  const router = new ApiRouter(
    app,
    (request) => context.auth.authenticate(credentialsOf(request)),
    (work) => context.scratch.run(work),
    (userId) => context.auth.languageOf(userId),
  );
  registerAuthRoutes(router, context.auth);
  registerProjectRoutes(router, context.projects);
  registerStepRoutes(router, context.steps);
  registerJobRoutes(router, context.jobs, context.projects);
  registerAssetRoutes(router, context.assets, context.config.MEDIA_PRESIGNED_URLS);
  registerCredentialRoutes(router, context.credentials);
  registerTextPipelineRoutes(router, context.textPipeline);
  registerVoiceRoutes(router, context.voice);
  registerStoryboardRoutes(router, context.storyboard);
  registerAvatarRoutes(router, context.avatar);
  registerRenderRoutes(router, context.render);
  registerMakeVideoRoutes(router, context.makeVideo);
  registerMcpRoutes(app, context, { version: API_VERSION });
  registerLibraryRoutes(router, context.library);
  registerBatchRoutes(router, context.batches);
  registerPerformanceRoutes(router, context.performance);
  registerFactoryRoutes(router, context.factory);

  router.addPublic({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and database reachability',
    tags: ['system'],
    errors: [503],
    handler: async () => {
      try {
        await context.database.ping();
      } catch {
        throw new AppError('UNAVAILABLE', 'The database is not reachable');
      }
      return { status: 'ok', database: context.database.kind };
    },
  });

  // Built on first request: generating JSON schemas for every route would slow every start.
  const docsCsp = inlinePageCsp(DOCS_PAGE);
  let openApi: ReturnType<typeof buildOpenApiDocument> | null = null;
  app.get('/api/openapi.json', async () => (openApi ??= buildOpenApiDocument(router.routes, { title: 'ReelForge API', version: API_VERSION })));
  app.get('/api/docs', async (_request, reply) => reply.type('text/html').header('content-security-policy', docsCsp).send(DOCS_PAGE));

  const webDir = options.webDir ?? WEB_DIST;
  const serveWeb = options.serveWeb ?? existsSync(join(webDir, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (serveWeb) await app.register(fastifyStatic, { root: webDir, wildcard: true });
  app.setNotFoundHandler((request, reply) => {
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      // Not returned: awaiting the reply here would add listeners on top of the static route's own.
      reply.sendFile('index.html', webDir);
      return;
    }
    throw new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
  return app;
}
