import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Step } from '../../../contracts/steps.ts';
import { DEFAULT_SCENE_PAUSE_SEC } from '../../../contracts/voice.ts';
import type { OwnRecording, SceneBoundary, Stage4Audio, Stage4Own } from '../../../contracts/voice-api.ts';
import { decodeToPcm } from '../../adapters/ffmpeg/audio.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AssetsService } from '../assets/assets.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { removeReplacedNarration } from './narration-job.ts';
import { boundariesFromAlignment } from './own-alignment.ts';
import { TranscriptionError } from '../../adapters/stt/types.ts';
import type { Transcribers } from '../media-sources/transcribers.ts';
import { writeSpeechAudio } from '../media-sources/speech-audio.ts';
import { timingsFromTranscript } from './transcript-timings.ts';
import { joinSceneRecordings, prepareOwnTrack, receiveOwnAudio, timeOwnAudio } from './own-voice.ts';
import { readStage4, scenesToVoice, type ScriptScene, type Stage4State } from './stage4-state.ts';
import { peaksFromSamples } from './track-peaks.ts';

interface OwnVoiceDeps {
  steps: StepsService;
  assets: AssetsService;
  tempDir: string;
  /** When one serves the user, word times come from what it hears. */
  transcribers?: Transcribers;
}

const textsOf = (scenes: ScriptScene[]) => Object.fromEntries(scenes.map((s) => [s.id, s.text]));

/**
 * Own voice for stage 4: one recording of the whole script (scene boundaries proposed by words,
 * snapped to pauses, adjustable) or one recording per scene (joined once every scene has one).
 * Word times are estimated by reading speed where speech is heard inside each scene.
 */
export class OwnVoice {
  constructor(private readonly deps: OwnVoiceDeps) {}

  private scenesOf(state: Stage4State): ScriptScene[] {
    const scenes = scenesToVoice(state);
    if (scenes.length === 0) throw new AppError('CONFLICT', 'Stage 4 has no script yet: open the voice stage after finishing the script');
    return scenes;
  }

  async upload(
    user: AuthContext,
    projectId: string,
    state: Stage4State,
    source: Readable & { truncated?: boolean },
    options: { sceneId?: string; recorded: boolean; originalName: string | null },
  ): Promise<Step> {
    const scenes = this.scenesOf(state);
    if (options.sceneId && !scenes.some((s) => s.id === options.sceneId)) {
      throw new AppError('VALIDATION_FAILED', `sceneId: "${options.sceneId}" is not a scene of the script`);
    }
    const received = await receiveOwnAudio(source, this.deps.tempDir, { allowRecording: options.recorded });
    const converted = join(this.deps.tempDir, `own-track-${randomUUID()}.wav`);
    try {
      const track = await prepareOwnTrack(received.file, converted, { trim: Boolean(options.sceneId) });
      const asset = await this.deps.assets.storeFile({
        ownerId: user.userId,
        projectId,
        kind: 'voice',
        file: track.file,
        mime: 'audio/wav',
        ext: 'wav',
        move: true,
        originalName: options.originalName,
        meta: {
          durationSec: track.durationSec,
          peaks: peaksFromSamples(track.samples, track.durationSec),
          uploadedAs: received.info.mime,
          recorded: options.recorded,
          ...(options.sceneId ? { sceneId: options.sceneId } : {}),
        },
      });
      const recording: OwnRecording = { assetId: asset.id, durationSec: Math.floor(track.durationSec * 1000) / 1000 };
      const mode = options.recorded ? 'record' : 'upload';
      if (!options.sceneId) return await this.saveWhole(user, projectId, state, scenes, recording, track.samples, mode);
      return await this.saveScene(user, projectId, state, options.sceneId, recording, mode);
    } finally {
      await rm(received.file, { force: true });
      await rm(converted, { force: true });
    }
  }

  private async saveWhole(
    user: AuthContext,
    projectId: string,
    state: Stage4State,
    scenes: ScriptScene[],
    recording: OwnRecording,
    samples: Float32Array,
    mode: 'upload' | 'record',
  ): Promise<Step> {
    const boundaries = boundariesFromAlignment(samples, scenes, recording.durationSec, state.language);
    const estimated = timeOwnAudio(samples, scenes, boundaries, recording.durationSec, state.language);
    const { timings, timingSource } = await this.heardTimings(user, recording.assetId, estimated);
    const audio: Stage4Audio = {
      ...timings,
      assetId: recording.assetId,
      source: 'own',
      narratedText: textsOf(scenes),
      timingSource,
      createdAt: new Date().toISOString(),
    };
    const own: Stage4Own = { scope: 'whole', whole: recording };
    const step = await this.deps.steps.merge(user, projectId, 4, { data: { mode, own, audio } });
    await removeReplacedNarration(this.deps.assets, user, state.audio, [recording.assetId]);
    if (state.own?.whole && state.own.whole.assetId !== recording.assetId) await this.removeAsset(user, state.own.whole.assetId);
    return step;
  }

  /**
   * Word times from the user's transcriber when one is configured (a scene takes them when at least
   * half its words were heard); else, or when it fails, the alignment of the script to the audio stands.
   */
  private async heardTimings(user: AuthContext, assetId: string, estimated: ReturnType<typeof timeOwnAudio>) {
    const { timingSource: aligned, ...timings } = estimated;
    const fallback = { timings, timingSource: aligned as Record<string, string> };
    const choice = await this.deps.transcribers?.forUser(user.userId);
    if (!choice?.transcriber) return fallback;
    let heard;
    try {
      const { path } = await this.deps.assets.fileOf(user.userId, assetId);
      const speech = join(this.deps.tempDir, `own-speech-${randomUUID()}.wav`);
      try {
        await writeSpeechAudio(path, speech);
        heard = await choice.transcriber.transcribe(speech, {});
      } finally {
        await rm(speech, { force: true });
      }
    } catch (error) {
      if (error instanceof TranscriptionError) return fallback;
      throw error;
    }
    const timingSource: Record<string, string> = {};
    const segments = estimated.segments.map((segment) => {
      const estimatedWords = segment.words ?? [];
      const { words, matched } = timingsFromTranscript(estimatedWords, heard.words, segment);
      const used = matched * 2 >= estimatedWords.length && matched > 0;
      timingSource[segment.sceneId] = used ? 'transcriber' : (aligned[segment.sceneId] ?? 'aligned');
      return used ? { ...segment, words } : segment;
    });
    return { timings: { ...timings, segments }, timingSource };
  }

  private async saveScene(user: AuthContext, projectId: string, state: Stage4State, sceneId: string, recording: OwnRecording, mode: 'upload' | 'record'): Promise<Step> {
    const replaced = state.own?.scope === 'scenes' ? state.own.scenes?.[sceneId] : undefined;
    // Merged per scene, so two scenes uploaded at once both land.
    let step = await this.deps.steps.merge(user, projectId, 4, { data: { own: { scope: 'scenes', scenes: { [sceneId]: recording } } } });
    if (replaced) await this.removeAsset(user, replaced.assetId);
    const now = readStage4([...(await this.deps.steps.list(user, projectId)).filter((s) => s.stepNumber !== 4), step]);
    const scenes = this.scenesOf(now);
    const recordings = now.own?.scenes ?? {};
    if (scenes.every((scene) => recordings[scene.id])) step = await this.joinScenes(user, projectId, now, scenes, recordings, mode);
    return step;
  }

  private async joinScenes(
    user: AuthContext,
    projectId: string,
    state: Stage4State,
    scenes: ScriptScene[],
    recordings: Record<string, OwnRecording>,
    mode: 'upload' | 'record',
  ): Promise<Step> {
    const files = await Promise.all(
      scenes.map(async (scene) => ({ sceneId: scene.id, file: (await this.deps.assets.fileOf(user.userId, recordings[scene.id]!.assetId)).path })),
    );
    const output = join(this.deps.tempDir, `own-joined-${randomUUID()}.wav`);
    try {
      const joined = await joinSceneRecordings(files, state.voice.pauseSec ?? DEFAULT_SCENE_PAUSE_SEC, output);
      const track = await this.deps.assets.storeFile({
        ownerId: user.userId,
        projectId,
        kind: 'narration',
        file: output,
        mime: 'audio/wav',
        ext: 'wav',
        move: true,
        meta: { durationSec: joined.durationSec, peaks: peaksFromSamples(joined.samples, joined.durationSec), loudness: joined.loudness, source: 'own' },
      });
      const estimated = timeOwnAudio(joined.samples, scenes, joined.boundaries, joined.durationSec, state.language);
      const { timings, timingSource } = await this.heardTimings(user, track.id, estimated);
      const audio: Stage4Audio = {
        ...timings,
        assetId: track.id,
        sceneAssetIds: Object.fromEntries(scenes.map((s) => [s.id, recordings[s.id]!.assetId])),
        source: 'own',
        narratedText: textsOf(scenes),
        timingSource,
        loudness: { integratedLufs: joined.loudness.integratedLufs, truePeakDbtp: joined.loudness.truePeakDbtp },
        createdAt: new Date().toISOString(),
      };
      // The whole-script recording, if there was one, is replaced by the scenes' recordings.
      const step = await this.deps.steps.merge(user, projectId, 4, { data: { mode, audio, own: { whole: null } } });
      await removeReplacedNarration(this.deps.assets, user, state.audio, [track.id]);
      if (state.own?.whole) await this.removeAsset(user, state.own.whole.assetId);
      return step;
    } finally {
      await rm(output, { force: true });
    }
  }

  /** New scene boundaries for one recording of the whole script; word times follow. */
  async setBoundaries(user: AuthContext, projectId: string, state: Stage4State, boundaries: SceneBoundary[]): Promise<Step> {
    const scenes = this.scenesOf(state);
    if (state.audio?.source !== 'own' || state.own?.scope !== 'whole' || !state.own.whole) {
      throw new AppError('CONFLICT', 'Scene boundaries can be moved only on one recording of the whole script');
    }
    const order = boundaries.map((b) => b.sceneId).join('\n');
    if (order !== scenes.map((s) => s.id).join('\n')) {
      throw new AppError('VALIDATION_FAILED', `boundaries: give one boundary per scene, in script order (${scenes.map((s) => s.id).join(', ')})`);
    }
    const { path } = await this.deps.assets.fileOf(user.userId, state.own.whole.assetId);
    const samples = await decodeToPcm(path);
    const timings = timeOwnAudio(samples, scenes, boundaries, state.own.whole.durationSec, state.language);
    return this.deps.steps.merge(user, projectId, 4, { data: { audio: { segments: timings.segments, narratedText: textsOf(scenes) } } });
  }

  private async removeAsset(user: AuthContext, id: string): Promise<void> {
    await this.deps.assets.remove(user, id).catch(() => {});
  }
}
