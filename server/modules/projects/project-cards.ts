import type { Project, ProjectCard, ProjectWork } from '../../../contracts/projects.ts';
import { LAST_STAGE } from '../../../contracts/stages.ts';
import type { StepRow } from '../steps/steps.repository.ts';
import { staleSourcesOf } from '../steps/steps.service.ts';

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const assetUrl = (id: unknown) => (typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? `/api/assets/${id}/content` : null);

/** Visual kinds whose asset is a still picture an <img> can show. */
const PICTURE_KINDS = new Set(['image', 'article-image']);

/** The latest render's thumbnail, else the first storyboard scene's picture. */
function thumbnailOf(steps: StepRow[]): string | null {
  const rendered = assetUrl(record(steps.find((s) => s.stepNumber === 7)?.data.outputs).thumbnailAssetId);
  if (rendered) return rendered;
  const visual = record(record(steps.find((s) => s.stepNumber === 6)?.data.firstScene).visual);
  const still = PICTURE_KINDS.has(String(visual.kind)) || (visual.kind === 'stock' && visual.media === 'photo');
  return still ? assetUrl(visual.assetId) : null;
}

/** Rendering while a render runs; else ready or outdated once a video exists, by the one freshness rule of the steps. */
function workOf(steps: StepRow[], rendering: boolean): ProjectWork | null {
  if (rendering) return 'rendering';
  const step7 = steps.find((s) => s.stepNumber === 7);
  if (!assetUrl(record(step7?.data.outputs).videoAssetId)) return null;
  return staleSourcesOf(step7!).length > 0 ? 'outdated' : 'ready';
}

export function toProjectCard(project: Project, steps: StepRow[], rendering: boolean): ProjectCard {
  return {
    ...project,
    stagesDone: steps.filter((s) => s.completedAt || s.skipReason).length,
    stageCount: LAST_STAGE,
    work: workOf(steps, rendering),
    thumbnailUrl: thumbnailOf(steps),
  };
}
