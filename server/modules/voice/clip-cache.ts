import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { wordTimingSchema, type WordTiming } from '../../../contracts/step-data.ts';
import { writeFileAtomic } from '../../adapters/ffmpeg/audio.ts';

/** Trimmed speech at the track sample rate with word times relative to its first sample. */
export interface Clip {
  samples: Float32Array;
  sampleRate: number;
  words: WordTiming[];
  /** How the word times were found. */
  timingSource?: 'alignment' | 'phrases' | 'estimate';
}

/** Bump when trimming, phrasing or timing rules change, so older cached clips are not reused. */
const CACHE_FORMAT = 1;

const metaSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  sampleRate: z.number().int().positive(),
  sampleCount: z.number().int().min(0),
  words: z.array(wordTimingSchema),
  timingSource: z.enum(['alignment', 'phrases', 'estimate']).optional(),
});

/** A stable hash of everything that changes a clip's audio. */
export function clipKey(parts: Record<string, string | number | boolean | undefined>): string {
  const stable = Object.keys(parts)
    .sort()
    .map((key) => [key, parts[key] ?? null]);
  return createHash('sha256').update(JSON.stringify([CACHE_FORMAT, stable])).digest('hex').slice(0, 40);
}

/**
 * Synthesised clips on disk: `<key>.pcm` (float32 little-endian) and `<key>.json`. The JSON is
 * written last, so a clip counts as cached only once both files are complete.
 */
export class ClipCache {
  constructor(readonly dir: string) {}

  async get(key: string): Promise<Clip | null> {
    try {
      const meta = metaSchema.parse(JSON.parse(await readFile(join(this.dir, `${key}.json`), 'utf8')));
      const bytes = await readFile(join(this.dir, `${key}.pcm`));
      if (bytes.length !== meta.sampleCount * 4) return null;
      const samples = new Float32Array(meta.sampleCount);
      new Uint8Array(samples.buffer).set(bytes);
      const now = new Date();
      // Marks the clip as used, for prune().
      await utimes(join(this.dir, `${key}.json`), now, now).catch(() => undefined);
      return { samples, sampleRate: meta.sampleRate, words: meta.words, timingSource: meta.timingSource };
    } catch {
      return null;
    }
  }

  async put(key: string, clip: Clip): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(join(this.dir, `${key}.pcm`), new Uint8Array(clip.samples.buffer, clip.samples.byteOffset, clip.samples.byteLength));
    const meta: z.infer<typeof metaSchema> = {
      format: CACHE_FORMAT,
      sampleRate: clip.sampleRate,
      sampleCount: clip.samples.length,
      words: clip.words,
      timingSource: clip.timingSource,
    };
    await writeFileAtomic(join(this.dir, `${key}.json`), Buffer.from(JSON.stringify(meta)));
  }
}

/** Removes clips not used for `maxAgeMs`; returns how many were removed. */
export async function pruneClipCache(dir: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const key = name.slice(0, -'.json'.length);
    const { mtimeMs } = await stat(join(dir, name)).catch(() => ({ mtimeMs: now }));
    if (now - mtimeMs < maxAgeMs) continue;
    await rm(join(dir, name), { force: true });
    await rm(join(dir, `${key}.pcm`), { force: true });
    removed++;
  }
  return removed;
}
