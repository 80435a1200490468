import { join } from 'node:path';
import type { Asset } from '../../../contracts/assets.ts';
import { OUTPUT_SIZES } from '../../../contracts/render-plan.ts';
import type { Aspect } from '../../../contracts/formats.ts';
import { stage6Schema, type StoryboardVisual } from '../../../contracts/step-data.ts';
import type {
  ChooseStockBody,
  PreviewQuery,
  SceneUpdateBody,
  StockSearchQuery,
  StockFillResult,
  StockSearchResult,
  StoryboardSettingsBody,
  StoryboardView,
} from '../../../contracts/storyboard-api.ts';
import type { Step } from '../../../contracts/steps.ts';
import { ffmpegBinary } from '../../adapters/ffmpeg/binary.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AssetsService } from '../assets/assets.service.ts';
import type { StepsService } from '../steps/steps.service.ts';
import { narrationTimingsFor } from '../voice/narration-timings.ts';
import { buildRenderPlanForProject } from '../render/plan-from-steps.ts';
import type { PlanDeps } from '../render/plan-from-steps.ts';
import { candidatePictures, pictureProblem, usablePictures } from './article-pictures.ts';
import type { PictureChoice } from '../render/picture-match.ts';
import { drawPreview, projectPlan } from './preview.ts';
import { RemoteMedia } from './remote-media.ts';
import { LOCALE_OF, ORIENTATION_OF, stockFailure } from './stock.ts';
import type { StockProviders } from './stock.ts';
import { fillWithStock } from './stock-fill.ts';
import { MIN_CLIP_PART_SEC } from '../render/validate-plan.ts';
import { StoryboardStore } from './storyboard-store.ts';
import { articleImageUrls, aspectOf, buildStoryboardView, referencedAssetIds } from './storyboard-view.ts';

export interface StoryboardDeps {
  config: Config;
  steps: StepsService;
  assets: AssetsService;
  stock: StockProviders;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which asset kinds each visual kind may point at. */
const VISUAL_ASSET_KINDS: Record<Exclude<StoryboardVisual['kind'], 'card'>, string[]> = {
  image: ['image'],
  // A cut of the video source (stage 1) is a video visual too.
  video: ['video', 'source'],
  'article-image': ['article-image'],
  stock: ['stock'],
};

/** Stage 6: the storyboard, per-scene visuals (cards, uploads, article images, stock), music and caption style. */
export class StoryboardService {
  readonly store: StoryboardStore;
  private readonly remote: RemoteMedia;

  private get planDeps(): PlanDeps {
    return { steps: this.deps.steps, assets: this.deps.assets, pictures: (ownerId, projectId) => this.pictureChoices(ownerId, projectId) };
  }

  constructor(private readonly deps: StoryboardDeps) {
    this.store = new StoryboardStore(deps.steps);
    this.remote = new RemoteMedia({ assets: deps.assets, tempDir: join(deps.config.DATA_DIR, 'tmp'), allowPrivateHosts: deps.config.FETCH_ALLOW_PRIVATE_HOSTS });
  }

  async view(user: AuthContext, projectId: string): Promise<StoryboardView> {
    return this.viewOf(user, projectId, await this.deps.steps.list(user, projectId));
  }

  private async viewOf(user: AuthContext, projectId: string, steps: Step[]): Promise<StoryboardView> {
    const step6 = steps.find((s) => s.stepNumber === 6);
    const assets = new Map<string, Asset>();
    for (const id of referencedAssetIds(step6)) {
      const asset = await this.projectAsset(user, projectId, id);
      if (asset) assets.set(id, asset);
    }
    const articleAssets = new Map<string, string>();
    if (articleImageUrls(steps).length > 0) {
      for (const asset of await this.deps.assets.list(user, projectId, 'article-image')) {
        if (typeof asset.meta.sourceUrl === 'string' && !articleAssets.has(asset.meta.sourceUrl)) articleAssets.set(asset.meta.sourceUrl, asset.id);
      }
    }
    // The plan without the author's choices gives the render's timings and its automatic cards.
    const automatic = await buildRenderPlanForProject({ ...this.planDeps, assets: this.deps.assets.references }, user.userId, projectId, {}, { storyboard: { scenes: [] } }).catch(() => null);
    return buildStoryboardView({
      steps,
      planScenes: automatic ? new Map(automatic.plan.scenes.map((scene) => [scene.sceneId, scene])) : null,
      timings: narrationTimingsFor(steps),
      assets,
      articleAssets,
      crossfade: (await ffmpegBinary()).hasXfade,
      stockConfigured: await this.deps.stock.configured(user.userId),
    });
  }

  /** The asset when it exists and belongs to this project, else null. */
  private async projectAsset(user: AuthContext, projectId: string, id: string): Promise<Asset | null> {
    if (!UUID.test(id)) return null;
    const asset = await this.deps.assets.get(user, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    return asset?.projectId === projectId ? asset : null;
  }

  /** 404 unless the scene is in the script (as narrated, or as written when there is no narration). */
  private async requireScene(user: AuthContext, projectId: string, sceneId: string): Promise<Step[]> {
    const steps = await this.deps.steps.list(user, projectId);
    if (!narrationTimingsFor(steps).segments.some((segment) => segment.sceneId === sceneId)) {
      throw new AppError('NOT_FOUND', `Scene "${sceneId}" is not in the script`);
    }
    return steps;
  }

  async updateScene(user: AuthContext, projectId: string, sceneId: string, change: SceneUpdateBody, ifMatch?: number): Promise<StoryboardView> {
    await this.requireScene(user, projectId, sceneId);
    if (change.visual) await this.checkVisualAsset(user, projectId, change.visual);
    await this.store.updateScene(user, projectId, sceneId, change, ifMatch);
    return this.view(user, projectId);
  }

  private async checkVisualAsset(user: AuthContext, projectId: string, visual: StoryboardVisual): Promise<void> {
    if (visual.kind === 'card') return;
    const asset = await this.projectAsset(user, projectId, visual.assetId);
    if (!asset) throw new AppError('VALIDATION_FAILED', `visual.assetId: no file ${visual.assetId} in this project`);
    if (!VISUAL_ASSET_KINDS[visual.kind].includes(asset.kind)) {
      throw new AppError('VALIDATION_FAILED', `visual.assetId: the file is a ${asset.kind} file, not one for a "${visual.kind}" visual`);
    }
    if (visual.kind === 'video') clipRangeProblem(visual, asset.meta.durationSec);
    if (visual.kind === 'video' && asset.kind === 'source' && !asset.mime.startsWith('video/')) {
      throw new AppError('VALIDATION_FAILED', 'visual.assetId: the source is audio only; a scene can show clips of a video source only');
    }
    if (visual.kind === 'stock' && !asset.mime.startsWith(visual.media === 'photo' ? 'image/' : 'video/')) {
      throw new AppError('VALIDATION_FAILED', `visual.media: the stock file is ${asset.mime}, not a ${visual.media}`);
    }
  }

  async searchStock(user: AuthContext, projectId: string, query: StockSearchQuery): Promise<StockSearchResult> {
    const steps = await this.deps.steps.list(user, projectId);
    const provider = await this.deps.stock.forUser(user.userId);
    const orientation = query.orientation ?? ORIENTATION_OF[aspectOf(steps)];
    const language = narrationTimingsFor(steps).language;
    const page = await provider
      .search({ query: query.query, media: query.media, orientation, page: query.page, perPage: query.perPage, locale: LOCALE_OF[language] })
      .catch((error: unknown) => Promise.reject(stockFailure(error)));
    return { provider: 'pexels', query: query.query, media: query.media, orientation, ...page };
  }

  /**
   * Fetches a stock item into the project (cached: choosing it again downloads nothing) and makes
   * it the scene's visual. Any failure leaves the scene's visual as it was.
   */
  async chooseStock(user: AuthContext, projectId: string, sceneId: string, body: ChooseStockBody, ifMatch?: number): Promise<StoryboardView> {
    const steps = await this.requireScene(user, projectId, sceneId);
    await this.attachStock(user, projectId, sceneId, body, aspectOf(steps), ifMatch);
    return this.view(user, projectId);
  }

  /**
   * The automatic storyboard after the article's pictures: scenes still on their automatic card get
   * a Pexels photo for their words, when the user or the operator has a Pexels key (stock-fill.ts).
   */
  async fillWithStock(user: AuthContext, projectId: string): Promise<StockFillResult> {
    // The project is read first: another user's project is a 404 whether or not a key exists.
    const steps = await this.deps.steps.list(user, projectId);
    if (!(await this.deps.stock.configured(user.userId))) return { configured: false, filled: [], skipped: [] };
    const storyboard = stage6Schema.safeParse(steps.find((s) => s.stepNumber === 6)?.data ?? {}).data ?? {};
    const plan = await buildRenderPlanForProject(this.planDeps, user.userId, projectId, {}, { storyboard });
    const aspect = aspectOf(steps);
    const { stopped, ...result } = await fillWithStock({
      plan,
      storyboard,
      aspect,
      language: plan.language,
      provider: await this.deps.stock.forUser(user.userId),
      attach: (sceneId, id) => this.attachStock(user, projectId, sceneId, { provider: 'pexels', media: 'photo', id }, aspect),
    });
    // Marked only when it showed something: a fill stopped by a refused key or the rate limit runs
    // again once that is fixed, and a fill that changed nothing writes nothing (no outdated video).
    if (!stopped && result.filled.length > 0) await this.store.markStockFilled(user, projectId, steps, new Date().toISOString());
    return { configured: true, ...result };
  }

  private async attachStock(user: AuthContext, projectId: string, sceneId: string, body: ChooseStockBody, aspect: Aspect, ifMatch?: number): Promise<void> {
    const cacheKey = `pexels:${body.media}:${body.id}:${aspect}`;
    let asset = await this.remote.cached(user, projectId, 'stock', cacheKey);
    if (!asset) {
      const provider = await this.deps.stock.forUser(user.userId);
      const download = await provider.download(body.media, body.id, OUTPUT_SIZES[aspect]).catch((error: unknown) => Promise.reject(stockFailure(error)));
      const { item } = download;
      asset = await this.remote.fetch(user, projectId, {
        url: download.url,
        kind: 'stock',
        media: body.media === 'photo' ? 'image' : 'video',
        cacheKey,
        what: `the Pexels ${body.media} by ${item.author}`,
        meta: { provider: 'pexels', stockId: item.id, media: item.media, author: item.author, authorUrl: item.authorUrl, sourceUrl: item.sourceUrl },
      });
    }
    const meta = asset.meta as { author?: string; authorUrl?: string | null; sourceUrl?: string };
    const visual: StoryboardVisual = {
      kind: 'stock',
      assetId: asset.id,
      media: body.media,
      provider: 'pexels',
      ...(meta.author ? { author: meta.author } : {}),
      ...(meta.authorUrl ? { authorUrl: meta.authorUrl } : {}),
      ...(meta.sourceUrl ? { sourceUrl: meta.sourceUrl } : {}),
    };
    await this.store.updateScene(user, projectId, sceneId, { visual }, ifMatch);
  }

  /** Fetches one of step 2's article images into the project (cached) and makes it the scene's visual. */
  async chooseArticleImage(user: AuthContext, projectId: string, sceneId: string, url: string, ifMatch?: number): Promise<StoryboardView> {
    const steps = await this.requireScene(user, projectId, sceneId);
    if (!articleImageUrls(steps).includes(url)) throw new AppError('VALIDATION_FAILED', 'url: not one of the images of the source article (stage 2)');
    const asset = await this.remote.fetch(user, projectId, {
      url,
      kind: 'article-image',
      media: 'image',
      cacheKey: url,
      what: 'the article image',
      meta: { sourceUrl: url },
    });
    await this.store.updateScene(user, projectId, sceneId, { visual: { kind: 'article-image', assetId: asset.id, sourceUrl: url } }, ifMatch);
    return this.view(user, projectId);
  }

  /**
   * Downloads the article's pictures (stage 2's images without logos, icons, avatars and
   * duplicates) into the project, three at a time. A picture that cannot be fetched is skipped; one
   * under 600 px on its short side is kept but marked unusable, so it is not fetched again.
   */
  async importArticlePictures(user: AuthContext, projectId: string): Promise<{ imported: number; usable: number; skipped: string[] }> {
    const steps = await this.deps.steps.list(user, projectId);
    const candidates = candidatePictures(steps.find((s) => s.stepNumber === 2)?.data.images);
    const skipped: string[] = [];
    let next = 0;
    const assets: Asset[] = [];
    const worker = async () => {
      while (next < candidates.length) {
        const picture = candidates[next++]!;
        const meta = { sourceUrl: picture.url, position: picture.position, alt: picture.alt ?? null, caption: picture.caption ?? null, credit: picture.credit ?? null };
        const judge = (found: Record<string, unknown>) => {
          const problem = pictureProblem(found);
          return problem ? { usable: false, problem } : { usable: true };
        };
        await this.remote
          .fetch(user, projectId, { url: picture.url, kind: 'article-image', media: 'image', cacheKey: picture.url, what: 'the article image', meta, judge })
          .then((asset) => assets.push(asset))
          .catch((error: unknown) => {
            if (!(error instanceof AppError)) throw error;
            skipped.push(`${picture.url}: ${error.message}`);
          });
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    return { imported: assets.length, usable: usablePictures(assets).length, skipped };
  }

  /** The project's usable article pictures as the plan builder matches them to scenes. */
  async pictureChoices(ownerId: string, projectId: string): Promise<PictureChoice[]> {
    const user: AuthContext = { userId: ownerId, via: 'token' };
    const pictures = usablePictures(await this.deps.assets.list(user, projectId, 'article-image'));
    return Promise.all(
      pictures.map(async (asset) => ({
        path: (await this.deps.assets.fileOf(ownerId, asset.id)).path,
        description: [asset.meta.alt, asset.meta.caption].filter((v) => typeof v === 'string').join(' '),
        position: Number(asset.meta.position ?? 0),
      })),
    );
  }

  /** A frame as the render draws it, at a time or a scene's middle (PNG). */
  async previewFrame(user: AuthContext, projectId: string, query: PreviewQuery, signal?: AbortSignal): Promise<Buffer> {
    const built = await projectPlan(this.planDeps, user.userId, projectId);
    return drawPreview(built, query, signal);
  }

  async updateSettings(user: AuthContext, projectId: string, body: StoryboardSettingsBody, rawBody: unknown, ifMatch?: number): Promise<StoryboardView> {
    const steps = await this.deps.steps.list(user, projectId);
    if (body.music?.assetId) {
      const asset = await this.projectAsset(user, projectId, body.music.assetId);
      if (!asset) throw new AppError('VALIDATION_FAILED', `music.assetId: no file ${body.music.assetId} in this project`);
      if (asset.kind !== 'music') throw new AppError('VALIDATION_FAILED', `music.assetId: the file is a ${asset.kind} file; upload music with kind=music`);
    }
    // Only the caption fields the author sent are stored (the schema's defaults would fill in the rest).
    const sent = (rawBody as { captionStyle?: Record<string, unknown> } | undefined)?.captionStyle;
    await this.store.updateSettings(user, projectId, steps, body, sent && body.captionStyle ? pickKeys(body.captionStyle, Object.keys(sent)) : undefined, ifMatch);
    return this.view(user, projectId);
  }
}

function pickKeys(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]]));
}

/** A chosen part of a clip: it starts before the clip ends and lasts long enough to show. */
function clipRangeProblem(visual: { startAtSec?: number; endAtSec?: number }, durationSec: unknown): void {
  const start = visual.startAtSec ?? 0;
  const clipSec = typeof durationSec === 'number' ? durationSec : null;
  if (clipSec !== null && start >= clipSec) throw new AppError('VALIDATION_FAILED', `visual.startAtSec: ${start} is past the clip's end (${clipSec.toFixed(1)} s)`);
  if (visual.endAtSec === undefined) return;
  if (visual.endAtSec - start < MIN_CLIP_PART_SEC) {
    throw new AppError('VALIDATION_FAILED', `visual.endAtSec: must be at least ${MIN_CLIP_PART_SEC} s after startAtSec (${start})`);
  }
  if (clipSec !== null && visual.endAtSec > clipSec + 0.05) {
    throw new AppError('VALIDATION_FAILED', `visual.endAtSec: ${visual.endAtSec} is past the clip's end (${clipSec.toFixed(1)} s)`);
  }
}
