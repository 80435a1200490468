import '@fastify/multipart';
import { z } from 'zod';
import { UPLOAD_KINDS, assetSchema, uploadKindSchema } from '../../../contracts/assets.ts';
import { projectParamsSchema } from '../../../contracts/steps.ts';
import { readMultipartFile } from '../../http/body-parsers.ts';
import { AppError } from '../../http/errors.ts';
import { downloadFileName } from '../../http/download-name.ts';
import type { ApiRouter } from '../../http/router.ts';
import { userFileCsp } from '../../http/security-headers.ts';
import { type AssetsService, tooLarge } from './assets.service.ts';
import { sendAssetContent } from './serve-content.ts';

const assetParams = z.object({ assetId: z.uuid({ message: 'must be an asset id (UUID)' }) });
/** Room for the multipart envelope around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** presignedUrls: answer content requests with a redirect to a short-lived store URL, when the store has them. */
export function registerAssetRoutes(router: ApiRouter, assets: AssetsService, presignedUrls = false) {
  router.add({
    method: 'POST',
    url: '/api/projects/:id/assets',
    summary: 'Upload a file (multipart/form-data, field "file"); its type is detected from the content',
    tags: ['assets'],
    params: projectParamsSchema,
    query: z.object({ kind: uploadKindSchema.describe('voice and music: MP3/WAV/M4A/OGG/WebM audio up to 50 MB; image: up to 25 MB; video: up to 200 MB') }),
    consumes: ['multipart/form-data'],
    response: assetSchema,
    status: 201,
    errors: [404, 413, 415],
    handler: async ({ user, params, query, request }) => {
      await assets.assertProject(user, params.id);
      const limit = UPLOAD_KINDS[query.kind].maxBytes;
      if (Number(request.headers['content-length'] ?? 0) > limit + MULTIPART_OVERHEAD) throw tooLarge(query.kind);
      if (!request.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a field named "file"');
      }
      const part = await readMultipartFile(request, { fileSize: limit, files: 1 });
      if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'file: a file field named "file" is required');
      return assets.upload(user, params.id, query.kind, part.file, part.filename || null);
    },
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id/assets',
    summary: "The project's files, newest first",
    tags: ['assets'],
    params: projectParamsSchema,
    query: z.object({ kind: z.string().max(40).optional() }),
    response: z.array(assetSchema),
    errors: [404],
    handler: ({ user, params, query }) => assets.list(user, params.id, query.kind),
  });

  router.add({
    method: 'GET',
    url: '/api/assets/:assetId',
    summary: 'One file: type, size, duration or dimensions',
    tags: ['assets'],
    params: assetParams,
    response: assetSchema,
    errors: [404],
    handler: ({ user, params }) => assets.get(user, params.assetId),
  });

  router.add({
    method: 'GET',
    url: '/api/assets/:assetId/content',
    summary: 'The bytes of a file (Range requests supported); ?download=1 to save it',
    tags: ['assets'],
    params: assetParams,
    query: z.object({ download: z.enum(['0', '1']).optional(), filename: z.string().max(200).optional() }),
    errors: [404],
    handler: async ({ user, params, query, request, reply }) => {
      const content = await assets.contentOf(user.userId, params.assetId);
      const { asset } = content;
      reply.header('content-security-policy', userFileCsp(asset.mime));
      const downloadName = query.download === '1' ? downloadFileName(query.filename ?? asset.originalName ?? `${asset.kind}.${asset.mime.split('/')[1] ?? 'bin'}`, asset.kind) : null;
      if (presignedUrls) {
        const url = await content.presign(downloadName ?? undefined);
        if (url) return reply.code(302).header('cache-control', 'no-store').redirect(url);
      }
      return sendAssetContent(reply, content, request.headers.range, downloadName);
    },
  });

  router.add({
    method: 'DELETE',
    url: '/api/assets/:assetId',
    summary: 'Delete a file',
    tags: ['assets'],
    params: assetParams,
    status: 204,
    errors: [404],
    handler: ({ user, params }) => assets.remove(user, params.assetId),
  });
}
