import { expect, type APIResponse, type Page } from '@playwright/test';

export type Scene = { id: string; text: string };

async function ok(response: APIResponse): Promise<Record<string, unknown>> {
  expect(response.ok(), `${response.url()}: ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

async function waitForJob(page: Page, jobId: string): Promise<Record<string, unknown>> {
  for (;;) {
    const job = await ok(await page.request.get(`/api/jobs/${jobId}`));
    if (['succeeded', 'failed', 'cancelled'].includes(String(job.state))) return job;
    await page.waitForTimeout(200);
  }
}

/**
 * Stages 1-6 done through the API with the page's own session: a final script, narration by
 * the real voice job (espeak-ng), stage 5 skipped, stage 6 left to its defaults (generated cards).
 * Returns the narration's length.
 */
export async function projectAtStage7(page: Page, projectId: string, scenes: Scene[], language: 'en' | 'ru' = 'en'): Promise<{ narrationSec: number }> {
  const base = `/api/projects/${projectId}`;
  const now = () => new Date().toISOString();
  const moveTo = async (stage: number) => ok(await page.request.patch(`${base}/stage`, { data: { stage } }));
  await ok(await page.request.post(`${base}/steps`, { data: { stepNumber: 1, data: { sourceType: 'idea', idea: 'Oil prices', format: 'news', language }, completedAt: now() } }));
  await moveTo(2);
  await ok(await page.request.post(`${base}/steps`, { data: { stepNumber: 2, data: { title: 'Oil', text: scenes.map((s) => s.text).join(' ') }, completedAt: now() } }));
  await moveTo(3);
  const step3 = await ok(await page.request.post(`${base}/steps`, { data: { stepNumber: 3, data: { finalScript: { scenes } }, completedAt: now() } }));
  await moveTo(4);
  await ok(
    await page.request.patch(`${base}/steps/4`, {
      data: { data: { script: { scenes, sourceVersion: step3.version, base: scenes } }, derivedFrom: { '3': step3.version } },
    }),
  );
  const narration = await ok(await page.request.post(`${base}/voice/narration`, { data: {} }));
  const finished = await waitForJob(page, String(narration.id));
  expect(finished.state, String(finished.error)).toBe('succeeded');
  const step4 = await ok(await page.request.patch(`${base}/steps/4`, { data: { completedAt: now() } }));
  await moveTo(5);
  await ok(await page.request.post(`${base}/steps/5/skip`, { data: { reason: 'No avatar' } }));
  await ok(await page.request.post(`${base}/steps`, { data: { stepNumber: 6, data: {}, completedAt: now() } }));
  await moveTo(7);
  return { narrationSec: (step4.data as { audio: { durationSec: number } }).audio.durationSec };
}
