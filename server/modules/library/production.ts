import type { AnalysisResult } from '../../../contracts/analysis.ts';
import type { LibraryScript } from '../../../contracts/library.ts';
import type { AuthContext } from '../../http/router.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import { finalScriptFromChoices } from '../script/final-script.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { defaultVoice } from '../voice/stage4-state.ts';
import { generatedFromLibrary, productionSeconds, scriptText } from './script-steps.ts';

export interface ProductionInput {
  title: string;
  script: LibraryScript;
  analysis: AnalysisResult;
  library: { entryId: string; version: number };
  targetDurationSec?: number;
}

/**
 * Fills a new project the way the screens would have: stage 1 (the script as a text source),
 * stage 2 (its text and analysis), stage 3 (the script as its own one-variant-per-scene script,
 * chosen and final) all completed, and stage 4 holding its copy of the script with the
 * language's default voice; the project then stands at stage 4. Writing again is harmless.
 */
export async function writeProductionSteps(
  deps: { steps: StepsService; projects: ProjectsService; clock: { now(): Date } },
  user: AuthContext,
  projectId: string,
  input: ProductionInput,
): Promise<void> {
  const { steps, projects } = deps;
  const now = deps.clock.now().toISOString();
  const { script, title, analysis } = input;
  const text = scriptText(script);
  await steps.upsert(user, projectId, {
    stepNumber: 1,
    data: {
      sourceType: 'text',
      text,
      format: script.format,
      language: script.language,
      targetDurationSec: input.targetDurationSec ?? productionSeconds(script),
      library: input.library,
    },
    completedAt: now,
  });
  await steps.upsert(user, projectId, { stepNumber: 2, data: { title, text, images: [], language: script.language, analysis }, completedAt: now });
  const generated = generatedFromLibrary(script, title);
  const choices = Object.fromEntries(generated.scenes.map((scene) => [scene.id, { variantId: scene.variants[0]!.id }]));
  const finalScript = finalScriptFromChoices(generated, choices);
  const step3 = await steps.upsert(user, projectId, {
    stepNumber: 3,
    data: { generatedVariants: generated, choices, selectedVariants: finalScript.selectedVariants, finalScript },
    completedAt: now,
  });
  const scenes = finalScript.scenes;
  await steps.merge(user, projectId, 4, {
    data: { script: { scenes, sourceVersion: step3.version, base: scenes.map(({ id, text: sceneText }) => ({ id, text: sceneText })) }, voice: defaultVoice(script.language) },
    derivedFrom: { '3': step3.version },
  });
  for (const stage of [2, 3, 4]) {
    const project = await projects.get(user, projectId);
    if (project.maxStage < stage) await projects.changeStage(user, projectId, stage);
  }
}
