import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

/** Inclusive byte range, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface PresignOptions {
  expiresInSec: number;
  contentType: string;
  /** Sent back as Content-Disposition: attachment with this file name. */
  downloadName?: string;
}

/**
 * Where media bytes live. Keys are relative paths like `projects/<id>/audio/<uuid>.wav`.
 * A write is atomic from a reader's view: nobody ever sees half an object.
 */
export interface MediaStore {
  /** 'local' keeps files on this machine; 's3' in a bucket shared by every process. */
  readonly kind: 'local' | 's3';
  putFile(key: string, sourceFile: string, move?: boolean): Promise<number>;
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Null when there is no such object. */
  size(key: string): Promise<number | null>;
  remove(key: string): Promise<void>;
  /** Removes everything under a prefix, e.g. a purged project's folder. */
  removePrefix(prefix: string): Promise<void>;
  /** A local file with the object's bytes, for ffmpeg: the file itself, or a download into `scratchDir`. */
  localFile(key: string, scratchDir: string): Promise<string>;
  /** A short-lived URL a browser can fetch the object from directly; null when the store has none. */
  presignedUrl(key: string, options: PresignOptions): Promise<string | null>;
}

export class MissingMediaError extends Error {
  constructor(readonly key: string) {
    super(`media file missing from the store: ${key}`);
    this.name = 'MissingMediaError';
  }
}

/** Rejects keys that could leave the store's root or prefix. */
export function checkMediaKey(key: string): string {
  if (!key || key.startsWith('/') || key.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    throw new Error(`invalid media key: ${key}`);
  }
  return key;
}

/** The embedded default: files under DATA_DIR/media, renamed into place when complete. */
export class LocalMediaStore implements MediaStore {
  readonly kind = 'local';
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    mkdirSync(this.root, { recursive: true });
  }

  /** The file behind a key; keys never escape the store's root. */
  pathOf(key: string): string {
    const path = resolve(this.root, checkMediaKey(key));
    if (!path.startsWith(this.root + sep)) throw new Error(`invalid media key: ${key}`);
    return path;
  }

  async putFile(key: string, sourceFile: string, move = false): Promise<number> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.part`;
    try {
      if (move) await rename(sourceFile, temp).catch(() => copyFile(sourceFile, temp));
      else await copyFile(sourceFile, temp);
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
    return (await stat(target)).size;
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    if ((await this.size(key)) === null) throw new MissingMediaError(key);
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async size(key: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? info.size : null;
    } catch {
      return null;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async removePrefix(prefix: string): Promise<void> {
    await rm(join(this.root, checkMediaKey(prefix)), { recursive: true, force: true });
  }

  async localFile(key: string): Promise<string> {
    if ((await this.size(key)) === null) throw new MissingMediaError(key);
    return this.pathOf(key);
  }

  async presignedUrl(): Promise<null> {
    return null;
  }
}
