import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where media bytes live. Keys are relative paths like `projects/<id>/audio/<uuid>.wav`.
 * Writes go to a temporary name and are renamed when complete: no reader ever sees half a file.
 */
export class LocalMediaStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    mkdirSync(this.root, { recursive: true });
  }

  /** The file behind a key; keys never escape the store's root. */
  pathOf(key: string): string {
    const path = resolve(this.root, key);
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

  async putStream(key: string, source: Readable): Promise<number> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.part`;
    try {
      await pipeline(source, createWriteStream(temp));
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
    return (await stat(target)).size;
  }

  async putBuffer(key: string, data: Buffer): Promise<number> {
    const { Readable } = await import('node:stream');
    return this.putStream(key, Readable.from([data]));
  }

  read(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch {
      return null;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Removes everything under a prefix, e.g. a purged project's folder. */
  async removePrefix(prefix: string): Promise<void> {
    await rm(join(this.root, prefix), { recursive: true, force: true });
  }
}
