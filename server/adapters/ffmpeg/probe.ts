import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffmpegBinary } from './binary.ts';

const execFileAsync = promisify(execFile);

export interface MediaStream {
  index: number;
  codecType: 'video' | 'audio' | 'subtitle' | 'data' | string;
  codecName: string;
  width?: number;
  height?: number;
  fps?: number;
  sampleRate?: number;
  channels?: number;
  pixFmt?: string;
}

export interface MediaInfo {
  durationSec: number;
  formatName: string;
  streams: MediaStream[];
}

function parseRate(rate: string | undefined): number | undefined {
  if (!rate) return undefined;
  const [num, den] = rate.split('/').map(Number);
  if (!num || !den) return undefined;
  return num / den;
}

interface FfprobeJson {
  format?: { duration?: string; format_name?: string };
  streams?: Array<Record<string, string | number | undefined>>;
}

/** Describes a media file with ffprobe; throws when the file is not readable media. */
export async function probeMedia(file: string): Promise<MediaInfo> {
  const { ffprobe, ffmpeg } = await ffmpegBinary();
  if (!ffprobe) return probeWithFfmpeg(ffmpeg, file);
  const { stdout } = await execFileAsync(
    ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
    { maxBuffer: 8 * 1024 * 1024 },
  );
  const json = JSON.parse(stdout) as FfprobeJson;
  const streams = (json.streams ?? []).map((s) => ({
    index: Number(s.index),
    codecType: String(s.codec_type),
    codecName: String(s.codec_name),
    width: s.width === undefined ? undefined : Number(s.width),
    height: s.height === undefined ? undefined : Number(s.height),
    fps: parseRate(s.avg_frame_rate as string | undefined) ?? parseRate(s.r_frame_rate as string | undefined),
    sampleRate: s.sample_rate === undefined ? undefined : Number(s.sample_rate),
    channels: s.channels === undefined ? undefined : Number(s.channels),
    pixFmt: s.pix_fmt === undefined ? undefined : String(s.pix_fmt),
  }));
  return { durationSec: Number(json.format?.duration ?? 0), formatName: String(json.format?.format_name ?? ''), streams };
}

/** Fallback for builds without ffprobe: parse `ffmpeg -i` output (duration and stream kinds). */
async function probeWithFfmpeg(ffmpeg: string, file: string): Promise<MediaInfo> {
  const stderr: string = await execFileAsync(ffmpeg, ['-hide_banner', '-i', file]).then(
    (r) => r.stderr,
    (error: { stderr?: string }) => error.stderr ?? '',
  );
  const duration = /Duration: (\d+):(\d+):([\d.]+)/.exec(stderr);
  if (!duration) throw new Error(`not a media file: ${file}`);
  const durationSec = Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]);
  const streams: MediaStream[] = [];
  for (const match of stderr.matchAll(/Stream #0:(\d+)[^:]*: (Video|Audio): (\w+)([^\n]*)/g)) {
    const rest = match[4] ?? '';
    const size = /, (\d{2,5})x(\d{2,5})/.exec(rest);
    const rate = /(\d+) Hz/.exec(rest);
    const fps = /([\d.]+) fps/.exec(rest);
    streams.push({
      index: Number(match[1]),
      codecType: match[2] === 'Video' ? 'video' : 'audio',
      codecName: match[3] ?? '',
      width: size ? Number(size[1]) : undefined,
      height: size ? Number(size[2]) : undefined,
      sampleRate: rate ? Number(rate[1]) : undefined,
      fps: fps ? Number(fps[1]) : undefined,
    });
  }
  const formatName = /Input #0, ([^,]+)/.exec(stderr)?.[1] ?? '';
  return { durationSec, formatName, streams };
}
