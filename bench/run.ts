import { SERVER_ENTRIES, buildEntries } from '../scripts/build-server.mjs';
import { benchApiSteps } from './api-steps.bench.ts';
import { benchFactory } from './factory.bench.ts';
import { benchMediaStore } from './media-store.bench.ts';
import { benchOwnVoiceAlign } from './own-voice-align.bench.ts';
import { benchJobPickup } from './job-pickup.bench.ts';
import { benchRender } from './render.bench.ts';
import { benchStoryboard } from './storyboard.bench.ts';
import { benchTextPipeline } from './text-pipeline.bench.ts';
import { benchVoice } from './voice.bench.ts';

/** `npm run bench [name...]`: runs the named benchmarks (all by default) and updates BENCHMARKS.md. */
const BENCHES: Record<string, () => Promise<void>> = {
  'api-steps': benchApiSteps,
  factory: benchFactory,
  'job-pickup': benchJobPickup,
  render: benchRender,
  'media-store': benchMediaStore,
  'own-voice-align': benchOwnVoiceAlign,
  storyboard: benchStoryboard,
  'text-pipeline': benchTextPipeline,
  voice: benchVoice,
};

// The benchmarks run the app as `npm start` does: compiled to plain JavaScript.
await buildEntries(SERVER_ENTRIES, 'dist/server');
const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`== ${name}`);
  await run();
}
