import type { Language } from '../../../contracts/formats.ts';
import type { Step } from '../../../contracts/steps.ts';
import {
  stage4AudioSchema,
  stage4OwnSchema,
  stage4ScriptSchema,
  type Stage4Audio,
  type Stage4Own,
  type Stage4Script,
} from '../../../contracts/voice-api.ts';
import { voiceSettingsSchema, type VoiceSettings } from '../../../contracts/voice.ts';
import { defaultOfflineVoice } from '../../adapters/tts/default-voice.ts';

export interface ScriptScene {
  id: string;
  text: string;
}

/** What stage 4 works from, read from the project's steps (1 for the language, 3 and 4). */
export interface Stage4State {
  language: Language;
  /** Step 3's final script as it is now, with the step's version. */
  finalScript: { version: number; scenes: ScriptScene[] } | null;
  step: Step | undefined;
  /** Stage 4's own copy of the script, when it has one. */
  script: Stage4Script | null;
  /** True when step 3 changed after stage 4 copied its script. */
  scriptStale: boolean;
  voice: VoiceSettings;
  audio: Stage4Audio | null;
  own: Stage4Own | null;
}

export const defaultVoice = (language: Language): VoiceSettings => defaultOfflineVoice(language);

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

function scenesOf(value: unknown): ScriptScene[] | null {
  const scenes = record(value).scenes;
  if (!Array.isArray(scenes)) return null;
  return scenes
    .map((scene) => record(scene))
    .filter((scene) => typeof scene.id === 'string' && typeof scene.text === 'string')
    .map((scene) => ({ id: scene.id as string, text: scene.text as string }));
}

function languageOf(step1: Step | undefined, scenes: ScriptScene[]): Language {
  const chosen = record(step1?.data).language;
  if (chosen === 'en' || chosen === 'ru') return chosen;
  return scenes.some((scene) => /[а-яё]/i.test(scene.text)) ? 'ru' : 'en';
}

export function readStage4(steps: Step[]): Stage4State {
  const byNumber = (n: number) => steps.find((s) => s.stepNumber === n);
  const step3 = byNumber(3);
  const step = byNumber(4);
  const data = record(step?.data);
  const finalScenes = scenesOf(record(step3?.data).finalScript);
  const script = stage4ScriptSchema.safeParse(data.script);
  const copy = script.success ? script.data : null;
  const language = languageOf(byNumber(1), copy?.scenes ?? finalScenes ?? []);
  const voice = voiceSettingsSchema.safeParse(data.voice);
  const audio = stage4AudioSchema.safeParse(data.audio);
  const own = stage4OwnSchema.safeParse(data.own);
  return {
    language,
    finalScript: step3 && finalScenes ? { version: step3.version, scenes: finalScenes } : null,
    step,
    script: copy,
    scriptStale: Boolean(copy && step?.staleSources.includes(3)),
    voice: voice.success ? voice.data : defaultVoice(language),
    audio: audio.success ? audio.data : null,
    own: own.success ? own.data : null,
  };
}

/** The scenes to voice: stage 4's copy of the script, edited or not. */
export function scenesToVoice(state: Stage4State): ScriptScene[] {
  return (state.script?.scenes ?? []).map(({ id, text }) => ({ id, text }));
}

export const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);
