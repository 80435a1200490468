import { accessSync, constants } from 'node:fs';
import type { TtsVoice } from '../../../../contracts/voice.ts';

/** Debian's festival voices (festvox-us-slt-hts, festvox-ru): more natural than espeak-ng, offline too. */
export interface FestivalVoice extends Omit<TtsVoice, 'provider'> {
  /** The Scheme function that selects the voice. */
  select: string;
  /** Where Debian installs it: the voice is offered only when this directory exists. */
  dir: string;
  /** Tempo at speed 1, so every default voice speaks at about SPEAKING_RATE_WPS (contracts/format-values.ts). */
  baseTempo: number;
}

export const FESTIVAL_VOICES: readonly FestivalVoice[] = [
  {
    id: 'cmu_us_slt_arctic_hts',
    name: 'English (US), female, natural (festival HTS)',
    language: 'en',
    gender: 'female',
    select: 'voice_cmu_us_slt_arctic_hts',
    dir: '/usr/share/festival/voices/us/cmu_us_slt_arctic_hts',
    // 2.72 words per second as it is, like espeak-ng's 2.71.
    baseTempo: 1,
  },
  {
    id: 'msu_ru_nsh_clunits',
    name: 'Russian, male, natural (festival)',
    language: 'ru',
    gender: 'male',
    select: 'voice_msu_ru_nsh_clunits',
    dir: '/usr/share/festival/voices/russian/msu_ru_nsh_clunits',
    // 1.82 words per second as it is: far slower than a narrator (espeak-ng says 2.42).
    baseTempo: 1.3,
  },
];

function accessible(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** FESTIVAL_PATH when set, else festival on PATH, else null. */
export function findFestivalBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.FESTIVAL_PATH ? [env.FESTIVAL_PATH] : (env.PATH ?? '').split(':').filter(Boolean).map((dir) => `${dir}/festival`);
  return candidates.find((file) => accessible(file, constants.X_OK)) ?? null;
}

/** The festival voices installed on this machine (none without the festival binary). */
export function installedFestivalVoices(env: NodeJS.ProcessEnv = process.env): FestivalVoice[] {
  if (!findFestivalBinary(env)) return [];
  return FESTIVAL_VOICES.filter((voice) => accessible(voice.dir, constants.R_OK));
}
