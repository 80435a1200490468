import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../contracts/jobs.ts';
import type { GeneratedScript } from '../../../contracts/script.ts';
import type { ScriptVersion } from '../../../contracts/script-workflow.ts';
import type { Step } from '../../../contracts/steps.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { LONG_ARTICLE_TEXT } from '../news/testing/stories.ts';

describe.each(DATABASE_KINDS)('stage 3 script on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { jobs: { mode: 'worker' } });
    cookie = (await signUp(t.app)).cookie;
  });
  afterAll(() => t.close());

  const api = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as string }) });

  async function waitForJob(id: string): Promise<Job> {
    for (let i = 0; i < 300; i++) {
      const job = (await api('GET', `/api/jobs/${id}`)).json() as Job;
      if (['succeeded', 'failed', 'cancelled'].includes(job.state)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  }

  const step3 = async (projectId: string) => ((await api('GET', `/api/projects/${projectId}/steps`)).json() as Step[]).find((s) => s.stepNumber === 3)!;
  const scriptOf = (step: Step) => step.data.generatedVariants as GeneratedScript;

  async function projectWithScript(): Promise<string> {
    const projectId = await createProject(t.app, cookie);
    const applied = await api('POST', `/api/projects/${projectId}/source`, { sourceType: 'text', text: LONG_ARTICLE_TEXT, format: 'hook-story', targetDurationSec: 40 });
    expect(applied.statusCode).toBe(200);
    const job = await api('POST', `/api/projects/${projectId}/script/generate`);
    expect(job.statusCode).toBe(202);
    expect((await waitForJob(job.json().id)).state).toBe('succeeded');
    return projectId;
  }

  it('analyses stage 2 with the writer and saves the analysis (and an edited text) into step 2', async () => {
    const projectId = await createProject(t.app, cookie);
    await api('POST', `/api/projects/${projectId}/source`, { sourceType: 'idea', idea: 'Octopuses sleep in two stages.', format: 'news' });
    const analysed = await api('POST', `/api/projects/${projectId}/analysis`, { text: LONG_ARTICLE_TEXT, title: 'Tram vote' });
    expect(analysed.statusCode).toBe(200);
    expect(analysed.json().step.data).toMatchObject({ title: 'Tram vote', text: LONG_ARTICLE_TEXT, analysis: { analyser: 'offline', language: 'en' } });
    expect(analysed.json().step.data.analysis.keyFacts.some((f: string) => f.includes('31 to 9'))).toBe(true);
    const stale = await api('POST', `/api/projects/${projectId}/analysis`, { text: 'x y z', baseVersion: 1 });
    expect(stale.statusCode).toBe(412);
    const stateless = await api('POST', '/api/analysis', { text: 'В Новосибирске открылся велопарк на 300 человек.' });
    expect(stateless.json()).toMatchObject({ language: 'ru', analyser: 'offline' });
  });

  it('generates the script as a job: scenes with roles, at least three scored variants each, within 15% of the target', async () => {
    const projectId = await projectWithScript();
    const step = await step3(projectId);
    const script = scriptOf(step);
    expect(script).toMatchObject({ language: 'en', format: 'hook-story', targetSec: 40, writer: 'offline' });
    expect(script.scenes[0]!.role).toBe('hook');
    expect(script.scenes.at(-1)!.role).toBe('cta');
    for (const scene of script.scenes) expect(scene.variants.length).toBeGreaterThanOrEqual(3);
    expect(Math.abs(script.totalSeconds - 40) / 40).toBeLessThanOrEqual(0.15);
    expect(step.data.selectedVariants).toBeUndefined();
  });

  it('a double click is one job, and a project without text cannot generate', async () => {
    const projectId = await createProject(t.app, cookie);
    const empty = await api('POST', `/api/projects/${projectId}/script/generate`);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.details.reason).toBe('NO_SOURCE_TEXT');
    await api('POST', `/api/projects/${projectId}/source`, { sourceType: 'text', text: LONG_ARTICLE_TEXT, format: 'news' });
    const [a, b] = await Promise.all([api('POST', `/api/projects/${projectId}/script/generate`), api('POST', `/api/projects/${projectId}/script/generate`)]);
    expect(a.json().id).toBe(b.json().id);
    await waitForJob(a.json().id);
    const jobs = (await api('GET', `/api/projects/${projectId}/jobs`)).json() as Job[];
    expect(jobs.filter((j) => j.name === 'script.generate')).toHaveLength(1);
  });

  it('regenerating one scene changes only that scene and keeps the picked variant', async () => {
    const projectId = await projectWithScript();
    const before = scriptOf(await step3(projectId));
    const target = before.scenes[1]!;
    const picked = target.variants[0]!.id;
    await api('PATCH', `/api/projects/${projectId}/steps/3`, { data: { selectedVariants: { [target.id]: picked }, choices: { [target.id]: { variantId: picked } } } });
    const job = await api('POST', `/api/projects/${projectId}/script/generate`, { sceneId: target.id });
    expect(await waitForJob(job.json().id)).toMatchObject({ state: 'succeeded' });
    const after = await step3(projectId);
    const script = scriptOf(after);
    script.scenes.forEach((scene, i) => {
      if (scene.id !== target.id) expect(scene).toEqual(before.scenes[i]);
    });
    const regenerated = script.scenes[1]!;
    expect(regenerated.variants[0]!.id).toBe(picked);
    const fresh = regenerated.variants.slice(1);
    expect(fresh.length).toBeGreaterThanOrEqual(3);
    for (const v of fresh) expect(target.variants.map((o) => o.text)).not.toContain(v.text);
    expect(after.data.selectedVariants).toEqual({ [target.id]: picked });
    expect((await api('POST', `/api/projects/${projectId}/script/generate`, { sceneId: 's99' })).statusCode).toBe(404);
  });

  it('saves the final script from choices, records versions (also for saves through the steps API), and reverts', async () => {
    const projectId = await projectWithScript();
    const step = await step3(projectId);
    const script = scriptOf(step);
    const choices = Object.fromEntries(script.scenes.map((s) => [s.id, { variantId: s.variants[1]!.id }]));
    const incomplete = await api('PUT', `/api/projects/${projectId}/script/final`, { choices: { s1: choices.s1 } });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.message).toContain('s2');

    const saved = await api('PUT', `/api/projects/${projectId}/script/final`, { choices, complete: true, baseVersion: step.version });
    expect(saved.statusCode).toBe(200);
    const first = saved.json() as Step;
    expect(first.completedAt).not.toBeNull();
    expect(first.data.generatedVariants).toEqual(script);
    const final = first.data.finalScript as { scenes: { id: string; text: string }[]; totalWords: number; duration: number; selectedVariants: Record<string, string> };
    expect(final.scenes.map((s) => s.text)).toEqual(script.scenes.map((s) => s.variants[1]!.text.replace(/\s+/g, ' ')));
    expect(final.selectedVariants).toEqual(Object.fromEntries(script.scenes.map((s) => [s.id, s.variants[1]!.id])));
    expect(final.duration).toBeGreaterThan(0);
    expect((await api('PUT', `/api/projects/${projectId}/script/final`, { choices, baseVersion: step.version })).statusCode).toBe(412);

    const own = { ...choices, s1: { text: 'My own opening line about the tram.' } };
    await api('PUT', `/api/projects/${projectId}/script/final`, { choices: own });
    await api('PUT', `/api/projects/${projectId}/script/final`, { choices: own });
    const edited = { ...(await step3(projectId)).data, finalScript: { ...final, scenes: final.scenes.map((s, i) => (i === 0 ? { ...s, text: 'Saved through the steps API.' } : s)) } };
    expect((await api('POST', `/api/projects/${projectId}/steps`, { stepNumber: 3, data: edited })).statusCode).toBe(200);

    const versions = (await api('GET', `/api/projects/${projectId}/script/versions`)).json() as ScriptVersion[];
    expect(versions.map((v) => v.number)).toEqual([3, 2, 1]);
    // Each version is the step-3 version that saved it.
    expect(versions[0]!.version).toBe((await step3(projectId)).version);
    expect(new Set(versions.map((v) => v.version)).size).toBe(3);
    expect(versions[0]!.preview).toMatch(/^Saved through the steps API\./);
    expect(versions[1]!.preview).toMatch(/^My own opening line/);

    const reverted = await api('POST', `/api/projects/${projectId}/script/versions/${versions[2]!.version}/revert`);
    expect(reverted.statusCode).toBe(200);
    expect((reverted.json() as Step).data.finalScript).toEqual(final);
    expect((reverted.json() as Step).data.choices).toEqual(choices);
    const afterRevert = (await api('GET', `/api/projects/${projectId}/script/versions`)).json() as ScriptVersion[];
    expect(afterRevert[0]).toMatchObject({ number: 4, version: (reverted.json() as Step).version, finalScript: final });
    expect((await api('POST', `/api/projects/${projectId}/script/versions/999/revert`)).statusCode).toBe(404);
  });

  it('a full regeneration over choices needs confirmation, then starts over', async () => {
    const projectId = await projectWithScript();
    const script = scriptOf(await step3(projectId));
    await api('PATCH', `/api/projects/${projectId}/steps/3`, { data: { selectedVariants: { s1: script.scenes[0]!.variants[0]!.id } } });
    const refused = await api('POST', `/api/projects/${projectId}/script/generate`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('CHOICES_EXIST');
    const job = await api('POST', `/api/projects/${projectId}/script/generate`, { replace: true });
    expect(await waitForJob(job.json().id)).toMatchObject({ state: 'succeeded' });
    const after = await step3(projectId);
    expect(after.data.selectedVariants).toBeUndefined();
    expect(scriptOf(after).scenes.length).toBeGreaterThanOrEqual(3);
  });

  it("hides another user's script and versions", async () => {
    const projectId = await projectWithScript();
    const stranger = await signUp(t.app);
    for (const [method, url] of [
      ['POST', `/api/projects/${projectId}/script/generate`],
      ['GET', `/api/projects/${projectId}/script/versions`],
      ['POST', `/api/projects/${projectId}/script/versions/1/revert`],
      ['POST', `/api/projects/${projectId}/analysis`],
    ] as const) {
      expect((await t.app.inject({ method, url, headers: { cookie: stranger.cookie } })).statusCode, url).toBe(404);
    }
    const final = await t.app.inject({ method: 'PUT', url: `/api/projects/${projectId}/script/final`, headers: { cookie: stranger.cookie }, payload: { choices: {} } });
    expect(final.statusCode).toBe(404);
  });
});
