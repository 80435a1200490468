import '@fastify/multipart';
import { jobSchema } from '../../../contracts/jobs.ts';
import { projectParamsSchema, stepSchema } from '../../../contracts/steps.ts';
import {
  boundariesBodySchema,
  narrationTimingsResultSchema,
  ownAudioQuerySchema,
  startNarrationBodySchema,
  voiceCatalogSchema,
  voicePreviewBodySchema,
  voicesQuerySchema,
} from '../../../contracts/voice-api.ts';
import { OWN_AUDIO_MAX_BYTES } from '../../../contracts/voice.ts';
import { readMultipartFile } from '../../http/body-parsers.ts';
import { AppError } from '../../http/errors.ts';
import type { ApiRouter } from '../../http/router.ts';
import { tooLargeAudio } from './own-voice.ts';
import type { VoiceService } from './voice.service.ts';

/** Room for the multipart envelope around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

export function registerVoiceRoutes(router: ApiRouter, voice: VoiceService) {
  router.add({
    method: 'GET',
    url: '/api/voices',
    summary: "Every available provider's voices (espeak-ng always; ElevenLabs / OpenAI-compatible once configured)",
    tags: ['voice'],
    query: voicesQuerySchema,
    response: voiceCatalogSchema,
    handler: ({ user, query }) => voice.catalog(user, query.language),
  });

  router.add({
    method: 'POST',
    url: '/api/voices/preview',
    summary: 'A short sample of a voice with the given speed and pitch (audio/wav)',
    tags: ['voice'],
    body: voicePreviewBodySchema,
    errors: [409, 429, 502],
    handler: async ({ user, body, reply }) => {
      const wav = await voice.preview(user, body);
      return reply.header('content-type', 'audio/wav').header('cache-control', 'private, max-age=3600').send(wav);
    },
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/voice/narration',
    summary: "Voice stage 4's script as a job (voice.narrate); a second click while it runs returns the same job",
    tags: ['voice'],
    params: projectParamsSchema,
    body: startNarrationBodySchema,
    response: jobSchema,
    status: 202,
    errors: [404, 409],
    handler: ({ user, params, body }) => voice.startNarration(user, params.id, body?.sceneIds),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/voice/own-audio',
    summary: 'Own voice (multipart, field "file"): MP3, WAV, M4A or OGG up to 50 MB (WebM too when recorded=true), for the whole script or one scene',
    tags: ['voice'],
    params: projectParamsSchema,
    query: ownAudioQuerySchema,
    consumes: ['multipart/form-data'],
    response: stepSchema,
    status: 201,
    errors: [404, 409, 413, 415],
    handler: async ({ user, params, query, request }) => {
      // Checked before a byte is read: the project must be the user's and the body not too big.
      await voice.assertProject(user, params.id);
      if (Number(request.headers['content-length'] ?? 0) > OWN_AUDIO_MAX_BYTES + MULTIPART_OVERHEAD) throw tooLargeAudio();
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the audio as multipart/form-data in a field named "file"');
      const part = await readMultipartFile(request, { fileSize: OWN_AUDIO_MAX_BYTES, files: 1 });
      if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'file: a file field named "file" is required');
      return voice.uploadOwnAudio(user, params.id, part.file, {
        sceneId: query.sceneId,
        recorded: query.recorded === 'true',
        originalName: part.filename || null,
      });
    },
  });

  router.add({
    method: 'PUT',
    url: '/api/projects/:id/voice/boundaries',
    summary: 'Move the scene boundaries of an own recording of the whole script; word times follow',
    tags: ['voice'],
    params: projectParamsSchema,
    body: boundariesBodySchema,
    response: stepSchema,
    errors: [404, 409],
    handler: ({ user, params, body }) => voice.setBoundaries(user, params.id, body.boundaries),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id/voice/timings',
    summary: "Scene and word timings for captions: the narration's, or by reading speed when stage 4 was skipped",
    tags: ['voice'],
    params: projectParamsSchema,
    response: narrationTimingsResultSchema,
    errors: [404],
    handler: ({ user, params }) => voice.timings(user, params.id),
  });
}
