import { fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import { UPLOAD_KINDS, type UploadKind } from '../../../contracts/assets.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Pictures and video frames above this many pixels are refused before anything decodes them
 * (a 1080x1920 frame is 2 MP, an 8K frame 33 MP; a 64 MP picture cost 70 MB and seconds per preview).
 */
export const MAX_PIXELS = 40_000_000;

function assertPixels(media: 'image' | 'video', width = 0, height = 0): void {
  if (width * height <= MAX_PIXELS) return;
  const unit = media === 'image' ? 'an image' : 'a video frame';
  throw new AppError(
    'PAYLOAD_TOO_LARGE',
    `The ${media} is ${width}x${height} (${((width * height) / 1e6).toFixed(1)} megapixels); ${unit} may have at most ${MAX_PIXELS / 1e6} megapixels`,
    { field: 'file', maxPixels: MAX_PIXELS },
  );
}

export interface InspectedUpload {
  ext: string;
  mime: string;
  meta: Record<string, unknown>;
}

const unsupported = (kind: UploadKind, found: string) =>
  new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `This file is ${found}; a ${kind} upload must be one of: ${UPLOAD_KINDS[kind].formats.join(', ')}`,
    { field: 'file' },
  );

/** Checks what a file really is (from its bytes) and reads what the app needs to know about it. */
export async function inspectUpload(file: string, kind: UploadKind): Promise<InspectedUpload> {
  const spec = UPLOAD_KINDS[kind];
  const type = await fileTypeFromFile(file);
  if (!type) throw unsupported(kind, 'not a recognised media file');
  if (!(spec.formats as readonly string[]).includes(type.ext)) throw unsupported(kind, `${type.mime}`);

  if (spec.media === 'image') {
    // metadata() reads the header only; nothing is decoded here.
    const metadata = await sharp(file, { limitInputPixels: false })
      .metadata()
      .catch((error: Error) => {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The image cannot be read: ${error.message}`, { field: 'file' });
      });
    assertPixels('image', metadata.width, metadata.height);
    return { ext: type.ext, mime: type.mime, meta: { width: metadata.width, height: metadata.height, frames: metadata.pages ?? 1 } };
  }

  const info = await probeMedia(file).catch(() => {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file cannot be decoded as audio or video', { field: 'file' });
  });
  const audio = info.streams.find((s) => s.codecType === 'audio');
  const video = info.streams.find((s) => s.codecType === 'video' && s.codecName !== 'mjpeg' && s.codecName !== 'png');
  if (spec.media !== 'video' && !audio) throw unsupported(kind, 'a file without an audio track');
  if (spec.media === 'video' && !video) throw unsupported(kind, 'a file without a video track');
  if (video) assertPixels('video', video.width, video.height);
  if (!(info.durationSec > 0)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The media has no measurable duration', { field: 'file' });
  const maxDurationSec = 'maxDurationSec' in spec ? spec.maxDurationSec : Infinity;
  if (info.durationSec > maxDurationSec) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The media lasts ${Math.round(info.durationSec)} s; a ${kind} file may last at most ${maxDurationSec / 60} minutes`, { field: 'file', maxDurationSec });
  }
  const mime = spec.media === 'audio' && type.mime.startsWith('video/') ? type.mime.replace('video/', 'audio/') : type.mime;
  return {
    ext: type.ext,
    mime,
    meta: {
      durationSec: info.durationSec,
      ...(video ? { width: video.width, height: video.height, fps: video.fps, hasAudio: Boolean(audio) } : {}),
      ...(audio ? { sampleRate: audio.sampleRate, channels: audio.channels } : {}),
    },
  };
}
