import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, ProjectPerformance, Publication } from '../../../contracts/performance.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';

describe.each(DATABASE_KINDS)('stage 8 performance API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const inject = (cookie: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, payload });
  const publish = async (cookie: string, projectId: string, platform = 'tiktok', url = 'https://www.tiktok.com/@me/video/1') => {
    const response = await inject(cookie, 'POST', `/api/projects/${projectId}/publications`, { platform, url, publishedAt: '2026-05-01' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Publication;
  };
  const performance = async (cookie: string, projectId: string) => (await inject(cookie, 'GET', `/api/projects/${projectId}/performance`)).json() as ProjectPerformance;

  it('records publications (several per video), refuses a duplicate and bad fields by name, and hides them from other users', async () => {
    const { cookie } = await signUp(t.app);
    const projectId = await createProject(t.app, cookie);
    await publish(cookie, projectId, 'tiktok');
    await publish(cookie, projectId, 'youtube', 'https://youtube.com/shorts/abcDEF12345');
    const duplicate = await inject(cookie, 'POST', `/api/projects/${projectId}/publications`, { platform: 'tiktok', url: 'https://www.tiktok.com/@me/video/1', publishedAt: '2026-05-01' });
    expect(duplicate.statusCode).toBe(409);
    const yearZero = await inject(cookie, 'POST', `/api/projects/${projectId}/publications`, { platform: 'vk', url: 'https://vk.com/clip1', publishedAt: '0000-01-01' });
    expect(yearZero.json().error.message).toMatch(/publishedAt: must be between 2000 and 2099/);
    const bad = await inject(cookie, 'POST', `/api/projects/${projectId}/publications`, { platform: 'myspace', url: 'ftp://x', publishedAt: 'yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['platform', 'publishedAt', 'url']);
    expect((await performance(cookie, projectId)).publications.map((p) => p.platform)).toEqual(['tiktok', 'youtube']);

    const other = await signUp(t.app);
    expect((await inject(other.cookie, 'GET', `/api/projects/${projectId}/performance`)).statusCode).toBe(404);
    expect((await inject(other.cookie, 'POST', `/api/projects/${projectId}/publications`, { platform: 'vk', url: 'https://vk.com/clip1', publishedAt: '2026-05-02' })).statusCode).toBe(404);
  });

  it('takes metrics from the form as a series; a bad field is a 400 naming it and stores nothing', async () => {
    const { cookie } = await signUp(t.app);
    const projectId = await createProject(t.app, cookie);
    const publication = await publish(cookie, projectId);
    const url = `/api/publications/${publication.id}/readings`;
    expect((await inject(cookie, 'POST', url, { views: 1200, likes: 80, watchRatio: 0.61, readAt: '2026-05-02T10:00:00Z' })).statusCode).toBe(201);
    const second = await inject(cookie, 'POST', url, { views: 2400, likes: 150, avgWatchSec: 9.5, readAt: '2026-05-05T10:00:00Z' });
    expect(second.json().readings.map((r: { views: number }) => r.views)).toEqual([1200, 2400]);

    for (const payload of [{ views: -5 }, { likes: 1.5 }, { views: '12' }, {}, { readAt: 'tomorrow', views: 3 }]) {
      const refused = await inject(cookie, 'POST', url, payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await inject(cookie, 'POST', url, { views: -5 })).json().error.message).toMatch(/views: cannot be negative/);
    expect((await performance(cookie, projectId)).publications[0]!.readings).toHaveLength(2);
  });

  it('imports a good CSV; a bad one names the line and stores nothing', async () => {
    const { cookie } = await signUp(t.app);
    const projectId = await createProject(t.app, cookie);
    const publication = await publish(cookie, projectId);
    const url = `/api/publications/${publication.id}/readings/csv`;
    const good = 'date,views,likes,comments,shares,saves,watch_ratio\n2026-05-02,1000,50,4,3,2,58%\n"2026-05-03",1500,70,6,5,3,0.6\n';
    const imported = await inject(cookie, 'POST', url, { csv: good });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().imported).toBe(2);
    expect(imported.json().publication.readings[0]).toMatchObject({ views: 1000, likes: 50, watchRatio: 0.58, source: 'csv' });

    const bad = 'read_at,views,likes\n2026-05-04,1800,90\n2026-05-05,lots,95\n2026-05-06,2100,99\n';
    const refused = await inject(cookie, 'POST', url, { csv: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/nothing was stored.*line 3: views: "lots" is not a number/);
    expect(refused.json().error.details).toMatchObject({ reason: 'CSV_INVALID', line: 3 });
    const unknownColumn = await inject(cookie, 'POST', url, { csv: 'read_at,vews\n2026-05-04,1\n' });
    expect(unknownColumn.json().error.message).toMatch(/line 1: unknown column "vews"/);
    const impossibleDay = await inject(cookie, 'POST', url, { csv: 'read_at;views\n2026-05-04;1\n2026-02-31;5\n' });
    expect(impossibleDay.json().error.message).toMatch(/line 3: read_at: "2026-02-31" is not a date/);
    const shortRow = await inject(cookie, 'POST', url, { csv: 'read_at,views,likes\n2026-05-04,1\n' });
    expect(shortRow.json().error.message).toMatch(/line 2: 2 values for 3 columns/);
    const russian = await t.app.inject({ method: 'POST', url, headers: { cookie, 'accept-language': 'ru' }, payload: { csv: bad } });
    expect(russian.json().error.message).toMatch(/CSV не импортирован/);
    expect((await performance(cookie, projectId)).publications[0]!.readings.map((r) => r.views)).toEqual([1000, 1500]);
  });

  it('shows each video against the author’s usual on that platform, and the dashboard across projects', async () => {
    const { cookie } = await signUp(t.app);
    const views = [100, 200, 300, 460];
    const ids: string[] = [];
    for (const [i, value] of views.entries()) {
      const projectId = await createProject(t.app, cookie, `Video ${i + 1}`);
      ids.push(projectId);
      const publication = await publish(cookie, projectId, 'instagram', `https://www.instagram.com/reel/C${i}/`);
      await inject(cookie, 'POST', `/api/publications/${publication.id}/readings`, { views: Math.round(value / 2), readAt: '2026-05-02T00:00:00Z' });
      await inject(cookie, 'POST', `/api/publications/${publication.id}/readings`, { views: value, readAt: '2026-05-09T00:00:00Z' });
    }
    const last = await performance(cookie, ids[3]!);
    // The usual is the median of the latest readings (100, 200, 300, 460): 250; 460 is 1.84x.
    expect(last.actuals).toEqual([expect.objectContaining({ platform: 'instagram', metric: 'views', value: 460, baseline: 250, ratio: 1.84, videosInBaseline: 4 })]);
    const dashboard = (await inject(cookie, 'GET', '/api/performance')).json() as Dashboard;
    expect(dashboard.videos.map((v) => v.ratio)).toEqual([0.4, 0.8, 1.2, 1.84]);
    expect(dashboard.advice.videos).toBe(4);
    expect(dashboard.advice.suggestions).toHaveLength(3);
    // Without an LLM the advice stands on its own; asking for prose says what is missing.
    const prose = await inject(cookie, 'POST', '/api/performance/summary', { language: 'en' });
    expect(prose.statusCode).toBe(409);
    expect(prose.json().error.message).toMatch(/needs an LLM/);
  });

  it('refreshing a TikTok publication does nothing; without credentials a YouTube one is quietly marked', async () => {
    const { cookie } = await signUp(t.app);
    const projectId = await createProject(t.app, cookie);
    const tiktok = await publish(cookie, projectId);
    expect((await inject(cookie, 'POST', `/api/publications/${tiktok.id}/refresh`)).json().refreshStatus).toBe('none');
    const youtube = await publish(cookie, projectId, 'youtube', 'https://youtube.com/shorts/abcDEF12345');
    const refreshed = (await inject(cookie, 'POST', `/api/publications/${youtube.id}/refresh`)).json() as Publication;
    expect(refreshed).toMatchObject({ refreshStatus: 'no-credentials', refreshError: null, readings: [] });
  });
});
