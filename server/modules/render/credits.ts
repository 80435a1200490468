import type { Asset } from '../../../contracts/assets.ts';
import type { Language } from '../../../contracts/formats.ts';
import type { Step } from '../../../contracts/steps.ts';
import type { AuthContext } from '../../http/router.ts';
import type { ProjectRenderPlan } from './plan-from-steps.ts';

const LABELS: Record<Language, { source: string; credits: string; photo: string; pexels: string }> = {
  en: { source: 'Source', credits: 'Credits', photo: 'Photo', pexels: 'Pexels' },
  ru: { source: 'Источник', credits: 'Авторы снимков', photo: 'Фото', pexels: 'Pexels' },
};
/** What the platforms take as a description (TikTok's limit; publishMetadataSchema's too). */
const DESCRIPTION_MAX = 2200;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** What the video owes its sources: the article's address and one line per credited picture it shows. */
export interface Credits {
  sourceUrl: string | null;
  lines: string[];
}

/**
 * One credit line per picture the video shows, in scene order, without repeats: the article's
 * credit for its picture ("Photo: Jane Doe / Reuters", else the site's name), the photographer for
 * a Pexels photo or video. Never drawn on the picture: they go into the publish description.
 */
export function creditsOf(steps: Step[], plan: ProjectRenderPlan, shown: Array<{ asset: Asset; path: string }>, language: Language): Credits {
  const step2 = steps.find((s) => s.stepNumber === 2)?.data ?? {};
  const step1 = steps.find((s) => s.stepNumber === 1)?.data ?? {};
  const sourceUrl = text(step2.url) ?? text(step1.url);
  const siteName = text(step2.siteName) ?? hostOf(sourceUrl);
  const label = LABELS[language];
  const byPath = new Map(shown.map((file) => [file.path, file.asset]));
  const lines: string[] = [];
  for (const scene of plan.plan.scenes) {
    const asset = 'path' in scene.visual ? byPath.get(scene.visual.path) : undefined;
    if (!asset) continue;
    const meta = asset.meta;
    let line: string | null = null;
    if (asset.kind === 'stock') {
      const author = text(meta.author);
      line = author ? `${label.photo}: ${author} / ${label.pexels}${text(meta.sourceUrl) ? ` (${text(meta.sourceUrl)})` : ''}` : null;
    } else if (asset.kind === 'article-image') {
      const credit = text(meta.credit) ?? siteName;
      line = credit ? `${label.photo}: ${credit.replace(/^(photo|фото)\s*:\s*/i, '')}` : null;
    }
    if (line && !lines.includes(line)) lines.push(line);
  }
  return { sourceUrl, lines };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The credits block under a description: the source link, then "Credits:" and its lines. */
export function creditBlock(credits: Credits, language: Language): string {
  const label = LABELS[language];
  return [credits.sourceUrl ? `${label.source}: ${credits.sourceUrl}` : null, credits.lines.length ? `${label.credits}:\n${credits.lines.join('\n')}` : null]
    .filter(Boolean)
    .join('\n');
}

/** A description with the credits block after it, the description shortened so the whole fits the platforms' limit. */
export function describeWithCredits(description: string, credits: Credits, language: Language): string {
  const block = creditBlock(credits, language);
  if (!block) return description.slice(0, DESCRIPTION_MAX);
  const room = Math.max(0, DESCRIPTION_MAX - block.length - 2);
  const body = description.length > room ? `${description.slice(0, Math.max(0, room - 1)).trimEnd()}…` : description;
  return `${body}\n\n${block}`.slice(0, DESCRIPTION_MAX);
}

/** The project's article pictures and stock files with their paths: what a plan's visuals may point at. */
export async function creditableFiles(
  assets: { list(user: AuthContext, projectId: string, kind?: string): Promise<Asset[]>; references: { fileOf(ownerId: string, id: string): Promise<{ asset: Asset; path: string }> } },
  user: AuthContext,
  projectId: string,
): Promise<Array<{ asset: Asset; path: string }>> {
  const listed = [...(await assets.list(user, projectId, 'article-image')), ...(await assets.list(user, projectId, 'stock'))];
  const files = await Promise.all(listed.map((asset) => assets.references.fileOf(user.userId, asset.id).catch(() => null)));
  return files.filter((file): file is { asset: Asset; path: string } => file !== null);
}
