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
import { ApiRouter } from './http/router.ts';
import { credentialsOf } from './modules/auth/auth.routes.ts';
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

/** Step data may be 1 MiB; JSON bodies get a little room above that for the envelope. */
const JSON_BODY_LIMIT = 1536 * 1024;
const WEB_DIST = resolve(import.meta.dirname, '../dist/web');

export interface BuildAppOptions {
  logger?: boolean;
  serveWeb?: boolean;
}

export async function buildApp(context: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: context.config.LOG_LEVEL },
    // One line per request only when debugging; errors are always logged by the error handler.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(context.config.LOG_LEVEL) }),
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: true,
  });
  app.setErrorHandler(errorHandler);
  registerJsonParsers(app, JSON_BODY_LIMIT);
  await app.register(cookie);
  await app.register(multipart, { limits: { files: 1, fields: 10, fileSize: 200 * 1024 * 1024 } });
  // sendFile for media, whatever the web build; each call passes the media root.
  await app.register(fastifyStatic, { root: context.mediaStore.root, serve: false });

  const router = new ApiRouter(app, (request) => context.auth.authenticate(credentialsOf(request)));
  registerAuthRoutes(router, context.auth);
  registerProjectRoutes(router, context.projects);
  registerStepRoutes(router, context.steps);
  registerJobRoutes(router, context.jobs, context.projects);
  registerAssetRoutes(router, context.assets);
  registerCredentialRoutes(router, context.credentials);
  registerTextPipelineRoutes(router, context.textPipeline);
  registerVoiceRoutes(router, context.voice);
  registerStoryboardRoutes(router, context.storyboard);
  registerAvatarRoutes(router, context.avatar);
  registerRenderRoutes(router, context.render);
  registerMakeVideoRoutes(router, context.makeVideo);

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
  let openApi: ReturnType<typeof buildOpenApiDocument> | null = null;
  app.get('/api/openapi.json', async () => (openApi ??= buildOpenApiDocument(router.routes, { title: 'ReelForge API', version: '0.1.0' })));
  app.get('/api/docs', async (_request, reply) => reply.type('text/html').send(DOCS_PAGE));

  const serveWeb = options.serveWeb ?? existsSync(join(WEB_DIST, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (serveWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, decorateReply: false });
  app.setNotFoundHandler((request, reply) => {
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html', WEB_DIST);
    }
    throw new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
  return app;
}
