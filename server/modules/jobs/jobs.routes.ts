import { z } from 'zod';
import { TERMINAL_JOB_STATES, jobParamsSchema as jobParams, jobSchema } from '../../../contracts/jobs.ts';
import { projectParamsSchema } from '../../../contracts/steps.ts';
import { streamPolled } from '../../http/event-stream.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import type { JobsService } from './jobs.service.ts';

const POLL_MS = 400;

export function registerJobRoutes(router: ApiRouter, jobs: JobsService, projects: ProjectsService) {
  router.add({
    method: 'GET',
    url: '/api/jobs/:jobId',
    summary: 'A job: state, progress (0..1), current step, result or error',
    tags: ['jobs'],
    params: jobParams,
    response: jobSchema,
    errors: [404],
    handler: ({ user, params }) => jobs.get(user, params.jobId),
  });

  router.add({
    method: 'POST',
    url: '/api/jobs/:jobId/cancel',
    summary: 'Cancel a queued or running job',
    tags: ['jobs'],
    params: jobParams,
    response: jobSchema,
    errors: [404, 409],
    handler: ({ user, params }) => jobs.cancel(user, params.jobId),
  });

  router.add({
    method: 'GET',
    url: '/api/projects/:id/jobs',
    summary: "The project's jobs, newest first",
    tags: ['jobs'],
    params: projectParamsSchema,
    response: z.array(jobSchema),
    errors: [404],
    handler: async ({ user, params }) => {
      await projects.get(user, params.id);
      return jobs.listForProject(user, params.id);
    },
  });

  router.add({
    method: 'GET',
    url: '/api/jobs/:jobId/events',
    summary: 'Server-sent events: a "job" event with the job on every change, until it ends',
    tags: ['jobs'],
    params: jobParams,
    errors: [404],
    handler: async ({ user, params, reply, request }) => {
      const job = await jobs.get(user, params.jobId);
      await streamPolled(
        request,
        reply,
        {
          read: () => jobs.get(user, params.jobId),
          keyOf: (current) => `${current.updatedAt}|${current.state}`,
          event: 'job',
          intervalMs: POLL_MS,
          isFinal: (current) => TERMINAL_JOB_STATES.includes(current.state),
        },
        job,
      );
    },
  });
}
