import { spawn } from 'node:child_process';
import { findTool } from '../find-executable.ts';
import { parseTargetUrl, resolveTarget, systemResolver, type Resolver } from '../http/resolve-target.ts';

/** One file to download for the page's video: a combined file, or separate video and audio. */
export interface VideoPagePart {
  url: string;
  headers: Record<string, string>;
}

export interface VideoPage {
  title: string | null;
  durationSec: number | null;
  parts: VideoPagePart[];
}

export class VideoPageError extends Error {
  constructor(
    readonly reason: 'NO_TOOL' | 'UNREADABLE' | 'TOO_LONG' | 'TIMEOUT' | 'ABORTED',
    message: string,
  ) {
    super(message);
    this.name = 'VideoPageError';
  }
}

export interface VideoPageOptions {
  /** YTDLP_PATH from the config; else yt-dlp on PATH. */
  binary?: string;
  /** "host:port" entries a test server may use (FETCH_ALLOW_PRIVATE_HOSTS); empty in production. */
  allowPrivateHosts: readonly string[];
  resolve?: Resolver;
  timeoutMs: number;
  maxBytes: number;
  maxDurationSec: number;
  signal?: AbortSignal;
}

export const findYtDlp = (explicit?: string) => findTool(explicit, ['yt-dlp']);

/**
 * Plain HTTP(S) formats only (no HLS/DASH fragments), so each file is then fetched by the app's
 * safe downloader, never by yt-dlp: a combined file when there is one, else video and audio.
 */
const FORMAT = (maxMb: number) =>
  [`bv*[protocol^=http][filesize<?${maxMb}M]+ba[protocol^=http][filesize<?${maxMb}M]`, `b[protocol^=http][filesize<?${maxMb}M]`, `ba[protocol^=http][filesize<?${maxMb}M]`].join('/');

/**
 * Reads a video page (Instagram, TikTok, YouTube Shorts, VK, or any page with a <video>) with
 * yt-dlp and returns the media files to download. The page URL is checked with the safe-fetch
 * rules before yt-dlp sees it; yt-dlp runs without config files, cache or playlists, and only
 * describes the page (-J): the media files themselves are downloaded by the caller through the
 * safe downloader, which checks every address again.
 */
export async function describeVideoPage(rawUrl: string, options: VideoPageOptions): Promise<VideoPage> {
  const binary = findYtDlp(options.binary);
  if (!binary) {
    throw new VideoPageError('NO_TOOL', 'yt-dlp is not installed on this server, so video platform pages cannot be read; upload the video file instead, or ask the operator to install yt-dlp');
  }
  const url = parseTargetUrl(rawUrl);
  await resolveTarget(url, options.resolve ?? systemResolver, new Set(options.allowPrivateHosts.map((h) => h.toLowerCase())));
  const args = [
    '--ignore-config', '--no-playlist', '--no-cache-dir', '--no-warnings', '--no-progress',
    '--socket-timeout', '20', '--max-filesize', `${Math.floor(options.maxBytes / 1024 / 1024)}M`,
    '-f', FORMAT(Math.floor(options.maxBytes / 1024 / 1024)), '-J', '--', url.href,
  ];
  const json = await runForJson(binary, args, options);
  return readInfo(json, options.maxDurationSec);
}

interface FormatInfo {
  url?: string;
  http_headers?: Record<string, string>;
}

interface YtDlpInfo extends FormatInfo {
  title?: string;
  duration?: number;
  requested_formats?: FormatInfo[];
}

export function readInfo(raw: string, maxDurationSec: number): VideoPage {
  let info: YtDlpInfo;
  try {
    info = JSON.parse(raw) as YtDlpInfo;
  } catch {
    throw new VideoPageError('UNREADABLE', 'yt-dlp did not describe the page');
  }
  const formats = info.requested_formats?.length ? info.requested_formats : [info];
  const parts = formats.filter((f): f is FormatInfo & { url: string } => typeof f.url === 'string').map((f) => ({ url: f.url, headers: f.http_headers ?? {} }));
  if (parts.length === 0) throw new VideoPageError('UNREADABLE', 'The page offers no video that can be downloaded as a file');
  const durationSec = typeof info.duration === 'number' ? info.duration : null;
  if (durationSec !== null && durationSec > maxDurationSec) {
    throw new VideoPageError('TOO_LONG', `The video lasts ${Math.round(durationSec)} s; a source may last at most ${maxDurationSec / 60} minutes`);
  }
  const title = typeof info.title === 'string' ? info.title.replace(/ \(\d+\)$/, '').slice(0, 300) : null;
  return { title, durationSec, parts };
}

function runForJson(binary: string, args: string[], options: VideoPageOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new VideoPageError('ABORTED', 'Reading the page was cancelled'));
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let ended: VideoPageError | null = null;
    const stop = (error: VideoPageError) => {
      ended = error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(new VideoPageError('TIMEOUT', `yt-dlp did not read the page within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    const onAbort = () => stop(new VideoPageError('ABORTED', 'Reading the page was cancelled'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.length > 20 * 1024 * 1024) stop(new VideoPageError('UNREADABLE', 'yt-dlp described the page at unreasonable length'));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', (error) => reject(new VideoPageError('NO_TOOL', `yt-dlp could not be started: ${error.message}`)));
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (ended) return reject(ended);
      if (code === 0) return resolve(stdout);
      // yt-dlp's own last error line says what the page lacks ("Unsupported URL", "Video unavailable").
      // An HTTP reason phrase is the page's own text: only the status number is kept.
      const line = /ERROR: (.*)/.exec(stderr)?.[1];
      const reason = line ? line.replace(/HTTP Error (\d+):.*/, 'HTTP Error $1').replace(/https?:\/\/\S+/g, '').slice(0, 200) : `exit code ${code}`;
      reject(new VideoPageError('UNREADABLE', `yt-dlp could not read the page: ${reason}`));
    });
  });
}
