import type { Asset } from '../../../contracts/assets.ts';

/** A picture of the article as stage 2 lists it (extraction may add alt, caption, credit, position). */
export interface ArticleImageEntry {
  url: string;
  alt?: string;
  caption?: string;
  credit?: string;
  /** Where in the article it stands, 0 (top) .. 1 (end). */
  position?: number;
}

/** Pictures below this on their short side look soft on a 1080-pixel frame. */
export const MIN_PICTURE_SIDE = 600;
export const MAX_ARTICLE_PICTURES = 12;

/** Site furniture, not pictures of the story: logos, icons, avatars, tracking pixels, sprites, vector art. */
const NOT_A_PICTURE = /(logo|icon|favicon|avatar|gravatar|userpic|\/authors?[-_/]|headshot|profile[-_]?(pic|photo)|sprite|pixel|tracking|beacon|spacer|blank|badge|emoji|button|banner[-_]?ad|\/ads?\/|doubleclick|1x1|placeholder)|\.(svg|ico)(\?|$)/i;

/** The same picture at another size or with another query string ("photo-1200x800.jpg?w=300"). */
function pictureKey(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname.replace(/[-_@](\d{2,4}x\d{2,4}|\d{2,4}w|\dx)(?=\.\w+$)/i, '')}`.toLowerCase();
  } catch {
    return url;
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);

/** Stage 2's images in order (lead image first), without furniture and duplicates, at most MAX_ARTICLE_PICTURES. */
export function candidatePictures(images: unknown): ArticleImageEntry[] {
  if (!Array.isArray(images)) return [];
  const seen = new Set<string>();
  const result: ArticleImageEntry[] = [];
  images.forEach((entry: unknown, index) => {
    const item = (typeof entry === 'string' ? { url: entry } : entry) as Record<string, unknown> | null;
    const url = text(item?.url);
    if (!url || !/^https?:\/\//i.test(url) || NOT_A_PICTURE.test(url)) return;
    const key = pictureKey(url);
    if (seen.has(key) || result.length >= MAX_ARTICLE_PICTURES) return;
    seen.add(key);
    const position = typeof item?.position === 'number' && Number.isFinite(item.position) ? Math.min(1, Math.max(0, item.position)) : index / Math.max(1, images.length);
    result.push({ url, alt: text(item?.alt), caption: text(item?.caption), credit: text(item?.credit), position });
  });
  return result;
}

/** Why a downloaded picture is not used, or null when it is. */
export function pictureProblem(meta: Record<string, unknown>): string | null {
  const width = Number(meta.width ?? 0);
  const height = Number(meta.height ?? 0);
  if (Math.min(width, height) < MIN_PICTURE_SIDE) return `smaller than ${MIN_PICTURE_SIDE} px on its short side (${width}x${height})`;
  if (Number(meta.frames ?? 1) > 1) return 'an animation';
  return null;
}

/** The project's article pictures that are fit to show, in article order, one per distinct file. */
export function usablePictures(assets: Asset[]): Asset[] {
  const seen = new Set<string>();
  return assets
    .filter((asset) => asset.meta.usable !== false && pictureProblem(asset.meta) === null)
    .sort((a, b) => Number(a.meta.position ?? 0) - Number(b.meta.position ?? 0))
    .filter((asset) => {
      const key = String(asset.meta.sha256 ?? asset.id);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
