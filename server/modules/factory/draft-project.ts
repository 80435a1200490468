import type { DraftScene } from '../../../contracts/factory.ts';
import type { GeneratedScript } from '../../../contracts/script.ts';
import type { Clock } from '../../adapters/clock.ts';
import type { AuthContext } from '../../http/router.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import { finalScriptFromChoices, type SceneChoice } from '../script/final-script.ts';
import type { StepsService } from '../steps/steps.service.ts';
import type { DraftRow } from './factory.repository.ts';

export interface DraftProjectDeps {
  projects: ProjectsService;
  steps: StepsService;
  clock: Clock;
}

/** Each scene's choice: the writer's variant when the text is still the variant's, else the text itself. */
function choicesFor(script: GeneratedScript, scenes: readonly DraftScene[]): Record<string, SceneChoice> {
  return Object.fromEntries(
    scenes.map((scene) => {
      const variant = script.scenes.find((s) => s.id === scene.id)?.variants.find((v) => v.text.replace(/\s+/g, ' ').trim() === scene.text);
      return [scene.id, variant ? { variantId: variant.id } : { text: scene.text }];
    }),
  );
}

/**
 * An approved draft as a project at the voice stage: its source (stage 1), the article with the
 * analysis the factory made (stage 2) and the script with the draft's scene texts chosen (stage 3),
 * each completed. The draft id is the creation key, so a retried approval makes no second project.
 */
export async function projectFromDraft(deps: DraftProjectDeps, user: AuthContext, draft: DraftRow, scenes: readonly DraftScene[]): Promise<string> {
  const now = () => deps.clock.now().toISOString();
  const script = draft.script as GeneratedScript;
  const project = await deps.projects.create(user, draft.title.slice(0, 200).trim() || undefined, `factory-draft:${draft.id}`);
  if (project.currentStage >= 4) return project.id;
  const source = {
    sourceType: 'news',
    ...(draft.feedItemId ? { newsItemId: draft.feedItemId } : {}),
    ...(draft.sourceUrl ? { url: draft.sourceUrl } : {}),
    newsTitle: draft.title,
    format: draft.format,
    language: draft.language,
    targetDurationSec: script.targetSec,
  };
  await deps.steps.upsert(user, project.id, { stepNumber: 1, data: source, completedAt: now() });
  const images = draft.imageUrl ? [{ url: draft.imageUrl, alt: null, caption: null, credit: null, width: null, height: null, position: null }] : [];
  const content = {
    title: draft.title,
    text: draft.sourceText,
    ...(draft.sourceUrl ? { url: draft.sourceUrl } : {}),
    images,
    byline: null,
    siteName: draft.feedTitle,
    publishedAt: null,
    language: draft.language,
    analysis: draft.analysis,
  };
  await deps.steps.upsert(user, project.id, { stepNumber: 2, data: content, completedAt: now() });
  const choices = choicesFor(script, scenes);
  const finalScript = finalScriptFromChoices(script, choices);
  const scriptStep = { generatedVariants: script, choices, selectedVariants: finalScript.selectedVariants, finalScript };
  await deps.steps.upsert(user, project.id, { stepNumber: 3, data: scriptStep, completedAt: now() });
  for (const stage of [2, 3, 4]) await deps.projects.changeStage(user, project.id, stage);
  return project.id;
}
