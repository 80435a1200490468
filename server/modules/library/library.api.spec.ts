import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryComparison, LibraryEntry, LibraryEntryDetail } from '../../../contracts/library.ts';
import type { Project } from '../../../contracts/projects.ts';
import type { GeneratedScript } from '../../../contracts/script.ts';
import type { Step } from '../../../contracts/steps.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';

const SCENES = [
  { id: 's1', role: 'hook', text: 'Eastbrook opened a tram line that nobody expected to be full on day one.' },
  { id: 's2', role: 'body', text: 'Nine thousand people rode it on Monday, twice what the planners had counted on.' },
  { id: 's3', role: 'cta', text: 'Would you take the tram to work? Tell us below.' },
];
const script = (texts: string[], language = 'en') => ({ language, format: 'news', scenes: texts.map((text) => ({ text })) });

describe.each(DATABASE_KINDS)('scripts library over the API (%s)', (kind) => {
  let t: TestApp;
  let cookie: string;
  let otherCookie: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookie = (await signUp(t.app)).cookie;
    otherCookie = (await signUp(t.app)).cookie;
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, as = cookie) => {
    const response = await t.app.inject({ method, url, headers: { cookie: as }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, body: response.body ? (response.json() as Record<string, unknown> & { error?: { message: string } }) : {} };
  };
  const entries = async (query = '', as = cookie) => (await call('GET', `/api/library${query}`, undefined, as)).body as unknown as LibraryEntry[];
  const steps = async (projectId: string) => (await call('GET', `/api/projects/${projectId}/steps`)).body as unknown as Step[];

  async function projectWithFinalScript(scenes = SCENES) {
    const projectId = await createProject(t.app, cookie, 'Tram day');
    await call('POST', `/api/projects/${projectId}/steps`, { stepNumber: 1, data: { sourceType: 'idea', idea: 'A tram line', language: 'en', format: 'news' } });
    await call('POST', `/api/projects/${projectId}/steps`, { stepNumber: 3, data: { finalScript: { scenes } } });
    return projectId;
  }

  it('saves a stage-3 script; saving from the project again adds a version, which can be listed and compared', async () => {
    const projectId = await projectWithFinalScript();
    const first = await call('POST', `/api/projects/${projectId}/library`, { tags: ['Transport', 'city'] });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const entry = first.body as unknown as LibraryEntry;
    expect(entry).toMatchObject({ title: 'Tram day', tags: ['transport', 'city'], projectId, latestVersion: 1 });
    expect(entry.latest.script).toEqual({ language: 'en', format: 'news', scenes: SCENES.map(({ role, text }) => ({ role, text })) });
    expect(entry.latest.source).toMatchObject({ kind: 'project', projectId });

    const edited = [SCENES[0]!, { ...SCENES[1]!, text: 'Nine thousand riders came on Monday.' }, SCENES[2]!];
    await call('POST', `/api/projects/${projectId}/steps`, { stepNumber: 3, data: { finalScript: { scenes: edited } } });
    const second = (await call('POST', `/api/projects/${projectId}/library`, {})).body as unknown as LibraryEntry;
    expect(second).toMatchObject({ id: entry.id, latestVersion: 2, tags: ['transport', 'city'] });
    expect((await call('GET', `/api/projects/${projectId}/library`)).body).toMatchObject({ entry: { id: entry.id, latestVersion: 2 } });

    const detail = (await call('GET', `/api/library/${entry.id}`)).body as unknown as LibraryEntryDetail;
    expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await call('GET', `/api/library/${entry.id}/versions/1`)).body).toMatchObject({ version: 1, script: { scenes: [{ text: SCENES[0]!.text }, { text: SCENES[1]!.text }, {}] } });
    const diff = (await call('GET', `/api/library/${entry.id}/compare?from=1&to=2`)).body as unknown as LibraryComparison;
    expect(diff.scenes.map((s) => s.change)).toEqual(['same', 'changed', 'same']);
    expect(diff.scenes[1]).toMatchObject({ before: SCENES[1]!.text, after: 'Nine thousand riders came on Monday.' });
  });

  it('finds scripts by title, by text and by tag; another user sees none of them', async () => {
    await call('POST', '/api/library', { title: 'Heat pumps by the sea', script: script(['Copenhagen warms homes with harbour water.', 'Subscribe for more.']), tags: ['energy'] });
    await call('POST', '/api/library', { title: '100% solar village', script: script(['A village in Bavaria runs on the sun.', 'Follow for more.']), tags: ['energy', 'solar'] });
    expect((await entries('?q=heat%20pumps')).map((e) => e.title)).toEqual(['Heat pumps by the sea']);
    expect((await entries('?q=harbour')).map((e) => e.title)).toEqual(['Heat pumps by the sea']);
    expect((await entries('?q=100%25')).map((e) => e.title)).toEqual(['100% solar village']);
    expect((await entries('?q=%25')).map((e) => e.title)).toEqual(['100% solar village']);
    expect((await entries('?tag=solar')).map((e) => e.title)).toEqual(['100% solar village']);
    expect((await entries('?tag=Energy')).length).toBe(2);
    expect(await entries('?q=harbour', otherCookie)).toEqual([]);
    const id = (await entries('?q=harbour'))[0]!.id;
    for (const [method, url] of [['GET', `/api/library/${id}`], ['PATCH', `/api/library/${id}`], ['POST', `/api/library/${id}/produce`], ['DELETE', `/api/library/${id}`]] as const) {
      const payload = method === 'PATCH' ? { title: 'Mine now' } : method === 'POST' ? {} : undefined;
      expect((await call(method, url, payload, otherCookie)).status, `${method} ${url}`).toBe(404);
    }
    const renamed = await call('PATCH', `/api/library/${id}`, { title: 'Sea heat', tags: ['heat', 'heat', 'sea'] });
    expect(renamed.body).toMatchObject({ title: 'Sea heat', tags: ['heat', 'sea'] });
  });

  it('refuses bad input with a 4xx naming the problem and stores nothing', async () => {
    const before = (await entries()).length;
    const cases: Array<[unknown, RegExp]> = [
      [{ title: 'One scene', script: script(['Only one.']) }, /script\.scenes.*at least two scenes/],
      [{ title: 'Klingon', script: script(['a', 'b'], 'tlh') }, /script\.language/],
      [{ title: '', script: script(['a', 'b']) }, /title/],
      [{ title: 'Bad tag', script: script(['a', 'b']), tags: ['<script>'] }, /tags\.0/],
      [{ title: 'Empty scene', script: script(['a', '   ']) }, /script\.scenes\.1\.text/],
    ];
    for (const [payload, message] of cases) {
      const response = await call('POST', '/api/library', payload);
      expect(response.status).toBe(400);
      expect(response.body.error?.message).toMatch(message);
    }
    const projectId = await createProject(t.app, cookie, 'No script yet');
    const refused = await call('POST', `/api/projects/${projectId}/library`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ details: { reason: 'NO_FINAL_SCRIPT' } });
    expect((await call('POST', `/api/projects/${projectId}/library`, {}, otherCookie)).status).toBe(404);
    expect((await entries()).length).toBe(before);

    const id = (await entries())[0]!.id;
    const projects = (await call('GET', '/api/projects')).body as unknown as Project[];
    expect((await call('POST', `/api/library/${id}/produce`, { version: 99 })).status).toBe(404);
    expect((await call('POST', `/api/library/${id}/produce`, { aspect: '4:3' })).status).toBe(400);
    expect((await call('POST', `/api/library/${id}/versions`, { script: script(['only']) })).status).toBe(400);
    expect(((await call('GET', '/api/projects')).body as unknown as Project[]).length).toBe(projects.length);
    expect((await entries()).find((e) => e.id === id)?.latestVersion).toBe(1);
  });

  it('keeps every version when many are saved at once', async () => {
    const entry = (await call('POST', '/api/library', { title: 'Busy', script: script(['v1 hook', 'v1 end']) })).body as unknown as LibraryEntry;
    const saves = await Promise.all(Array.from({ length: 8 }, (_, i) => call('POST', `/api/library/${entry.id}/versions`, { script: script([`hook ${i}`, `end ${i}`]) })));
    expect(saves.every((s) => s.status === 201)).toBe(true);
    const detail = (await call('GET', `/api/library/${entry.id}`)).body as unknown as LibraryEntryDetail;
    expect(detail.latestVersion).toBe(9);
    expect(detail.versions.map((v) => v.version)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const texts = await Promise.all(detail.versions.map(async (v) => ((await call('GET', `/api/library/${entry.id}/versions/${v.version}`)).body as { script: { scenes: { text: string }[] } }).script.scenes[0]!.text));
    expect(new Set(texts).size).toBe(9);

    // The first saves from one project, at once: one entry, every save a version of it.
    const projectId = await projectWithFinalScript();
    const firsts = await Promise.all(Array.from({ length: 5 }, () => call('POST', `/api/projects/${projectId}/library`, {})));
    expect(firsts.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(firsts.map((r) => r.body.id)).size).toBe(1);
    const saved = (await call('GET', `/api/library/${firsts[0]!.body.id}`)).body as unknown as LibraryEntryDetail;
    expect(saved.versions.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
  });

  it('starts production: a new project at the voice stage with the script in stages 1-4', async () => {
    const saved = (await call('POST', '/api/library', { title: 'Tram story', script: { language: 'en', format: 'news', scenes: SCENES.map(({ text }) => ({ text })) }, tags: ['city'] })).body as unknown as LibraryEntry;
    await call('POST', `/api/library/${saved.id}/versions`, { script: script(['A newer hook about trams.', 'A newer body about riders.', 'A newer close.']) });
    const produced = await call('POST', `/api/library/${saved.id}/produce`, { version: 1 });
    expect(produced.status, JSON.stringify(produced.body)).toBe(201);
    const project = produced.body.project as Project;
    expect(produced.body.makeJob).toBeNull();
    expect(project).toMatchObject({ title: 'Tram story', currentStage: 4, maxStage: 4 });

    const all = await steps(project.id);
    const stepOf = (n: number) => all.find((s) => s.stepNumber === n)!;
    const [s1, s2, s3, s4] = [stepOf(1), stepOf(2), stepOf(3), stepOf(4)];
    expect(s1.data).toMatchObject({ sourceType: 'text', format: 'news', language: 'en', library: { entryId: saved.id, version: 1 } });
    expect(s2.data).toMatchObject({ title: 'Tram story', analysis: { language: 'en' } });
    expect(String(s2.data.text)).toContain('Nine thousand people');
    const generated = s3.data.generatedVariants as GeneratedScript;
    expect(generated.writer).toBe('library');
    expect(generated.scenes.map((s) => s.role)).toEqual(['hook', 'body', 'cta']);
    const final = (s3.data.finalScript as { scenes: { id: string; text: string }[] }).scenes;
    expect(final.map((s) => s.text)).toEqual(SCENES.map((s) => s.text));
    expect((s4.data.script as { scenes: { text: string }[] }).scenes.map((s) => s.text)).toEqual(SCENES.map((s) => s.text));
    expect([s1, s2, s3].every((s) => s.completedAt)).toBe(true);
    expect(s4.completedAt).toBeNull();
    expect(all.some((s) => s.stale)).toBe(false);
    // Stage 3's history has the script, as if the author had saved it there.
    expect(((await call('GET', `/api/projects/${project.id}/script/versions`)).body as unknown as unknown[]).length).toBe(1);
  });
});
