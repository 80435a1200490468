import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalMediaStore, type MediaStore } from './media-store.ts';
import { S3MediaStore } from './s3-media-store.ts';

export interface MediaStoreSettings {
  DATA_DIR: string;
  MEDIA_STORE_URL?: string;
  S3_ENDPOINT?: string;
  S3_FORCE_PATH_STYLE: boolean;
  AWS_ACCESS_KEY_ID?: string;
  AWS_SECRET_ACCESS_KEY?: string;
  AWS_REGION?: string;
}

/** The store MEDIA_STORE_URL names: file:///path, s3://bucket/prefix, or DATA_DIR/media when unset. */
export function openMediaStore(settings: MediaStoreSettings): MediaStore {
  const url = settings.MEDIA_STORE_URL;
  if (!url) return new LocalMediaStore(join(settings.DATA_DIR, 'media'));
  if (url.startsWith('file://')) return new LocalMediaStore(fileURLToPath(url));
  const parsed = new URL(url);
  return new S3MediaStore({
    bucket: parsed.hostname,
    prefix: decodeURIComponent(parsed.pathname).replace(/^\/+|\/+$/g, ''),
    endpoint: settings.S3_ENDPOINT,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE,
    region: settings.AWS_REGION,
    credentials:
      settings.AWS_ACCESS_KEY_ID && settings.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: settings.AWS_ACCESS_KEY_ID, secretAccessKey: settings.AWS_SECRET_ACCESS_KEY }
        : undefined,
  });
}
