import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalMediaStore, type MediaStore, MissingMediaError } from './media-store.ts';
import { openMediaStore } from './open-media-store.ts';
import type { S3MediaStore } from './s3-media-store.ts';
import { startTestS3Server, type TestS3Server } from './testing/s3-server.ts';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

let s3: TestS3Server;
let work: string;
beforeAll(async () => {
  s3 = await startTestS3Server();
  work = await mkdtemp(join(tmpdir(), 'rf-store-'));
});
afterAll(async () => {
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

const stores: Array<[string, () => MediaStore]> = [
  ['local directory', () => new LocalMediaStore(join(work, 'media'))],
  ['S3-compatible bucket', () => openMediaStore({ DATA_DIR: work, S3_FORCE_PATH_STYLE: true, S3_ENDPOINT: s3.endpoint, ...s3.env('tenant-a') })],
];

describe.each(stores)('media store: %s', (_name, open) => {
  const source = async (content: string) => {
    const file = join(work, `source-${Math.random().toString(16).slice(2)}`);
    await writeFile(file, content);
    return file;
  };

  it('stores a file, tells its size and reads it whole or by byte range', async () => {
    const store = open();
    expect(await store.putFile('projects/p1/audio/a.txt', await source('0123456789'))).toBe(10);
    expect(await store.size('projects/p1/audio/a.txt')).toBe(10);
    expect(await text(await store.read('projects/p1/audio/a.txt'))).toBe('0123456789');
    expect(await text(await store.read('projects/p1/audio/a.txt', { start: 2, end: 5 }))).toBe('2345');
    expect(await text(await store.read('projects/p1/audio/a.txt', { start: 9, end: 9 }))).toBe('9');
  });

  it('moves a file in when asked, leaving no source behind', async () => {
    const store = open();
    const file = await source('moved');
    await store.putFile('projects/p1/moved.txt', file, true);
    await expect(readFile(file)).rejects.toThrow();
    expect(await text(await store.read('projects/p1/moved.txt'))).toBe('moved');
  });

  it('says a missing object is missing', async () => {
    const store = open();
    expect(await store.size('projects/none/x.wav')).toBeNull();
    await expect(store.read('projects/none/x.wav')).rejects.toBeInstanceOf(MissingMediaError);
    await expect(store.localFile('projects/none/x.wav', join(work, 'scratch'))).rejects.toBeInstanceOf(MissingMediaError);
  });

  it('gives ffmpeg a local file with the bytes', async () => {
    const store = open();
    await store.putFile('projects/p2/image/b.txt', await source('local bytes'));
    const scratch = join(work, `scratch-${Math.random().toString(16).slice(2)}`);
    const path = await store.localFile('projects/p2/image/b.txt', scratch);
    expect(await readFile(path, 'utf8')).toBe('local bytes');
  });

  it('removes one object, and a whole project prefix without touching its neighbours', async () => {
    const store = open();
    for (const key of ['projects/p3/a.txt', 'projects/p3/sub/b.txt', 'projects/p30/c.txt']) await store.putFile(key, await source(key));
    await store.remove('projects/p3/a.txt');
    expect(await store.size('projects/p3/a.txt')).toBeNull();
    await store.removePrefix('projects/p3');
    expect(await store.size('projects/p3/sub/b.txt')).toBeNull();
    expect(await store.size('projects/p30/c.txt')).toBe('projects/p30/c.txt'.length);
  });

  it('refuses keys that could leave the store', async () => {
    const store = open();
    for (const key of ['../etc/passwd', '/abs', 'projects/../../x', 'projects//x', '']) {
      await expect(store.size(key).then(() => store.read(key))).rejects.toThrow(/invalid media key/);
    }
  });
});

describe('S3 store specifics', () => {
  it('keeps every object under its prefix, so two deployments can share a bucket', async () => {
    const a = openMediaStore({ DATA_DIR: work, S3_FORCE_PATH_STYLE: true, ...s3.env('deploy-a') });
    const b = openMediaStore({ DATA_DIR: work, S3_FORCE_PATH_STYLE: true, ...s3.env('deploy-b') });
    const file = join(work, 'prefixed');
    await writeFile(file, 'only in a');
    await a.putFile('projects/p/x.txt', file);
    expect(await b.size('projects/p/x.txt')).toBeNull();
    expect(await a.size('projects/p/x.txt')).toBe(9);
  });

  it('writes a large file as a multipart upload that appears only when complete', async () => {
    const store = openMediaStore({ DATA_DIR: work, S3_FORCE_PATH_STYLE: true, ...s3.env('big') }) as S3MediaStore;
    const file = join(work, 'big.bin');
    await writeFile(file, Buffer.alloc(17 * 1024 * 1024, 7));
    const upload = store.putFile('projects/p/big.bin', file);
    expect(await store.size('projects/p/big.bin')).toBeNull();
    expect(await upload).toBe(17 * 1024 * 1024);
    expect(await store.size('projects/p/big.bin')).toBe(17 * 1024 * 1024);
    const tail = await text(await store.read('projects/p/big.bin', { start: 17 * 1024 * 1024 - 3, end: 17 * 1024 * 1024 - 1 }));
    expect(Buffer.from(tail)).toEqual(Buffer.from([7, 7, 7]));
  });

  it('hands out a presigned URL that serves the object without credentials', async () => {
    const store = openMediaStore({ DATA_DIR: work, S3_FORCE_PATH_STYLE: true, ...s3.env('signed') });
    const file = join(work, 'signed.txt');
    await writeFile(file, 'signed bytes');
    await store.putFile('projects/p/signed.txt', file);
    const url = await store.presignedUrl('projects/p/signed.txt', { expiresInSec: 60, contentType: 'text/plain', downloadName: 'x.txt' });
    expect(url).toMatch(/X-Amz-Signature=/);
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('signed bytes');
    const query = new URL(url!).searchParams;
    expect(query.get('X-Amz-Expires')).toBe('60');
    expect(query.get('response-content-disposition')).toBe('attachment; filename="x.txt"');
  });

  it('the local store has no presigned URLs and keeps no scratch copies', async () => {
    const store = new LocalMediaStore(join(work, 'media-local'));
    const file = join(work, 'l.txt');
    await writeFile(file, 'l');
    await store.putFile('projects/p/l.txt', file);
    expect(await store.presignedUrl()).toBeNull();
    const scratch = join(work, 'scratch-local');
    expect(await store.localFile('projects/p/l.txt')).toBe(store.pathOf('projects/p/l.txt'));
    expect(await readdir(scratch).catch(() => [])).toEqual([]);
  });
});
