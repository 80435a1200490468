import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, FactorySettings } from '../../../contracts/factory.ts';
import type { Step } from '../../../contracts/steps.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { type NewsSite, startNewsSite } from '../news/testing/news-site.ts';
import { STORIES } from '../news/testing/stories.ts';
import { api, draftsOf, follow, setRules, settingsOf, storyLike } from './testing/factory-fixtures.ts';

const [TRAM, OCTOPUS, , , VELOPARK] = STORIES;
type ErrorBody = { error: { code: string; message: string; details?: { reason?: string } } };
const byTitle = (drafts: Draft[], title: string) => drafts.find((d) => d.title === title)!;

describe.each(DATABASE_KINDS)('content factory review and learning on %s', (kind) => {
  let t: TestApp;
  let site: NewsSite;
  beforeAll(async () => {
    site = await startNewsSite();
    t = await createTestApp(kind, { env: { FETCH_ALLOW_PRIVATE_HOSTS: site.hostKey } });
  });
  afterAll(async () => {
    await t?.close();
    await site?.close();
  });

  it('approves into a project at the voice stage, rejects and revises; each teaches the factory, and the next run follows', async () => {
    site.stories = [TRAM!, OCTOPUS!, VELOPARK!];
    const { cookie, user } = await signUp(t.app);
    await follow(t, cookie, site.feedUrl);
    await setRules(t, cookie, { minScore: 20 });
    await t.context.factory.runs.run(user.id, 'manual');
    const drafts = await draftsOf(t, cookie);
    expect(drafts).toHaveLength(3);

    // Approve with one scene edited: a project at stage 4 holding exactly the draft's script.
    const octopus = byTitle(drafts, OCTOPUS!.title);
    const edited = 'Octopuses may dream, and 30 of them showed it.';
    const approved = await api<{ projectId: string; jobId: string | null; draft: Draft }>(t, cookie, 'POST', `/api/factory/drafts/${octopus.id}/approve`, { mode: 'project', scenes: [{ id: 's1', text: edited }] });
    expect(approved.status).toBe(200);
    expect(approved.body.jobId).toBeNull();
    expect(approved.body.draft).toMatchObject({ status: 'approved', projectId: approved.body.projectId });
    expect(approved.body.draft.versions.map((v) => v.kind)).toEqual(['written', 'edit']);
    const project = (await api<{ currentStage: number }>(t, cookie, 'GET', `/api/projects/${approved.body.projectId}`)).body;
    expect(project.currentStage).toBe(4);
    const steps = (await api<Step[]>(t, cookie, 'GET', `/api/projects/${approved.body.projectId}/steps`)).body;
    const finalScenes = (steps.find((s) => s.stepNumber === 3)!.data.finalScript as { scenes: { id: string; text: string }[] }).scenes;
    expect(finalScenes.map((s) => s.text)).toEqual([edited, ...octopus.scenes.slice(1).map((s) => s.text)]);
    expect(steps.every((s) => !s.stale)).toBe(true);
    let learned = (await settingsOf(t, cookie)).learned;
    expect(learned.formatVotes[octopus.format]).toBe(1);
    expect(learned.minScoreDelta).toBe(-2);
    const again = await api<ErrorBody>(t, cookie, 'POST', `/api/factory/drafts/${octopus.id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.details?.reason).toBe('DRAFT_CLOSED');

    // Reject as a boring topic: the topic is avoided and the bar goes up.
    const tram = byTitle(drafts, TRAM!.title);
    const rejected = await api<Draft>(t, cookie, 'POST', `/api/factory/drafts/${tram.id}/reject`, { category: 'boring-topic', reason: 'Nobody here cares about trams' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectCategory: 'boring-topic', rejectReason: 'Nobody here cares about trams' });
    learned = (await settingsOf(t, cookie)).learned;
    expect(learned.avoidedTopics).toEqual(['tram']);
    expect(learned.minScoreDelta).toBe(3);
    expect(learned.history.map((h) => h.change)).toEqual(['rejected', 'approved']);

    // Revise one scene with notes: the rules join the profile, the other scenes are byte-identical.
    const velopark = byTitle(drafts, VELOPARK!.title);
    const notes = 'Never open with a question. Always give the number in the hook.';
    const revised = await api<Draft>(t, cookie, 'POST', `/api/factory/drafts/${velopark.id}/revise`, { notes, sceneIds: ['s2'] });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect(revised.body.versions).toHaveLength(2);
    expect(revised.body.versions[1]).toMatchObject({ kind: 'revision', notes, sceneIds: ['s2'] });
    const before = velopark.scenes;
    const after = revised.body.scenes;
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    for (const [i, scene] of after.entries()) if (scene.id !== 's2') expect(Buffer.from(scene.text).equals(Buffer.from(before[i]!.text))).toBe(true);
    expect(after[1]!.text).not.toBe(before[1]!.text);
    const profile = (await settingsOf(t, cookie)).profile;
    expect(profile.map((r) => [r.text, r.kind, r.source])).toEqual([
      ['Never open with a question', 'no-question-hook', 'revision'],
      ['Always give the number in the hook', 'number-in-hook', 'revision'],
    ]);

    // The next run: the avoided topic is passed over, the profile's hook rules are kept.
    site.stories = [storyLike(1, 'Tram depot gets 20 new trams', 1), storyLike(2, 'Scientists film 30 octopuses in two stages of sleep', 1, OCTOPUS!)];
    const next = await t.context.factory.runs.run(user.id, 'manual');
    expect(next).toMatchObject({ considered: 1, filed: 1 });
    const fresh = byTitle(await draftsOf(t, cookie), 'Scientists film 30 octopuses in two stages of sleep');
    const hook = fresh.scenes[0]!.text;
    expect(hook).toMatch(/\d/);
    expect(hook).not.toMatch(/^[^.!]*\?/);
    expect(fresh.checks.filter((c) => c.name === 'number-in-hook' || c.name === 'no-question-hook').every((c) => c.ok)).toBe(true);

    // Reversible: the author removes the avoided topic and the tram story is taken up.
    const reset = await api<FactorySettings>(t, cookie, 'PATCH', '/api/factory/learned', { avoidedTopics: [], minScoreDelta: 0 });
    expect(reset.body.effective).toMatchObject({ avoidedTopics: [], minScore: 20 });
    expect((await t.context.factory.runs.run(user.id, 'manual')).filed).toBe(1);
  });

  it('keeps at most five revisions, each a version, and edits or deletes profile rules', async () => {
    site.stories = [TRAM!];
    const { cookie, user } = await signUp(t.app);
    await follow(t, cookie, site.feedUrl);
    await setRules(t, cookie, {});
    await t.context.factory.runs.run(user.id, 'manual');
    const [draft] = await draftsOf(t, cookie);
    for (let i = 0; i < 5; i++) {
      const response = await api<Draft>(t, cookie, 'POST', `/api/factory/drafts/${draft!.id}/revise`, { notes: `Make it shorter, take ${i + 1}` });
      expect(response.status).toBe(200);
      expect(response.body.revisionsLeft).toBe(4 - i);
    }
    const sixth = await api<ErrorBody>(t, cookie, 'POST', `/api/factory/drafts/${draft!.id}/revise`, { notes: 'Once more' });
    expect(sixth.status).toBe(409);
    expect(sixth.body.error.details?.reason).toBe('REVISION_LIMIT');
    const stored = (await api<Draft>(t, cookie, 'GET', `/api/factory/drafts/${draft!.id}`)).body;
    expect(stored.versions.map((v) => v.number)).toEqual([1, 2, 3, 4, 5, 6]);

    const unknownScene = await api<ErrorBody>(t, cookie, 'POST', `/api/factory/drafts/${draft!.id}/approve`, { scenes: [{ id: 's99', text: 'x' }] });
    expect(unknownScene.status).toBe(400);
    expect(unknownScene.body.error.message).toContain('scenes.0');
    const badCategory = await api<ErrorBody>(t, cookie, 'POST', `/api/factory/drafts/${draft!.id}/reject`, { category: 'ugly' });
    expect(badCategory.status).toBe(400);
    expect((await api<Draft>(t, cookie, 'GET', `/api/factory/drafts/${draft!.id}`)).body.status).toBe('pending');

    const added = await api<FactorySettings>(t, cookie, 'POST', '/api/factory/profile', { text: 'Never start with a question' });
    expect(added.status).toBe(201);
    const rule = added.body.profile.find((r) => r.source === 'author')!;
    expect(rule.kind).toBe('no-question-hook');
    const reworded = await api<FactorySettings>(t, cookie, 'PATCH', `/api/factory/profile/${rule.id}`, { text: 'Always put a figure in the hook' });
    expect(reworded.body.profile.find((r) => r.id === rule.id)).toMatchObject({ text: 'Always put a figure in the hook', kind: 'number-in-hook' });
    const deleted = await api<FactorySettings>(t, cookie, 'DELETE', `/api/factory/profile/${rule.id}`);
    expect(deleted.body.profile.some((r) => r.id === rule.id)).toBe(false);

    const stranger = await signUp(t.app);
    expect((await api(t, stranger.cookie, 'GET', `/api/factory/drafts/${draft!.id}`)).status).toBe(404);
    expect((await api(t, stranger.cookie, 'POST', `/api/factory/drafts/${draft!.id}/reject`, { category: 'other' })).status).toBe(404);
  });

  it('a rejection as too long shortens the next drafts', async () => {
    site.stories = [TRAM!];
    const { cookie, user } = await signUp(t.app);
    await follow(t, cookie, site.feedUrl);
    await setRules(t, cookie, { formats: ['explainer'], minLengthSec: 20, maxLengthSec: 60 });
    await t.context.factory.runs.run(user.id, 'manual');
    const [first] = await draftsOf(t, cookie);
    await api(t, cookie, 'POST', `/api/factory/drafts/${first!.id}/reject`, { category: 'too-long' });
    expect((await settingsOf(t, cookie)).learned.lengthFactor).toBe(0.85);
    site.stories = [storyLike(3, 'Eastbrook hospital adds 2,000 jobs by 2030', 1)];
    await t.context.factory.runs.run(user.id, 'manual');
    const [second] = await draftsOf(t, cookie);
    const words = (d: Draft) => d.scenes.map((s) => s.text).join(' ').split(/\s+/).length;
    expect(words(second!)).toBeLessThan(words(first!));
  });
});
