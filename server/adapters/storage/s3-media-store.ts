import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type ByteRange, checkMediaKey, type MediaStore, MissingMediaError, type PresignOptions } from './media-store.ts';

export interface S3StoreOptions {
  bucket: string;
  /** Every key is stored under this prefix (no leading or trailing slash); '' for the bucket's root. */
  prefix: string;
  /** For stores other than AWS (MinIO, R2, Ceph...); the SDK's default endpoint otherwise. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Credentials and region come from the SDK's standard chain (AWS_ACCESS_KEY_ID, AWS_REGION...) when absent. */
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const notFound = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);

/** An S3-compatible bucket shared by every API and worker process (AWS SDK v3). */
export class S3MediaStore implements MediaStore {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
      credentials: options.credentials,
      // Checksums only where S3 requires them: many S3-compatible stores reject the SDK's newer
      // default (CRC32 trailers on every upload).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private objectKey(key: string): string {
    checkMediaKey(key);
    return this.options.prefix ? `${this.options.prefix}/${key}` : key;
  }

  /** One object, whole or multipart: S3 makes it visible only once the upload completes. */
  async putFile(key: string, sourceFile: string, move = false): Promise<number> {
    const { size } = await stat(sourceFile);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: this.objectKey(key), Body: createReadStream(sourceFile), ContentLength: size },
      partSize: 8 * 1024 * 1024,
      queueSize: 2,
    });
    await upload.done();
    if (move) await rm(sourceFile, { force: true });
    return size;
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if (notFound(error)) throw new MissingMediaError(key);
      throw error;
    }
  }

  async size(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
  }

  async removePrefix(prefix: string): Promise<void> {
    const listed = `${this.objectKey(prefix)}/`;
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: listed, ContinuationToken: token }));
      const keys = (page.Contents ?? []).map((object) => ({ Key: object.Key! }));
      if (keys.length > 0) await this.client.send(new DeleteObjectsCommand({ Bucket: this.options.bucket, Delete: { Objects: keys, Quiet: true } }));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async localFile(key: string, scratchDir: string): Promise<string> {
    await mkdir(scratchDir, { recursive: true });
    const target = join(scratchDir, `${randomUUID()}-${basename(key)}`);
    const temp = `${target}.part`;
    try {
      await pipeline(await this.read(key), createWriteStream(temp));
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
    return target;
  }

  async presignedUrl(key: string, options: PresignOptions): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.options.bucket,
      Key: this.objectKey(key),
      ResponseContentType: options.contentType,
      ResponseContentDisposition: options.downloadName ? `attachment; filename="${options.downloadName}"` : undefined,
    });
    return getSignedUrl(this.client, command, { expiresIn: options.expiresInSec });
  }

  /** Closes the SDK's sockets (tests, shutdown). */
  close(): void {
    this.client.destroy();
  }
}
