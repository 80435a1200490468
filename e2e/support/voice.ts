import { expect, type Page } from '@playwright/test';

export type Scene = { id: string; text: string; role?: string };

/** Stage-4 test support: steps written through the API with the page's own session. */
export function stepsApi(page: Page, projectId: string) {
  const base = `/api/projects/${projectId}`;
  const ok = async (response: Awaited<ReturnType<Page['request']['get']>>) => {
    expect(response.ok(), `${response.url()}: ${await response.text()}`).toBe(true);
    return response.json() as Promise<Record<string, unknown>>;
  };
  return {
    save: async (stepNumber: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      ok(await page.request.post(`${base}/steps`, { data: { stepNumber, data, ...extra } })),
    complete: async (stepNumber: number) => ok(await page.request.patch(`${base}/steps/${stepNumber}`, { data: { completedAt: new Date().toISOString() } })),
    moveTo: async (stage: number) => ok(await page.request.patch(`${base}/stage`, { data: { stage } })),
    step: async (stepNumber: number) => ((await ok(await page.request.get(`${base}/steps/${stepNumber}`))) as { data: Record<string, unknown>; version: number }),
  };
}

/** Stages 1-3 done through the API, up to a final script; the browser then opens stage 4. */
export async function projectAtStage4(page: Page, projectId: string, scenes: Scene[], language = 'en') {
  const api = stepsApi(page, projectId);
  await api.save(1, { sourceType: 'idea', idea: 'Why the sea has tides', format: 'news', language, targetDurationSec: 20 }, { completedAt: new Date().toISOString() });
  await api.moveTo(2);
  await api.save(2, { title: 'Tides', text: scenes.map((s) => s.text).join(' ') }, { completedAt: new Date().toISOString() });
  await api.moveTo(3);
  await api.save(3, { finalScript: { scenes } }, { completedAt: new Date().toISOString() });
  await api.moveTo(4);
  return api;
}

export const sceneText = (page: Page, n: number) => page.getByRole('textbox', { name: `Text of scene ${n}` });
