import { accountAndProjectExamples } from './accounts-projects.ts';
import { factoryExamples } from './factory.ts';
import { libraryAndBatchExamples } from './library-batches.ts';
import { mediaExamples } from './media.ts';
import { performanceExamples } from './performance.ts';
import type { ApiExample } from './shared.ts';
import { storyboardExamples } from './storyboard.ts';
import { textPipelineExamples } from './text-pipeline.ts';

export type { ApiExample } from './shared.ts';

/** An example call of every route, by "METHOD /url" as the route is registered. */
export const API_EXAMPLES: Record<string, ApiExample> = {
  ...accountAndProjectExamples,
  ...textPipelineExamples,
  ...storyboardExamples,
  ...mediaExamples,
  ...libraryAndBatchExamples,
  ...performanceExamples,
  ...factoryExamples,
};
