import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Asset, UPLOAD_KINDS, type AssetKind, type UploadKind } from '../../../contracts/assets.ts';
import type { LocalMediaStore } from '../../adapters/storage/media-store.ts';
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

export class AssetsService {
  constructor(
    private readonly assets: AssetsRepository,
    private readonly store: LocalMediaStore,
    private readonly projects: ProjectsService,
    private readonly tempDir: string,
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

  get mediaRoot(): string {
    return this.store.root;
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

  /** The file behind an asset the user owns, for serving or as ffmpeg input. */
  async fileOf(ownerId: string, id: string): Promise<{ asset: Asset; path: string; key: string }> {
    const row = await this.owned(ownerId, id);
    return { asset: toAsset(row), path: this.store.pathOf(row.storageKey), key: row.storageKey };
  }

  async list(user: AuthContext, projectId: string, kind?: string): Promise<Asset[]> {
    await this.projects.get(user, projectId);
    return (await this.assets.listForProject(user.userId, projectId, kind)).map(toAsset);
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
