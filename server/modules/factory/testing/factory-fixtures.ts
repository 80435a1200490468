import { DEFAULT_FACTORY_RULES, type Draft, type FactoryRules, type FactoryRun, type FactorySettings } from '../../../../contracts/factory.ts';
import type { TestApp } from '../../../test/harness.ts';
import { STORIES, type Story } from '../../news/testing/stories.ts';

/** A copy of the tram story under another slug and title, published `ageHours` ago. */
export function storyLike(n: number, title: string, ageHours = 1, base: Story = STORIES[0]!): Story {
  return { ...base, slug: `${base.slug}-${n}`, title, ageHours };
}

/** Rules that take every fresh story of every feed, with room for many drafts. */
export const OPEN_RULES: FactoryRules = { ...DEFAULT_FACTORY_RULES, enabled: true, minScore: 0, draftsPerDay: 50, maxItemAgeHours: 48, formats: ['news', 'hook-story', 'explainer', 'listicle'] };

export async function api<T>(t: TestApp, cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<{ status: number; body: T }> {
  const response = await t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: (response.body ? response.json() : null) as T };
}

export const settingsOf = async (t: TestApp, cookie: string) => (await api<FactorySettings>(t, cookie, 'GET', '/api/factory/settings')).body;
export const draftsOf = async (t: TestApp, cookie: string, status = 'pending') => (await api<Draft[]>(t, cookie, 'GET', `/api/factory/drafts?status=${status}`)).body;
export const runsOf = async (t: TestApp, cookie: string) => (await api<FactoryRun[]>(t, cookie, 'GET', '/api/factory/runs')).body;

export async function setRules(t: TestApp, cookie: string, rules: Partial<FactoryRules>): Promise<void> {
  const response = await api(t, cookie, 'PUT', '/api/factory/rules', { ...OPEN_RULES, ...rules });
  if (response.status !== 200) throw new Error(`rules refused: ${JSON.stringify(response.body)}`);
}

export async function follow(t: TestApp, cookie: string, feedUrl: string): Promise<string> {
  const response = await api<{ id: string }>(t, cookie, 'POST', '/api/feeds', { url: feedUrl });
  if (response.status !== 201) throw new Error(`feed refused: ${JSON.stringify(response.body)}`);
  return response.body.id;
}
