import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { JOB_PAYLOAD_SCHEMAS, type Job, type JobName, type JobPayload } from '../../contracts/jobs.ts';
import { applySourceBodySchema, importSourceBodySchema } from '../../contracts/sources.ts';
import { AppError } from '../../server/http/errors.ts';
import type { JobHandler } from '../../server/modules/jobs/job-handlers.ts';
import { createJobHandlers } from '../../server/worker-handlers.ts';
import type { Backend, JobProgress } from '../backend.ts';
import { CliError, EXIT } from '../cli-error.ts';
import { openLocalContext } from './local-context.ts';

function explain(error: unknown): unknown {
  if (error instanceof CliError) return error;
  if (error instanceof AppError) return new CliError(error.message, EXIT.failed, error.details);
  if (error instanceof Error && error.name === 'AbortError') return new CliError('interrupted', EXIT.interrupted);
  return error;
}

/** The pipeline in this process: the server's app context (same services, same job handlers), jobs run inline. */
export async function openLocalBackend(options: { dataDir?: string; signal: AbortSignal }): Promise<Backend & { dataDir: string }> {
  const { context, user, dataDir, close } = await openLocalContext({ dataDir: options.dataDir });
  const handlers = createJobHandlers(context);
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw explain(error);
    }
  };

  async function runJob<N extends JobName>(name: N, projectId: string, payload: JobPayload<N>, onProgress: JobProgress): Promise<Job> {
    const handler = handlers[name] as JobHandler<N> | undefined;
    if (!handler) throw new CliError(`no handler for ${name}`);
    const id = randomUUID();
    const started = new Date().toISOString();
    try {
      const result = await handler({
        jobId: id,
        ownerId: user.userId,
        projectId,
        payload: JOB_PAYLOAD_SCHEMAS[name].parse(payload) as JobPayload<N>,
        signal: options.signal,
        progress: (fraction, step) => onProgress(fraction, step ?? null),
      });
      const finished = new Date().toISOString();
      return { id, name, projectId, state: 'succeeded', progress: 1, step: null, error: null, result, attempts: 1, createdAt: started, startedAt: started, finishedAt: finished, updatedAt: finished };
    } catch (error) {
      if (options.signal.aborted) throw new CliError('interrupted', EXIT.interrupted);
      throw new CliError(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const { textPipeline, steps, projects, render, voice, assets, jobs, storyboard } = context;
  return {
    dataDir,
    importSource: (body) => call(() => textPipeline.sources.import(importSourceBodySchema.parse(body))),
    analyse: (input) => call(() => textPipeline.analysis.analyse(user.userId, input)),
    createProject: (title) => call(() => projects.create(user, title)),
    listProjects: () => call(() => projects.list(user, {})),
    applySource: (projectId, body) => call(async () => void (await textPipeline.projectSource.apply(user, projectId, applySourceBodySchema.parse(body)))),
    importArticlePictures: (projectId) => call(() => storyboard.importArticlePictures(user, projectId)),
    fillWithStock: (projectId) => call(() => storyboard.fillWithStock(user, projectId)),
    steps: (projectId) => call(() => steps.list(user, projectId)),
    mergeStep: (projectId, stepNumber, patch) => call(() => steps.merge(user, projectId, stepNumber, patch)),
    skipStep: (projectId, stepNumber, reason) => call(async () => void (await steps.skip(user, projectId, stepNumber, reason))),
    changeStage: (projectId, stage) => call(async () => void (await projects.changeStage(user, projectId, stage))),
    saveFinalScript: (projectId, body) => call(async () => void (await textPipeline.script.saveFinal(user, projectId, body))),
    voices: (language) => call(() => voice.catalog(user, language)),
    generateScript: async (projectId, onProgress) => void (await runJob('script.generate', projectId, { projectId }, onProgress)),
    narrate: async (projectId, onProgress) => void (await runJob('voice.narrate', projectId, { projectId }, onProgress)),
    render: (projectId, body, onProgress) =>
      call(async () => {
        // The same check the API makes before queuing: a plan that cannot render names its fields.
        await render.assertRenderable(user, projectId, body ?? {});
        return runJob('render.video', projectId, { projectId, aspect: body?.aspect ?? '9:16', quality: body?.quality ?? 'standard' }, onProgress);
      }),
    renderState: (projectId) => call(() => render.state(user, projectId)),
    job: (jobId) => call(() => jobs.get(user, jobId)),
    uploadMusic: (projectId, path) => call(() => assets.upload(user, projectId, 'music', createReadStream(path), basename(path))),
    download: (asset, path) => call(async () => copyFile((await assets.fileOf(user.userId, asset.id)).path, path)),
    close,
  };
}
