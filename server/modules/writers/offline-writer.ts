import type { Writer } from '../../../contracts/writer.ts';
import { analyseOffline } from '../analysis/offline-analyser.ts';
import { draftPublishMetadata } from './offline/publish-metadata.ts';
import { regenerateSceneOffline } from './offline/regenerate.ts';
import { writeScriptOffline } from './offline/write.ts';

/** The built-in writer: deterministic, rule-based, no network, no key. */
export function createOfflineWriter(options: { now?: () => Date } = {}): Writer {
  return {
    kind: 'offline',
    analyse: async (input) => analyseOffline(input, { now: options.now }),
    writeScript: async (input) => writeScriptOffline(input),
    regenerateScene: async (input) => regenerateSceneOffline(input),
    draftPublishMetadata: async (input) => draftPublishMetadata(input),
  };
}
