import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';

/** A project named by the web app's default (in the interface language) takes the title of its first source. */
describe('default titles replaced by the source title', () => {
  let t: TestApp;
  let cookie = '';

  beforeAll(async () => {
    t = await createTestApp('pglite');
    ({ cookie } = await signUp(t.app));
  });
  afterAll(() => t.close());

  const applyIdea = async (projectId: string, idea: string) => {
    const response = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/source`, headers: { cookie }, payload: { sourceType: 'idea', idea, format: 'news' } });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { project: { title: string } }).project.title;
  };

  it('replaces the English and Russian defaults of the web app and of the server', async () => {
    const cases = [
      ['Untitled video, Dec 3, 2026, 9:05 AM', 'Why the moon makes two tides a day.'],
      ['Видео без названия, 3 дек. 2026 г., 09:05', 'Почему луна вызывает два прилива в день.'],
      ['Untitled video 2026-12-03 09:05', 'Volcanoes cool the planet for a year.'],
    ] as const;
    for (const [title, idea] of cases) expect(await applyIdea(await createProject(t.app, cookie, title), idea)).toBe(idea);
  });

  it("keeps a title the author chose", async () => {
    expect(await applyIdea(await createProject(t.app, cookie, 'Tides for kids'), 'Why the moon makes two tides a day.')).toBe('Tides for kids');
  });
});
