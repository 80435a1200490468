import type { Aspect, Language } from '../../../contracts/formats.ts';
import type { StockFillResult } from '../../../contracts/storyboard-api.ts';
import type { Stage6Data } from '../../../contracts/step-data.ts';
import { StockError, type StockProvider } from '../../adapters/stock/types.ts';
import { AppError } from '../../http/errors.ts';
import { stockQueryFromScene } from '../render/card-text.ts';
import type { ProjectRenderPlan } from '../render/plan-from-steps.ts';
import { LOCALE_OF, ORIENTATION_OF } from './stock.ts';

/** Results looked at per scene: enough to skip photos another scene already shows. */
const PER_SCENE = 5;

export interface StockFillInput {
  /** The render plan as the author left it: automatic scenes show an article picture or a card. */
  plan: ProjectRenderPlan;
  storyboard: Stage6Data;
  aspect: Aspect;
  language: Language;
  provider: StockProvider;
  /** Downloads the photo into the project and makes it the scene's visual. */
  attach: (sceneId: string, photoId: string) => Promise<void>;
}

/**
 * The automatic storyboard's second choice: every scene still on its automatic card gets the first
 * Pexels photo found for its words that no other scene shows (the closing call to action keeps its
 * card, as with article pictures). A key the provider refuses, or its rate limit, stops the fill.
 */
export async function fillWithStock(input: StockFillInput): Promise<Omit<StockFillResult, 'configured'> & { stopped: boolean }> {
  const { plan, storyboard } = input;
  const chosen = new Map((storyboard.scenes ?? []).map((scene) => [scene.sceneId, scene.visual]));
  const usedIds = new Set<string>();
  const scenes = plan.plan.scenes;
  const lastFillable = scenes.length > 2 ? scenes.length - 1 : scenes.length;
  const filled: string[] = [];
  const skipped: string[] = [];
  for (const [index, scene] of scenes.entries()) {
    if (index >= lastFillable || chosen.get(scene.sceneId) || scene.visual.kind !== 'card') continue;
    const query = stockQueryFromScene(scene.text);
    if (!query) {
      skipped.push(`${scene.sceneId}: no words to search for`);
      continue;
    }
    try {
      const page = await input.provider.search({ query, media: 'photo', orientation: ORIENTATION_OF[input.aspect], page: 1, perPage: PER_SCENE, locale: LOCALE_OF[input.language] });
      const photo = page.items.find((item) => !usedIds.has(item.id));
      if (!photo) {
        skipped.push(`${scene.sceneId}: no Pexels photo for "${query}"`);
        continue;
      }
      usedIds.add(photo.id);
      await input.attach(scene.sceneId, photo.id);
      filled.push(scene.sceneId);
    } catch (error) {
      if (!(error instanceof StockError) && !(error instanceof AppError)) throw error;
      skipped.push(`${scene.sceneId}: ${error.message}`);
      if (error instanceof StockError ? error.kind === 'auth' || error.kind === 'rate-limit' : error.code === 'RATE_LIMITED') return { filled, skipped, stopped: true };
    }
  }
  return { filled, skipped, stopped: false };
}
