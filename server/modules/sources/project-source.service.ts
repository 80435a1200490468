import type { AnalysisResult } from '../../../contracts/analysis.ts';
import { FORMATS, type FormatId, type Language } from '../../../contracts/formats.ts';
import type { Project } from '../../../contracts/projects.ts';
import type { MediaContent, MediaSourceService } from '../media-sources/media-source.service.ts';
import type { ApplySourceBody, ArticleImage, SourceContent } from '../../../contracts/sources.ts';
import type { Step } from '../../../contracts/steps.ts';
import type { Clock } from '../../adapters/clock.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AnalysisService } from '../analysis/analysis.service.ts';
import type { NewsService } from '../news/news.service.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { detectLanguage } from './language.ts';
import type { SourcesService } from './sources.service.ts';
import { isDefaultTitle } from '../../../contracts/default-title.ts';

export interface AppliedSource {
  project: Project;
  steps: Step[];
}

type Content = SourceContent & { language?: Language } & Partial<Pick<MediaContent, 'transcript' | 'media'>>;

/** What identifies a source: the same key means the stage-2 text need not (and must not) be rebuilt. */
function sourceKey(data: Record<string, unknown>): string {
  const media = [data.mediaAssetId, typeof data.text === 'string' ? data.text.trim() : null];
  const input = { idea: data.idea, text: data.text, url: data.url, news: data.newsItemId, media }[String(data.sourceType)] ?? '';
  return JSON.stringify([data.sourceType, typeof input === 'string' ? input.trim() : input, data.fileName ?? null]);
}

/** An idea becomes a one-paragraph text; its first sentence (shortened) is the title. */
function ideaContent(idea: string): Content {
  const firstSentence = idea.split(/(?<=[.!?])\s/)[0] ?? idea;
  const title = firstSentence.length > 120 ? `${firstSentence.slice(0, 117).replace(/\s+\S*$/, '')}…` : firstSentence;
  return { title, text: idea.trim(), language: detectLanguage(idea) };
}

/**
 * Stage 1 applied to a project: step 1 (the source, format, language, length; completed) and
 * step 2 (the content with its analysis), then the project moves on to stage 2.
 */
export class ProjectSourceService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly steps: StepsService,
    private readonly sources: SourcesService,
    private readonly news: NewsService,
    private readonly analysis: AnalysisService,
    private readonly clock: Clock,
    private readonly mediaSources: MediaSourceService,
  ) {}

  async apply(user: AuthContext, projectId: string, body: ApplySourceBody): Promise<AppliedSource> {
    const project = await this.projects.get(user, projectId);
    const steps = await this.steps.list(user, projectId);
    const step1 = steps.find((s) => s.stepNumber === 1);
    // Checked before any work; the write of step 1 below is conditional too, for a write in between.
    if (body.baseVersion !== undefined && body.baseVersion !== (step1?.version ?? 0)) {
      throw new AppError('VERSION_MISMATCH', `Step 1 was changed by someone else (now version ${step1?.version ?? 0}); reload and choose the source again`, { current: step1 ?? null });
    }
    const previousSource = step1?.data;
    const previousContent = steps.find((s) => s.stepNumber === 2)?.data;
    const keepContent = Boolean(previousSource && sourceKey(previousSource) === sourceKey(body) && typeof previousContent?.text === 'string' && previousContent.text.trim());
    let content: Content | null = null;
    let analysis: AnalysisResult | null = null;
    if (!keepContent) {
      content = await this.contentOf(user, projectId, body);
      const oldText = typeof previousContent?.text === 'string' ? previousContent.text.trim() : '';
      if (oldText && oldText !== content.text.trim() && !body.replace) {
        throw new AppError('CONFLICT', 'Stage 2 already holds a text from another source (perhaps edited); send replace: true to replace it', {
          reason: 'CONTENT_EXISTS',
        });
      }
      analysis = await this.analysis.analyse(user.userId, {
        text: content.text,
        title: content.title,
        language: body.language ?? content.language,
        publishedAt: content.publishedAt ?? null,
      });
    }
    const language = body.language ?? content?.language ?? analysis?.language ?? (previousSource?.language as Language | undefined) ?? 'en';
    const newsTitle = body.sourceType === 'news' ? (content?.title ?? previousSource?.newsTitle) : undefined;
    await this.write(user, project, body, language, content, analysis, { newsTitle });
    return { project: await this.projects.changeStage(user, projectId, 2), steps: await this.steps.list(user, projectId) };
  }

  /** "Make a project from this story": a new project with stages 1 and 2 filled, at stage 2. */
  async createFromNewsItem(
    user: AuthContext,
    itemId: string,
    options: { format?: FormatId; language?: Language; targetDurationSec?: number },
    idempotencyKey?: string,
  ): Promise<Project> {
    const article = await this.news.article(user, itemId);
    const language = options.language ?? article.language;
    const analysis = await this.analysis.analyse(user.userId, { text: article.text, title: article.title, language, publishedAt: article.publishedAt });
    const format = options.format ?? analysis.recommendedFormat;
    const { project, created } = await this.projects.createOnce(user, article.title.slice(0, 200).trim() || undefined, idempotencyKey);
    // A repeat of a request that already made its project (a double click, a retry) gets that project as it is.
    if (!created) return this.projects.get(user, project.id);
    const body: ApplySourceBody = { sourceType: 'news', newsItemId: itemId, url: article.url ?? undefined, format, language, targetDurationSec: options.targetDurationSec };
    const content: Content = { ...article, leadImage: article.images[0] ?? null };
    await this.write(user, project, body, language, content, analysis, { newsTitle: article.title, contentNote: article.origin === 'summary' ? article.fetchError : null });
    return this.projects.changeStage(user, project.id, 2);
  }

  private async contentOf(user: AuthContext, projectId: string, body: ApplySourceBody): Promise<Content> {
    if (body.sourceType === 'idea') return ideaContent(body.idea!);
    if (body.sourceType === 'media') return this.mediaSources.content(user, projectId, body.mediaAssetId!, body.text);
    if (body.content) return { ...body.content, language: detectLanguage(`${body.content.title}\n${body.content.text}`) };
    if (body.sourceType === 'text') return this.sources.import({ text: body.text! });
    if (body.sourceType === 'url') return this.sources.import({ url: body.url! });
    const article = await this.news.article(user, body.newsItemId!);
    return { ...article, leadImage: article.images[0] ?? null };
  }

  private async write(
    user: AuthContext,
    project: Project,
    body: ApplySourceBody,
    language: Language,
    content: Content | null,
    analysis: AnalysisResult | null,
    notes: { newsTitle?: unknown; contentNote?: string | null } = {},
  ): Promise<void> {
    const input = { idea: { idea: body.idea }, text: { text: body.text ?? content?.text }, url: { url: body.url }, news: { newsItemId: body.newsItemId, url: body.url },
      media: { mediaAssetId: body.mediaAssetId, ...(body.text?.trim() ? { text: body.text } : {}), ...(content?.media?.sourceUrl ? { url: content.media.sourceUrl } : {}) },
    }[body.sourceType];
    const source = {
      sourceType: body.sourceType,
      ...input,
      ...(body.fileName ? { fileName: body.fileName } : {}),
      ...(typeof notes.newsTitle === 'string' ? { newsTitle: notes.newsTitle } : {}),
      format: body.format,
      language,
      targetDurationSec: body.targetDurationSec ?? FORMATS[body.format].defaultSec,
    };
    await this.steps.upsert(user, project.id, { stepNumber: 1, data: source, completedAt: this.clock.now().toISOString(), baseVersion: body.baseVersion });
    if (content && analysis) {
      const data = {
        title: content.title,
        text: content.text,
        ...(content.url ? { url: content.url } : {}),
        images: stepImages(content),
        ...(content.dateline ? { dateline: content.dateline } : {}),
        byline: content.byline ?? null,
        siteName: content.siteName ?? null,
        publishedAt: content.publishedAt ?? null,
        language,
        analysis,
        ...(notes.contentNote ? { contentNote: notes.contentNote } : {}),
        // A media source keeps the original's words with their times, and what the original is.
        ...(content.transcript ? { transcript: content.transcript } : {}),
        ...(content.media ? { media: content.media } : {}),
      };
      await this.steps.upsert(user, project.id, { stepNumber: 2, data, completedAt: null });
      if (isDefaultTitle(project.title) && content.title.trim()) await this.projects.rename(user, project.id, content.title.trim().slice(0, 200));
    }
  }
}

/** Step 2's images: the lead image first, each with what the page said about it when known. */
function stepImages(content: Content): ArticleImage[] {
  const details = new Map((content.imageDetails ?? []).map((image) => [image.url, image]));
  const urls = [...new Set([content.leadImage, ...details.keys(), ...(content.images ?? [])].filter((u): u is string => Boolean(u)))];
  return urls.map((url) => details.get(url) ?? { url, alt: null, caption: null, credit: null, width: null, height: null, position: null });
}
