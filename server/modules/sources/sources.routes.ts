import '@fastify/multipart';
import { z } from 'zod';
import { projectSchema } from '../../../contracts/projects.ts';
import { applySourceBodySchema, articleSchema, importSourceBodySchema, MAX_IMPORT_FILE_BYTES } from '../../../contracts/sources.ts';
import { projectParamsSchema, stepSchema } from '../../../contracts/steps.ts';
import { multipartError, readMultipartFile } from '../../http/body-parsers.ts';
import { AppError } from '../../http/errors.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { ProjectSourceService } from './project-source.service.ts';
import type { SourcesService } from './sources.service.ts';

const MULTIPART_OVERHEAD = 64 * 1024;
const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `file: an imported file may be at most ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`);

export function registerSourceRoutes(router: ApiRouter, sources: SourcesService) {
  router.add({
    method: 'POST',
    url: '/api/sources/import',
    summary: 'Import an article from {url} (fetched SSRF-safely), {html, url?} or {text, title?}: title, byline, clean text, images, language, date',
    tags: ['sources'],
    body: importSourceBodySchema,
    response: articleSchema,
    errors: [413, 415, 422],
    handler: ({ body }) => sources.import(body),
  });

  router.add({
    method: 'POST',
    url: '/api/sources/import/file',
    summary: 'Import an uploaded .html, .txt or .md file (multipart/form-data, field "file", up to 5 MB)',
    tags: ['sources'],
    consumes: ['multipart/form-data'],
    response: articleSchema,
    errors: [413, 415, 422],
    handler: async ({ request }) => {
      if (Number(request.headers['content-length'] ?? 0) > MAX_IMPORT_FILE_BYTES + MULTIPART_OVERHEAD) throw tooLarge();
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a field named "file"');
      const part = await readMultipartFile(request, { fileSize: MAX_IMPORT_FILE_BYTES, files: 1 });
      if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'file: a file field named "file" is required', { issues: [{ path: 'file', message: 'required' }] });
      let content: Buffer;
      try {
        content = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw multipartError(error);
      }
      return sources.importUpload(part.filename || 'upload', content);
    },
  });
}

export function registerProjectSourceRoutes(router: ApiRouter, projectSource: ProjectSourceService) {
  router.add({
    method: 'POST',
    url: '/api/projects/:id/source',
    summary: 'Stage 1: save the source, format, language and length (step 1, completed), fill stage 2 with its text and analysis, and move to stage 2',
    tags: ['sources'],
    params: projectParamsSchema,
    body: applySourceBodySchema,
    response: z.object({ project: projectSchema, steps: z.array(stepSchema) }),
    errors: [404, 409, 413, 415, 422, 502],
    handler: ({ user, params, body }) => projectSource.apply(user, params.id, body),
  });
}
