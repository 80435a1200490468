import type { Writer } from '../../../contracts/writer.ts';
import { analyseOffline } from '../../modules/analysis/offline-analyser.ts';
import { writeScriptOffline } from '../../modules/script/offline-writer.ts';
import { draftPublishMetadata } from '../../modules/script/publish-metadata.ts';
import { regenerateSceneOffline } from '../../modules/script/regenerate-scene.ts';

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
