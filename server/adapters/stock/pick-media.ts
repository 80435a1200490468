import type { PexelsPhoto, PexelsVideoFile } from './pexels-schemas.ts';

export interface Frame {
  width: number;
  height: number;
}

/** How much a picture of this size must be enlarged to cover the frame (1 or less: no enlargement). */
export function coverScale(width: number, height: number, frame: Frame): number {
  if (width <= 0 || height <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(frame.width / width, frame.height / height);
}

/** Slight enlargement is invisible after encoding; it saves downloading a much bigger file. */
const ACCEPTABLE_UPSCALE = 1.1;

/**
 * Pexels' `large2x` is the photo fitted into 1880x1300 (940x650 at twice the density). It is used
 * when it covers the frame; otherwise the `original`, which can be many megapixels.
 */
export function pickPhotoUrl(photo: PexelsPhoto, frame: Frame): { url: string; width: number; height: number } {
  const fit = Math.min(1880 / photo.width, 1300 / photo.height, 1);
  const large = { width: Math.round(photo.width * fit), height: Math.round(photo.height * fit) };
  if (photo.src.large2x && coverScale(large.width, large.height, frame) <= ACCEPTABLE_UPSCALE) {
    return { url: photo.src.large2x, ...large };
  }
  return { url: photo.src.original, width: photo.width, height: photo.height };
}

/**
 * The smallest MP4 rendition that covers the frame (no 4K download for a 1080p video), else the
 * largest there is. Files without known dimensions are used only when nothing else is offered.
 */
export function pickVideoFile(files: readonly PexelsVideoFile[], frame: Frame): PexelsVideoFile | null {
  const mp4 = files.filter((file) => !file.file_type || file.file_type.toLowerCase() === 'video/mp4');
  const sized = mp4.filter((file) => (file.width ?? 0) > 0 && (file.height ?? 0) > 0);
  if (sized.length === 0) return mp4[0] ?? null;
  const pixels = (file: PexelsVideoFile) => file.width! * file.height!;
  const covering = sized.filter((file) => coverScale(file.width!, file.height!, frame) <= ACCEPTABLE_UPSCALE);
  if (covering.length > 0) return covering.reduce((best, file) => (pixels(file) < pixels(best) ? file : best));
  return sized.reduce((best, file) => (pixels(file) > pixels(best) ? file : best));
}
