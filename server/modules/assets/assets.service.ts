import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Asset, UPLOAD_KINDS, type AssetKind, type UploadKind } from '../../../contracts/assets.ts';
import { type ByteRange, type MediaStore, MissingMediaError } from '../../adapters/storage/media-store.ts';
import type { ScratchSpace } from '../../adapters/storage/scratch-space.ts';
import { multipartError } from '../../http/body-parsers.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import type { AssetRow, AssetsRepository } from './assets.repository.ts';
import { inspectUpload } from './inspect-upload.ts';

export function toAsset(row: AssetRow): Asset {
  return {
    id: row.id,
    projectId: row.projectId,
    kind: row.kind,
    mime: row.mime,
    sizeBytes: row.sizeBytes,
    originalName: row.originalName,
    meta: (row.meta ?? {}) as Record<string, unknown>,
    url: `/api/assets/${row.id}/content`,
    createdAt: row.createdAt.toISOString(),
  };
}

export const tooLarge = (kind: UploadKind) =>
  new AppError('PAYLOAD_TOO_LARGE', `A ${kind} upload may be at most ${UPLOAD_KINDS[kind].maxBytes / 1024 / 1024} MB`);

/** How long a presigned download URL stays valid, when the operator allows them. */
const PRESIGNED_URL_SECONDS = 300;

export class AssetsService {
  constructor(
    private readonly assets: AssetsRepository,
    private readonly store: MediaStore,
    private readonly projects: ProjectsService,
    private readonly tempDir: string,
    private readonly scratch: ScratchSpace,
  ) {}

  /**
   * Streams an upload to a temporary file, checks what it really is, then stores it. A refused
   * upload (too big, wrong type, unreadable) leaves nothing behind.
   */
  async upload(user: AuthContext, projectId: string, kind: UploadKind, source: Readable & { truncated?: boolean }, originalName: string | null): Promise<Asset> {
    await this.projects.get(user, projectId);
    await mkdir(this.tempDir, { recursive: true });
    const temp = join(this.tempDir, `upload-${randomUUID()}`);
    try {
      await pipeline(source, createWriteStream(temp)).catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(kind);
        // The upload stream failed (a body cut short or malformed): the client's fault, not a disk error.
        if (source.errored === error) throw multipartError(error);
        throw error;
      });
      if (source.truncated) throw tooLarge(kind);
      const inspected = await inspectUpload(temp, kind);
      return await this.storeFile({ ownerId: user.userId, projectId, kind, file: temp, mime: inspected.mime, ext: inspected.ext, meta: inspected.meta, originalName, move: true });
    } finally {
      await rm(temp, { force: true });
    }
  }

  /** Before reading an upload's bytes: the project must be the user's. */
  async assertProject(user: AuthContext, projectId: string): Promise<void> {
    await this.projects.get(user, projectId);
  }

  /** Stores a file the app made (narration, render, card...) as an asset of the project. */
  async storeFile(input: {
    ownerId: string;
    projectId: string | null;
    kind: AssetKind;
    file: string;
    mime: string;
    ext: string;
    meta?: Record<string, unknown>;
    originalName?: string | null;
    move?: boolean;
  }): Promise<Asset> {
    const key = `${input.projectId ? `projects/${input.projectId}` : `users/${input.ownerId}`}/${input.kind}/${randomUUID()}.${input.ext}`;
    const sizeBytes = await this.store.putFile(key, input.file, input.move ?? false);
    try {
      const row = await this.assets.insert({
        ownerId: input.ownerId,
        projectId: input.projectId,
        kind: input.kind,
        mime: input.mime,
        sizeBytes,
        storageKey: key,
        originalName: input.originalName ?? null,
        meta: input.meta ?? {},
      });
      return toAsset(row);
    } catch (error) {
      await this.store.remove(key);
      throw error;
    }
  }

  async get(user: AuthContext, id: string): Promise<Asset> {
    return toAsset(await this.owned(user.userId, id));
  }

  /**
   * A local file with the bytes of an asset the user owns, as ffmpeg input: the stored file
   * itself on a local store, else a download into the running job's (or request's) scratch
   * folder. A missing object fails naming the asset, before any work starts on it.
   */
  async fileOf(ownerId: string, id: string): Promise<{ asset: Asset; path: string; key: string }> {
    const row = await this.owned(ownerId, id);
    try {
      return { asset: toAsset(row), path: await this.store.localFile(row.storageKey, this.scratch.current()), key: row.storageKey };
    } catch (error) {
      if (error instanceof MissingMediaError) throw new AppError('NOT_FOUND', `The ${row.kind} file of asset ${row.id} is missing from the media store`);
      throw error;
    }
  }

  /** Whether media files are on this machine, where ffmpeg reads them in place. */
  get storeIsLocal(): boolean {
    return this.store.kind === 'local';
  }

  /**
   * fileOf for code that only describes a plan (views, checks before queueing a render): on a
   * remote store the object's existence is checked and nothing is downloaded; the path then
   * names the object and is not for ffmpeg.
   */
  readonly references = {
    fileOf: async (ownerId: string, id: string): Promise<{ asset: Asset; path: string; key: string }> => {
      if (this.storeIsLocal) return this.fileOf(ownerId, id);
      const row = await this.owned(ownerId, id);
      if ((await this.store.size(row.storageKey)) === null) throw new AppError('NOT_FOUND', `The ${row.kind} file of asset ${row.id} is missing from the media store`);
      return { asset: toAsset(row), path: `media-store:${row.storageKey}`, key: row.storageKey };
    },
  };

  /** What serving an asset needs: its record, stored size and a reader of (part of) its bytes. */
  async contentOf(ownerId: string, id: string): Promise<{ asset: Asset; size: number; open(range?: ByteRange): Promise<NodeJS.ReadableStream>; presign(downloadName?: string): Promise<string | null> }> {
    const row = await this.owned(ownerId, id);
    const size = await this.store.size(row.storageKey);
    if (size === null) throw new AppError('NOT_FOUND', `The ${row.kind} file of asset ${row.id} is missing from the media store`);
    return {
      asset: toAsset(row),
      size,
      open: (range) => this.store.read(row.storageKey, range),
      presign: (downloadName) => this.store.presignedUrl(row.storageKey, { expiresInSec: PRESIGNED_URL_SECONDS, contentType: row.mime, downloadName }),
    };
  }

  async list(user: AuthContext, projectId: string, kind?: string): Promise<Asset[]> {
    await this.projects.get(user, projectId);
    return (await this.assets.listForProject(user.userId, projectId, kind)).map(toAsset);
  }

  /** Records what the app learned about a file (a transcript, a title) with it. */
  async mergeMeta(ownerId: string, id: string, patch: Record<string, unknown>): Promise<Asset> {
    const row = await this.assets.mergeMeta(ownerId, id, patch);
    if (!row) throw new AppError('NOT_FOUND', 'Asset not found');
    return toAsset(row);
  }

  async remove(user: AuthContext, id: string): Promise<void> {
    const row = await this.assets.delete(user.userId, id);
    if (!row) throw new AppError('NOT_FOUND', 'Asset not found');
    await this.store.remove(row.storageKey);
  }

  private async owned(ownerId: string, id: string): Promise<AssetRow> {
    const row = await this.assets.findOwned(ownerId, id);
    if (!row) throw new AppError('NOT_FOUND', 'Asset not found');
    return row;
  }
}
