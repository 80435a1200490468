import { rename, rm } from 'node:fs/promises';
import { MEDIA_SOURCE_LIMITS } from '../../../contracts/media-sources.ts';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { safeDownload } from '../../adapters/http/safe-download.ts';
import { describeVideoPage } from '../../adapters/video-pages/yt-dlp.ts';
import { isVideoPlatformPage } from './platform-urls.ts';

export interface FetchMediaOptions {
  allowPrivateHosts: readonly string[];
  ytDlpPath?: string;
  signal?: AbortSignal;
  onProgress(fraction: number, step: string): void;
}

const MEDIA_TYPES = ['video/*', 'audio/*', 'application/ogg', 'application/octet-stream', 'binary/octet-stream'];

/**
 * Brings a source URL's media into `file`: a platform page through yt-dlp, any other URL as a
 * media file, and a page that turns out to be HTML through yt-dlp's generic reader (a <video>).
 * Every file is downloaded by the safe downloader; nothing half-written is left at `file`.
 */
export async function fetchMedia(url: string, file: string, options: FetchMediaOptions): Promise<{ title: string | null; downloadedFrom: string }> {
  const limits = { timeoutMs: MEDIA_SOURCE_LIMITS.downloadTimeoutMs, maxBytes: MEDIA_SOURCE_LIMITS.maxBytes, allowPrivateHosts: options.allowPrivateHosts, signal: options.signal };
  if (!isVideoPlatformPage(url)) {
    options.onProgress(0, 'downloading');
    const direct = await safeDownload(url, file, {
      ...limits,
      allowedContentTypes: MEDIA_TYPES,
      acceptsPage: true,
      onProgress: (bytes, total) => options.onProgress(total ? bytes / total : 0, 'downloading'),
    });
    if (!direct.page) return { title: null, downloadedFrom: direct.url };
  }
  options.onProgress(0, 'reading the page');
  const page = await describeVideoPage(url, { ...limits, binary: options.ytDlpPath, maxDurationSec: MEDIA_SOURCE_LIMITS.maxDurationSec });
  const parts = page.parts.map((_, i) => `${file}.stream${i}`);
  try {
    for (const [i, part] of page.parts.entries()) {
      await safeDownload(part.url, parts[i]!, {
        ...limits,
        allowedContentTypes: MEDIA_TYPES,
        headers: part.headers,
        onProgress: (bytes, total) => options.onProgress((i + (total ? bytes / total : 0)) / page.parts.length, 'downloading'),
      });
    }
    if (parts.length === 1) await rename(parts[0]!, file);
    else {
      // Separate video and audio (Instagram, YouTube) are joined without re-encoding.
      await runFfmpeg(['-y', '-i', parts[0]!, '-i', parts[1]!, '-map', '0:v:0', '-map', '1:a:0', '-c', 'copy', '-f', 'mp4', `${file}.joined`], { signal: options.signal });
      await rename(`${file}.joined`, file);
    }
    return { title: page.title, downloadedFrom: url };
  } finally {
    await Promise.all([...parts, `${file}.joined`].map((p) => rm(p, { force: true })));
  }
}
