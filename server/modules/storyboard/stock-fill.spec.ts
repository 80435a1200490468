import { describe, expect, it } from 'vitest';
import { StockError, type StockProvider } from '../../adapters/stock/types.ts';
import type { ProjectRenderPlan } from '../render/plan-from-steps.ts';
import { fillWithStock } from './stock-fill.ts';

const scene = (sceneId: string, text: string) => ({ sceneId, text, visual: { kind: 'card' } });
const plan = {
  plan: {
    scenes: [
      scene('a', 'Tides rise twice a day because the moon pulls the oceans.'),
      scene('b', 'Fishermen in northern harbours plan their mornings around tides.'),
      scene('c', 'Lighthouses still guide small boats home at night.'),
      scene('cta', 'Follow for more.'),
    ],
  },
} as unknown as ProjectRenderPlan;

function provider(answer: (query: string) => Promise<string[]>): StockProvider {
  return {
    id: 'pexels',
    search: async ({ query }) => ({ items: (await answer(query)).map((id) => ({ id })), page: 1, perPage: 5, total: 1 }) as never,
    download: () => Promise.reject(new Error('not used')),
  };
}

describe('automatic stock fill', () => {
  it('stops at a refused key and says it stopped, so the fill is not marked done', async () => {
    let searches = 0;
    const attached: string[] = [];
    const result = await fillWithStock({
      plan,
      storyboard: {},
      aspect: '9:16',
      language: 'en',
      provider: provider(async () => {
        searches++;
        if (searches === 2) throw new StockError('Pexels refused the API key', 'auth', 401);
        return [`photo-${searches}`];
      }),
      attach: async (sceneId) => void attached.push(sceneId),
    });
    expect(result).toEqual({ filled: ['a'], skipped: ['b: Pexels refused the API key'], stopped: true });
    expect(searches).toBe(2);
    expect(attached).toEqual(['a']);
  });

  it('skips scenes the author chose a visual for, never shows one photo twice, and keeps the closing card', async () => {
    const attached: Array<[string, string]> = [];
    const result = await fillWithStock({
      plan,
      storyboard: { scenes: [{ sceneId: 'a', visual: { kind: 'card' } }] } as never,
      aspect: '9:16',
      language: 'en',
      provider: provider(async () => ['same', 'other']),
      attach: async (sceneId, id) => void attached.push([sceneId, id]),
    });
    expect(result).toEqual({ filled: ['b', 'c'], skipped: [], stopped: false });
    expect(attached).toEqual([['b', 'same'], ['c', 'other']]);
  });
});
