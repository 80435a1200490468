import { z } from 'zod';
import { jobSchema } from '../../../contracts/jobs.ts';
import {
  addLibraryVersionBodySchema,
  compareQuerySchema,
  libraryComparisonSchema,
  libraryEntryDetailSchema,
  libraryEntrySchema,
  libraryQuerySchema,
  libraryVersionSchema,
  produceBodySchema,
  saveLibraryScriptBodySchema,
  saveProjectScriptBodySchema,
  updateLibraryEntryBodySchema,
} from '../../../contracts/library.ts';
import { projectSchema } from '../../../contracts/projects.ts';
import { projectParamsSchema } from '../../../contracts/steps.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { LibraryService } from './library.service.ts';

const entryParams = z.object({ entryId: z.uuid({ message: 'must be a library script id (UUID)' }) });
const versionParams = entryParams.extend({ version: z.coerce.number().int().min(1, 'must be a version number') });
const tags = ['library'];

export function registerLibraryRoutes(router: ApiRouter, library: LibraryService) {
  router.add({
    method: 'GET',
    url: '/api/library',
    summary: 'Your saved scripts, most recently changed first; q searches titles and script texts, tag filters by tag',
    tags,
    query: libraryQuerySchema,
    response: z.array(libraryEntrySchema),
    handler: ({ user, query }) => library.list(user, query),
  });

  router.add({
    method: 'POST',
    url: '/api/library',
    summary: 'Save a script as a new library entry (version 1)',
    tags,
    body: saveLibraryScriptBodySchema,
    response: libraryEntrySchema,
    status: 201,
    handler: ({ user, body }) => library.saveToLibrary(user, body),
  });

  router.add({
    method: 'GET',
    url: '/api/library/:entryId',
    summary: 'A library script with its latest version and the list of its versions',
    tags,
    params: entryParams,
    response: libraryEntryDetailSchema,
    errors: [404],
    handler: ({ user, params }) => library.detail(user, params.entryId),
  });

  router.add({
    method: 'PATCH',
    url: '/api/library/:entryId',
    summary: 'Rename a library script or set its tags',
    tags,
    params: entryParams,
    body: updateLibraryEntryBodySchema,
    response: libraryEntrySchema,
    errors: [404],
    handler: ({ user, params, body }) => library.update(user, params.entryId, body),
  });

  router.add({
    method: 'DELETE',
    url: '/api/library/:entryId',
    summary: 'Delete a library script with all its versions (projects made from it stay)',
    tags,
    params: entryParams,
    status: 204,
    errors: [404],
    handler: ({ user, params }) => library.remove(user, params.entryId),
  });

  router.add({
    method: 'POST',
    url: '/api/library/:entryId/versions',
    summary: 'Save a new version of a library script',
    tags,
    params: entryParams,
    body: addLibraryVersionBodySchema,
    response: libraryEntrySchema,
    status: 201,
    errors: [404],
    handler: ({ user, params, body }) => library.addVersion(user, params.entryId, body),
  });

  router.add({
    method: 'GET',
    url: '/api/library/:entryId/versions/:version',
    summary: 'One version of a library script',
    tags,
    params: versionParams,
    response: libraryVersionSchema,
    errors: [404],
    handler: ({ user, params }) => library.version(user, params.entryId, params.version),
  });

  router.add({
    method: 'GET',
    url: '/api/library/:entryId/compare',
    summary: 'Two versions side by side, scene by scene',
    tags,
    params: entryParams,
    query: compareQuerySchema,
    response: libraryComparisonSchema,
    errors: [404],
    handler: ({ user, params, query }) => library.compare(user, params.entryId, query.from, query.to),
  });

  router.add({
    method: 'POST',
    url: '/api/library/:entryId/produce',
    summary: 'Start production: a new project at the voice stage with this script (stages 1-3 filled); with makeVideo, the fast path makes the video too',
    tags,
    params: entryParams,
    body: produceBodySchema,
    response: z.object({ project: projectSchema, makeJob: jobSchema.nullable() }),
    status: 201,
    errors: [404],
    handler: ({ user, params, body }) => library.produce(user, params.entryId, body ?? {}),
  });

  router.add({
    method: 'POST',
    url: '/api/projects/:id/library',
    summary: "Save the project's final script (stage 3) to the library: a new version of the project's entry, or a new entry",
    tags,
    params: projectParamsSchema,
    body: saveProjectScriptBodySchema,
    response: libraryEntrySchema,
    status: 201,
    errors: [404, 409],
    handler: ({ user, params, body }) => library.saveFromProject(user, params.id, body ?? {}),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id/library',
    summary: "The library entry the project's script was saved to (null when never saved)",
    tags,
    params: projectParamsSchema,
    response: z.object({ entry: libraryEntrySchema.nullable() }),
    errors: [404],
    handler: async ({ user, params }) => ({ entry: await library.ofProject(user, params.id) }),
  });
}
