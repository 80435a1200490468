import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Job } from '../../../../contracts/jobs.ts';
import type { RenderState } from '../../../../contracts/render-api.ts';
import { voiceApi } from '../../voice/testing/voice-api.ts';

export type Scene = { id: string; text: string };

/** A short English script (about 5 s spoken). */
export const SHORT_SCENES: Scene[] = [
  { id: 'hook', text: 'Oil prices hit a record today.' },
  { id: 'body', text: 'Refineries cannot keep up.' },
  { id: 'cta', text: 'Follow for more.' },
];

/** About 70 words: a render long enough to be interrupted in the middle. */
export const LONG_SCENES: Scene[] = Array.from({ length: 6 }, (_, i) => ({
  id: `s${i + 1}`,
  text: `Scene ${i + 1} explains one more reason why the harbour town heats every home with warm water pumped from the sea.`,
}));

/** Stage 7 over the API for tests: projects narrated or with stage 4 skipped, renders started and awaited. */
export function renderApi(app: FastifyInstance, cookie: string) {
  const voice = voiceApi(app, cookie);
  const { call } = voice;

  /** A project whose stage 4 was skipped: captions by reading speed, a silent video. */
  async function silentProject(scenes: Scene[], language: 'en' | 'ru' = 'en'): Promise<string> {
    const projectId = await voice.projectWithScript(language, scenes);
    await voice.reachStage4(projectId);
    expect((await call('POST', `/api/projects/${projectId}/steps/4/skip`, { reason: 'silent video' })).status).toBe(200);
    return projectId;
  }

  /** A project narrated by the real voice job (espeak-ng). */
  async function narratedProject(scenes: Scene[], language: 'en' | 'ru' = 'en'): Promise<string> {
    const projectId = await voice.projectWithScript(language, scenes);
    const job = await voice.narrate(projectId);
    expect(job.state, job.error ?? '').toBe('succeeded');
    return projectId;
  }

  async function start(projectId: string, body?: Record<string, unknown>) {
    return call('POST', `/api/projects/${projectId}/render`, body ?? {});
  }

  async function render(projectId: string, body?: Record<string, unknown>, onUpdate?: (job: Job) => void): Promise<Job> {
    const started = await start(projectId, body);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return voice.waitForJob((started.body as unknown as Job).id, onUpdate);
  }

  const state = async (projectId: string) => (await call('GET', `/api/projects/${projectId}/render`)).body as unknown as RenderState;

  return { ...voice, silentProject, narratedProject, start, render, state };
}
