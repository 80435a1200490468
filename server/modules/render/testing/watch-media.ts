import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { probeMedia } from '../../../adapters/ffmpeg/probe.ts';

export interface SeenVideo {
  path: string;
  /** Whether ffprobe read it as a complete MP4 the moment it was first seen. */
  complete: boolean;
  durationSec: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Polls a media directory and probes every .mp4 the moment it appears, to prove that no partial
 * video is ever visible under a video's name.
 */
export function watchForVideos(dir: string, intervalMs = 25) {
  const seen = new Map<string, SeenVideo>();
  const scan = async () => {
    for (const path of await filesUnder(dir)) {
      if (!path.endsWith('.mp4') || seen.has(path)) continue;
      seen.set(path, { path, complete: false, durationSec: 0 });
      const info = await probeMedia(path).catch(() => null);
      const ok = Boolean(info && info.durationSec > 0 && info.streams.some((s) => s.codecType === 'video'));
      seen.set(path, { path, complete: ok, durationSec: info?.durationSec ?? 0 });
    }
  };
  let running = true;
  const loop = (async () => {
    while (running) {
      await scan();
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    /** Stops polling after one last look, so a video that appeared since the previous poll is seen too. */
    async stop(): Promise<SeenVideo[]> {
      running = false;
      await loop;
      await scan();
      return [...seen.values()];
    },
  };
}
