import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Job } from '../../../../contracts/jobs.ts';
import type { Step } from '../../../../contracts/steps.ts';
import type { Language } from '../../../../contracts/formats.ts';
import { createProject } from '../../../test/harness.ts';

export type Scene = { id: string; text: string };

/** API helpers for stage 4 tests: a project with its script copied into stage 4, jobs awaited. */
export function voiceApi(app: FastifyInstance, cookie: string) {
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => {
    const response = await app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
    const json = String(response.headers['content-type'] ?? '').includes('json') && response.body;
    return { status: response.statusCode, body: json ? (response.json() as Record<string, unknown>) : {}, headers: response.headers, raw: response };
  };

  const steps = async (projectId: string) => (await call('GET', `/api/projects/${projectId}/steps`)).body as unknown as Step[];
  const step = async (projectId: string, n: number) => (await steps(projectId)).find((s) => s.stepNumber === n);

  async function saveFinalScript(projectId: string, scenes: Scene[]): Promise<Step> {
    const response = await call('POST', `/api/projects/${projectId}/steps`, { stepNumber: 3, data: { finalScript: { scenes } } });
    expect(response.status).toBe(200);
    return response.body as unknown as Step;
  }

  /** What the stage 4 screen does on its first visit: copy step 3's final script, recording its version. */
  async function copyScript(projectId: string, step3: Step, scenes: Scene[], voice?: Record<string, unknown>) {
    const response = await call('PATCH', `/api/projects/${projectId}/steps/4`, {
      data: { script: { scenes, sourceVersion: step3.version, base: scenes }, ...(voice ? { voice } : {}) },
      derivedFrom: { '3': step3.version },
    });
    expect(response.status).toBe(200);
    return response.body as unknown as Step;
  }

  async function projectWithScript(language: Language, scenes: Scene[], voice?: Record<string, unknown>) {
    const projectId = await createProject(app, cookie, `Voice ${language}`);
    await call('POST', `/api/projects/${projectId}/steps`, { stepNumber: 1, data: { language, sourceType: 'idea', idea: 'x' } });
    const step3 = await saveFinalScript(projectId, scenes);
    await copyScript(projectId, step3, scenes, voice);
    return projectId;
  }

  /** Completes stages 1-3 and moves the project on to stage 4, as the screens do. */
  async function reachStage4(projectId: string) {
    for (const stage of [1, 2, 3]) {
      expect((await call('PATCH', `/api/projects/${projectId}/steps/${stage}`, { completedAt: new Date().toISOString() })).status).toBe(200);
      expect((await call('PATCH', `/api/projects/${projectId}/stage`, { stage: stage + 1 })).status).toBe(200);
    }
  }

  async function waitForJob(jobId: string, onUpdate?: (job: Job) => void): Promise<Job> {
    for (;;) {
      const job = (await call('GET', `/api/jobs/${jobId}`)).body as unknown as Job;
      onUpdate?.(job);
      if (['succeeded', 'failed', 'cancelled'].includes(job.state)) return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function narrate(projectId: string, body?: unknown): Promise<Job> {
    const started = await call('POST', `/api/projects/${projectId}/voice/narration`, body);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return waitForJob((started.body as unknown as Job).id);
  }

  return { call, steps, step, saveFinalScript, copyScript, projectWithScript, reachStage4, waitForJob, narrate };
}

/** A multipart body with one file field, as a browser sends it. */
export function multipart(data: Buffer, filename: string, contentType: string) {
  const boundary = `----rf${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
