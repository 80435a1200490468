import { z } from 'zod';

/** Moods of the music generated under the narration (server/modules/music). */
export const MUSIC_MOODS = ['calm', 'upbeat', 'serious', 'tense'] as const;
export const musicMoodSchema = z.enum(MUSIC_MOODS);
export type MusicMood = z.infer<typeof musicMoodSchema>;

/**
 * What the author chose for music in stage 6: 'auto' (the default: a mood chosen from the script's
 * format and tone), a mood, or 'off'. An uploaded track (assetId) wins over the mood.
 */
export const MUSIC_CHOICES = ['auto', 'off', ...MUSIC_MOODS] as const;
export const musicChoiceSchema = z.enum(MUSIC_CHOICES);
export type MusicChoice = z.infer<typeof musicChoiceSchema>;

/** Linear gain of the music under the voice when the author did not set one (about -14 dB). */
export const DEFAULT_MUSIC_VOLUME = 0.2;
