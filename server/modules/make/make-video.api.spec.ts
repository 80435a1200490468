import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../contracts/jobs.ts';
import type { RenderState } from '../../../contracts/render-api.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { voiceApi } from '../voice/testing/voice-api.ts';

const TEXT =
  'The city of Eastbrook opened its new tram line on Monday. The line links the harbour with the university in twelve minutes. ' +
  'Around nine thousand people rode it on the first day, twice what the planners expected. Tickets cost the same as the bus. ' +
  'The council says two more lines will follow by 2028 if the first year goes well.';

describe.each(DATABASE_KINDS)('"make video" fast path over the API (%s)', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof voiceApi>;

  beforeAll(async () => {
    t = await createTestApp(kind, { jobs: { mode: 'worker', workerOptions: { heartbeatSec: 0.3 } } });
    api = voiceApi(t.app, (await signUp(t.app)).cookie);
  });
  afterAll(() => t.close());

  it('refuses a project without a source (409), and another user gets 404', async () => {
    const projectId = await createProject(t.app, (await signUp(t.app)).cookie, 'Empty');
    expect((await api.call('POST', `/api/projects/${projectId}/make`, {})).status).toBe(404);
    const mine = (await api.call('POST', '/api/projects', { title: 'No source' })).body.id as string;
    const refused = await api.call('POST', `/api/projects/${mine}/make`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'NO_SOURCE_TEXT' } });
  });

  it('goes from a text source to a rendered video with the best variant of each scene; a second run changes nothing', async () => {
    const projectId = (await api.call('POST', '/api/projects', { title: 'Tram' })).body.id as string;
    const applied = await api.call('POST', `/api/projects/${projectId}/source`, { sourceType: 'text', text: TEXT, format: 'news', targetDurationSec: 20, language: 'en' });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);

    const first = await api.call('POST', `/api/projects/${projectId}/make`, { quality: 'draft' });
    const again = await api.call('POST', `/api/projects/${projectId}/make`, { quality: 'draft' });
    expect(first.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    const stages = new Set<string>();
    const job = await api.waitForJob(first.body.id as string, (j) => j.step && stages.add(j.step.split(':')[0]!));
    expect(job.state, job.error ?? '').toBe('succeeded');
    expect([...stages]).toEqual(expect.arrayContaining(['script', 'voice', 'render']));

    const steps = await api.steps(projectId);
    const step3 = steps.find((s) => s.stepNumber === 3)!;
    const generated = step3.data.generatedVariants as { scenes: Array<{ id: string; variants: Array<{ id: string; score: number }> }> };
    for (const scene of generated.scenes) {
      const best = Math.max(...scene.variants.map((v) => v.score));
      const picked = scene.variants.find((v) => v.id === (step3.data.selectedVariants as Record<string, string>)[scene.id]);
      expect(picked?.score).toBe(best);
    }
    expect(steps.filter((s) => [2, 3, 4, 6, 7].includes(s.stepNumber)).every((s) => s.completedAt)).toBe(true);
    expect(steps.find((s) => s.stepNumber === 5)?.skipReason).toContain('Make video');
    expect(steps.some((s) => s.stale)).toBe(false);
    const project = (await api.call('GET', `/api/projects/${projectId}`)).body;
    expect(project.currentStage).toBe(7);
    const render = (await api.call('GET', `/api/projects/${projectId}/render`)).body as unknown as RenderState;
    expect(render.outputs?.video.sizeBytes).toBeGreaterThan(10_000);

    const versions = Object.fromEntries(steps.map((s) => [s.stepNumber, s.version]));
    const second = await api.call('POST', `/api/projects/${projectId}/make`, { quality: 'draft' });
    const rerun = await api.waitForJob(second.body.id as string);
    expect(rerun.state, rerun.error ?? '').toBe('succeeded');
    const jobs = (await api.call('GET', `/api/projects/${projectId}/jobs`)).body as unknown as Job[];
    // Script and narration were still current: only a new render ran.
    expect(jobs.filter((j) => j.name === 'script.generate')).toHaveLength(1);
    expect(jobs.filter((j) => j.name === 'voice.narrate')).toHaveLength(1);
    const after = await api.steps(projectId);
    for (const n of [2, 3, 4, 5, 6]) expect(after.find((s) => s.stepNumber === n)?.version).toBe(versions[n]);
    // Two renders of a whole video on a shared machine: far more than the default minute.
  }, 600_000);
});
