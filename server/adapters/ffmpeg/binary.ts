import { execFile } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { findOnPath, isExecutable } from '../find-executable.ts';

const execFileAsync = promisify(execFile);

export interface FfmpegBinary {
  ffmpeg: string;
  ffprobe: string | null;
  source: 'env' | 'system' | 'npm';
  version: string;
  filters: Set<string>;
  encoders: Set<string>;
  /** xfade arrived in ffmpeg 4.3; the npm-shipped build is older. */
  hasXfade: boolean;
  hasAss: boolean;
  hasLoudnorm: boolean;
}

function npmShippedFfmpeg(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const installer = require('@ffmpeg-installer/ffmpeg') as { path: string };
    // npm may skip the package's own chmod postinstall, so make it executable here.
    if (!isExecutable(installer.path)) chmodSync(installer.path, 0o755);
    return installer.path;
  } catch {
    return null;
  }
}

async function listNames(ffmpeg: string, flag: '-filters' | '-encoders'): Promise<Set<string>> {
  const { stdout } = await execFileAsync(ffmpeg, ['-hide_banner', flag], { maxBuffer: 4 * 1024 * 1024 });
  const names = new Set<string>();
  for (const line of stdout.split('\n')) {
    const match = /^\s*[A-Z.|]{2,7}\s+(\S+)\s/.exec(line);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

async function describe(ffmpeg: string, ffprobe: string | null, source: FfmpegBinary['source']): Promise<FfmpegBinary> {
  const { stdout } = await execFileAsync(ffmpeg, ['-hide_banner', '-version']);
  const version = /ffmpeg version (\S+)/.exec(stdout)?.[1] ?? 'unknown';
  const [filters, encoders] = await Promise.all([listNames(ffmpeg, '-filters'), listNames(ffmpeg, '-encoders')]);
  return {
    ffmpeg,
    ffprobe,
    source,
    version,
    filters,
    encoders,
    hasXfade: filters.has('xfade'),
    hasAss: filters.has('ass') || filters.has('subtitles'),
    hasLoudnorm: filters.has('loudnorm'),
  };
}

let cached: Promise<FfmpegBinary> | null = null;

/**
 * The ffmpeg this process uses: FFMPEG_PATH when set, else the system binary, else the
 * npm-shipped one. ffprobe may be missing with the npm build; probe.ts falls back to ffmpeg.
 */
export function ffmpegBinary(): Promise<FfmpegBinary> {
  cached ??= (async () => {
    if (process.env.FFMPEG_PATH) {
      return describe(process.env.FFMPEG_PATH, process.env.FFPROBE_PATH ?? findOnPath('ffprobe'), 'env');
    }
    const system = findOnPath('ffmpeg');
    if (system) return describe(system, findOnPath('ffprobe'), 'system');
    const shipped = npmShippedFfmpeg();
    if (shipped) return describe(shipped, null, 'npm');
    throw new Error('No ffmpeg found: install ffmpeg (apt-get install ffmpeg) or keep @ffmpeg-installer/ffmpeg installed');
  })();
  return cached;
}
