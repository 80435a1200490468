import type { ApplySourceBody, Article } from '../../../../contracts/sources.ts';
import { FORMATS, type FormatId, isFormatId, isLanguage, type Language, MAX_TARGET_SEC, MIN_TARGET_SEC } from '../../lib/formats.ts';

/** The source kinds the screen offers; an uploaded file is stored as a "text" source with its file name. */
export const SOURCE_KINDS = ['idea', 'text', 'url', 'file', 'media', 'news'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface PickedNewsItem {
  id: string;
  title: string;
  language: Language | null;
}

/** A video or audio source: the stored file; its transcript (or a pasted one) is the draft's `text`. */
export interface PickedMedia {
  assetId: string;
  title: string | null;
}

export interface SourceDraft {
  kind: SourceKind;
  idea: string;
  text: string;
  url: string;
  /** The article imported from the URL or the file, shown as a preview and sent along. */
  imported: Article | null;
  fileName: string | null;
  news: PickedNewsItem | null;
  media: PickedMedia | null;
  format: FormatId;
  targetDurationSec: number;
  /** Null: use the language proposed from the text. */
  language: Language | null;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** The draft a screen starts from: what step 1 holds, else an empty idea in the hook-story format. */
export function draftFromStep(data: Record<string, unknown> | undefined): SourceDraft {
  const d = data ?? {};
  const format = isFormatId(d.format) ? d.format : 'hook-story';
  const target = Number(d.targetDurationSec);
  const fileName = str(d.fileName) || null;
  const stored = str(d.sourceType);
  const kind: SourceKind = stored === 'text' && fileName ? 'file' : (SOURCE_KINDS as readonly string[]).includes(stored) ? (stored as SourceKind) : 'idea';
  return {
    kind,
    idea: str(d.idea),
    text: str(d.text),
    url: str(d.url),
    imported: null,
    fileName,
    media: d.mediaAssetId ? { assetId: str(d.mediaAssetId), title: null } : null,
    news: d.newsItemId ? { id: str(d.newsItemId), title: str(d.newsTitle) || str(d.url), language: isLanguage(d.language) ? d.language : null } : null,
    format,
    targetDurationSec: Number.isInteger(target) && target >= MIN_TARGET_SEC && target <= MAX_TARGET_SEC ? target : FORMATS[format].defaultSec,
    language: isLanguage(d.language) ? d.language : null,
  };
}

/** Whether the draft names a source the server can work from. */
export function isComplete(draft: SourceDraft): boolean {
  switch (draft.kind) {
    case 'idea':
      return draft.idea.trim().length > 0;
    case 'text':
      return draft.text.trim().length > 0;
    case 'url':
      return draft.url.trim().length > 0;
    case 'file':
      return draft.imported !== null || (draft.fileName !== null && draft.text.trim().length > 0);
    case 'media':
      return draft.media !== null && draft.text.trim().length > 0;
    case 'news':
      return draft.news !== null;
  }
}

function contentOf(article: Article) {
  const { title, text, byline, images, leadImage, publishedAt, siteName, url, dateline } = article;
  // Older servers answer without imageDetails; the images' details are optional in the content.
  const imageDetails = article.imageDetails?.slice(0, 100);
  return { title, text, byline, images, leadImage, publishedAt, siteName, url, dateline, ...(imageDetails ? { imageDetails } : {}) };
}

/** The body of POST /api/projects/:id/source for the draft. */
export function toApplyBody(draft: SourceDraft, proposedLanguage: Language | null, replace = false): ApplySourceBody {
  const common = {
    format: draft.format,
    targetDurationSec: draft.targetDurationSec,
    ...(draft.language ?? proposedLanguage ? { language: (draft.language ?? proposedLanguage)! } : {}),
    ...(replace ? { replace: true } : {}),
  };
  switch (draft.kind) {
    case 'idea':
      return { sourceType: 'idea', idea: draft.idea.trim(), ...common };
    case 'text':
      return { sourceType: 'text', text: draft.text, ...common };
    case 'url':
      return { sourceType: 'url', url: draft.url.trim(), ...(draft.imported ? { content: contentOf(draft.imported) } : {}), ...common };
    case 'file': {
      const text = draft.imported?.text ?? draft.text;
      return { sourceType: 'text', text, fileName: draft.fileName ?? 'upload', ...(draft.imported ? { content: contentOf(draft.imported) } : {}), ...common };
    }
    case 'media':
      return { sourceType: 'media', mediaAssetId: draft.media!.assetId, text: draft.text, ...common };
    case 'news':
      return { sourceType: 'news', newsItemId: draft.news!.id, ...common };
  }
}
