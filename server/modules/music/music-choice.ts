import type { FormatId } from '../../../contracts/formats.ts';
import { DEFAULT_MUSIC_VOLUME, type MusicChoice, type MusicMood } from '../../../contracts/music.ts';
import { chooseMood } from './choose-mood.ts';

/** Step 6's `music` as stored (every field optional; null from older projects means none). */
export interface StoredMusic {
  mood?: MusicChoice;
  assetId?: string;
  volume?: number;
  duck?: boolean;
}

export type ResolvedMusic =
  | { kind: 'off'; choice: 'off' }
  | { kind: 'track'; choice: MusicChoice; assetId: string; volume: number; duck: boolean }
  | { kind: 'generated'; choice: MusicChoice; mood: MusicMood; volume: number; duck: boolean };

/**
 * What plays under the voice: the author's uploaded track, else music generated in the mood they
 * picked, else (the default, 'auto') in the mood that fits the script's format and tone; nothing
 * when they turned it off.
 */
export function resolveMusic(stored: StoredMusic | null | undefined, format: FormatId | undefined, scriptText: string): ResolvedMusic {
  if (stored === null) return { kind: 'off', choice: 'off' };
  const choice = stored?.mood ?? 'auto';
  const volume = stored?.volume ?? DEFAULT_MUSIC_VOLUME;
  const duck = stored?.duck ?? true;
  if (stored?.assetId) return { kind: 'track', choice, assetId: stored.assetId, volume, duck };
  if (choice === 'off') return { kind: 'off', choice };
  const mood = choice === 'auto' ? chooseMood(format, scriptText) : choice;
  return { kind: 'generated', choice, mood, volume, duck };
}

/** A stable seed per project: every render of one project gets the same music. */
export function musicSeed(projectId: string): number {
  let hash = 2166136261;
  for (const char of projectId) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}
