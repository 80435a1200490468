import type { Language } from '../../../contracts/formats.ts';
import type { Job } from '../../../contracts/jobs.ts';
import { type Transcript, transcriptSchema, type TranscriberStatus } from '../../../contracts/media-sources.ts';
import { parseTargetUrl } from '../../adapters/http/resolve-target.ts';
import { SafeFetchError } from '../../adapters/http/safe-fetch-error.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { Asset } from '../../../contracts/assets.ts';
import type { JobContext } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import { detectLanguage } from '../sources/language.ts';
import { type MediaImportDeps, runMediaImportJob } from './media-import-job.ts';
import type { Transcribers } from './transcribers.ts';

export interface MediaSourceDeps extends MediaImportDeps {
  jobs: JobsService;
  transcribers: Transcribers;
}

/** What a media source gives stage 2: its text (the transcript, or one the author pasted) and the original's facts. */
export interface MediaContent {
  title: string;
  text: string;
  language?: Language;
  transcript: Transcript | null;
  media: { assetId: string; durationSec: number | null; hasVideo: boolean; sourceUrl: string | null };
}

/** Video and audio sources: download and transcription jobs, and the content stage 2 takes from them. */
export class MediaSourceService {
  constructor(private readonly deps: MediaSourceDeps) {}

  transcriber(user: AuthContext): Promise<TranscriberStatus> {
    return this.deps.transcribers.status(user.userId);
  }

  async importUrl(user: AuthContext, projectId: string, url: string): Promise<Job> {
    await this.deps.assets.assertProject(user, projectId);
    try {
      parseTargetUrl(url);
    } catch (error) {
      if (error instanceof SafeFetchError) throw new AppError('VALIDATION_FAILED', `url: ${error.message}`, { issues: [{ path: 'url', message: error.message }] });
      throw error;
    }
    return this.deps.jobs.enqueue({ ownerId: user.userId, projectId, name: 'media.import', payload: { projectId, url }, dedupeKey: `media.import:${projectId}:${url}` });
  }

  async transcribe(user: AuthContext, projectId: string, assetId: string): Promise<Job> {
    await this.sourceAsset(user, projectId, assetId);
    return this.deps.jobs.enqueue({ ownerId: user.userId, projectId, name: 'media.import', payload: { projectId, assetId }, dedupeKey: `media.import:${projectId}:${assetId}` });
  }

  runJob(ctx: JobContext<'media.import'>) {
    return runMediaImportJob(this.deps, ctx);
  }

  /** Stage 2's text from a media source: the author's pasted or edited text when sent, else the transcript. */
  async content(user: AuthContext, projectId: string, assetId: string, pastedText?: string): Promise<MediaContent> {
    const asset = await this.sourceAsset(user, projectId, assetId, 'mediaAssetId');
    const parsed = transcriptSchema.safeParse(asset.meta.transcript);
    const transcript = parsed.success ? parsed.data : null;
    const text = pastedText?.trim() || transcript?.text.trim() || '';
    if (!text) {
      throw new AppError('VALIDATION_FAILED', 'text: this video or audio has no transcript yet; transcribe it, or paste its transcript', {
        issues: [{ path: 'text', message: 'a media source needs its transcript' }],
      });
    }
    const title = (typeof asset.meta.title === 'string' && asset.meta.title) || asset.originalName?.replace(/\.[a-z0-9]+$/i, '') || text.split(/(?<=[.!?])\s/)[0]!.slice(0, 120);
    return {
      title,
      text,
      language: transcript?.language ?? detectLanguage(text),
      transcript,
      media: {
        assetId: asset.id,
        durationSec: typeof asset.meta.durationSec === 'number' ? asset.meta.durationSec : null,
        hasVideo: typeof asset.meta.width === 'number',
        sourceUrl: typeof asset.meta.sourceUrl === 'string' ? asset.meta.sourceUrl : null,
      },
    };
  }

  private async sourceAsset(user: AuthContext, projectId: string, assetId: string, field = 'assetId'): Promise<Asset> {
    const asset = await this.deps.assets.get(user, assetId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `${field}: no such video or audio source`);
      throw error;
    });
    if (asset.kind !== 'source' || asset.projectId !== projectId) {
      throw new AppError('VALIDATION_FAILED', `${field}: this file is not a video or audio source of the project`, { issues: [{ path: field, message: 'not a source of this project' }] });
    }
    return asset;
  }
}
