import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Asset, AssetKind } from '../../../contracts/assets.ts';
import { safeFetch, SafeFetchError } from '../../adapters/http/safe-fetch.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { AssetsService } from '../assets/assets.service.ts';
import { inspectUpload } from '../assets/inspect-upload.ts';

export interface RemoteMediaDeps {
  assets: AssetsService;
  tempDir: string;
  /** From FETCH_ALLOW_PRIVATE_HOSTS: test servers only. */
  allowPrivateHosts: readonly string[];
}

export interface RemoteMediaRequest {
  url: string;
  kind: Extract<AssetKind, 'stock' | 'article-image' | 'avatar-clip'>;
  media: 'image' | 'video';
  /** Same key, same file: a second choice of the same item reuses the stored asset. */
  cacheKey: string;
  /** Kept with the asset (attribution, source). */
  meta: Record<string, unknown>;
  /** What to call the download when the author sees it. */
  what: string;
  /** Extra metadata decided from what was downloaded (its size, type), stored with it. */
  judge?: (meta: Record<string, unknown>) => Record<string, unknown>;
  signal?: AbortSignal;
}

const LIMITS = {
  image: { maxBytes: 40 * 1024 * 1024, timeoutMs: 60_000, types: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'application/octet-stream', 'binary/octet-stream'] },
  video: { maxBytes: 200 * 1024 * 1024, timeoutMs: 180_000, types: ['video/mp4', 'video/quicktime', 'video/webm', 'application/octet-stream', 'binary/octet-stream'] },
} as const;

/**
 * Downloads media from the web (article images, stock files) through the SSRF-safe fetcher,
 * checks what it really is, and stores it as an asset of the project. Cached per project by
 * `cacheKey`; two requests for the same key at once share one download.
 */
export class RemoteMedia {
  private readonly inFlight = new Map<string, Promise<Asset>>();

  constructor(private readonly deps: RemoteMediaDeps) {}

  async cached(user: AuthContext, projectId: string, kind: RemoteMediaRequest['kind'], cacheKey: string): Promise<Asset | null> {
    const assets = await this.deps.assets.list(user, projectId, kind);
    return assets.find((asset) => asset.meta.cacheKey === cacheKey) ?? null;
  }

  async fetch(user: AuthContext, projectId: string, request: RemoteMediaRequest): Promise<Asset> {
    const cached = await this.cached(user, projectId, request.kind, request.cacheKey);
    if (cached) return cached;
    const key = `${projectId}\n${request.kind}\n${request.cacheKey}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.download(user, projectId, request).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async download(user: AuthContext, projectId: string, request: RemoteMediaRequest): Promise<Asset> {
    const limits = LIMITS[request.media];
    const response = await safeFetch(request.url, {
      allowedContentTypes: limits.types,
      maxBytes: limits.maxBytes,
      timeoutMs: limits.timeoutMs,
      accept: request.media === 'image' ? 'image/*' : 'video/*',
      allowPrivateHosts: this.deps.allowPrivateHosts,
      signal: request.signal,
    }).catch((error: unknown) => {
      if (error instanceof SafeFetchError) throw new AppError('FETCH_FAILED', `Could not download ${request.what}: ${error.message}`, { url: request.url, reason: error.code });
      throw error;
    });
    await mkdir(this.deps.tempDir, { recursive: true });
    const temp = join(this.deps.tempDir, `remote-${randomUUID()}`);
    try {
      await writeFile(temp, response.body);
      const inspected = await inspectUpload(temp, request.media).catch((error: unknown) => {
        if (error instanceof AppError) throw new AppError('FETCH_FAILED', `${request.what} is not usable: ${error.message}`, { url: request.url });
        throw error;
      });
      const meta = { ...inspected.meta, ...request.meta, sha256: createHash('sha256').update(response.body).digest('hex') };
      return await this.deps.assets.storeFile({
        ownerId: user.userId,
        projectId,
        kind: request.kind,
        file: temp,
        mime: inspected.mime,
        ext: inspected.ext,
        meta: { ...meta, ...request.judge?.(meta), cacheKey: request.cacheKey, downloadedFrom: response.url },
        originalName: fileNameOf(response.url),
        move: true,
      });
    } finally {
      await rm(temp, { force: true });
    }
  }
}

function fileNameOf(url: string): string | null {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last).slice(0, 200) || null;
  } catch {
    return last.slice(0, 200) || null;
  }
}
