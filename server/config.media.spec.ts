import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { LocalMediaStore } from './adapters/storage/media-store.ts';
import { openMediaStore } from './adapters/storage/open-media-store.ts';
import { S3MediaStore } from './adapters/storage/s3-media-store.ts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('configuration for several processes', () => {
  it('refuses to start on a shared database without one SESSION_SECRET, and says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-config-'));
    const problems = problemsOf({ DATA_DIR: dir, DATABASE_URL: 'postgres://db/app' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SESSION_SECRET: required with DATABASE_URL\. Every API and worker process/);
    // Nothing generated behind the operator's back: another process could not know it.
    expect(existsSync(join(dir, 'session-secret'))).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://db/app', SESSION_SECRET: 's'.repeat(32) }).SESSION_SECRET).toBe('s'.repeat(32));
  });

  it('keeps the embedded default: media under DATA_DIR/media, a generated secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-config-'));
    const config = loadConfig({ DATA_DIR: dir });
    const store = openMediaStore(config);
    expect(store).toBeInstanceOf(LocalMediaStore);
    expect((store as LocalMediaStore).root).toBe(join(dir, 'media'));
    expect(config.SESSION_SECRET).toMatch(/^[0-9a-f]{64}$/);
  });

  it('opens the store MEDIA_STORE_URL names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-config-'));
    const local = openMediaStore(loadConfig({ DATA_DIR: dir, MEDIA_STORE_URL: `file://${join(dir, 'elsewhere')}` }));
    expect((local as LocalMediaStore).root).toBe(join(dir, 'elsewhere'));
    const s3 = openMediaStore(loadConfig({ DATA_DIR: dir, MEDIA_STORE_URL: 's3://media-bucket/reelforge/prod', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true' }));
    expect(s3).toBeInstanceOf(S3MediaStore);
    expect(s3.kind).toBe('s3');
  });

  it('names a bad store URL, endpoint or flag', () => {
    const problems = problemsOf({ DATA_DIR: '/tmp', MEDIA_STORE_URL: 'ftp://x/y', S3_ENDPOINT: 'minio:9000', S3_FORCE_PATH_STYLE: 'yes' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['MEDIA_STORE_URL', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE']);
    expect(problemsOf({ DATA_DIR: '/tmp', MEDIA_STORE_URL: 's3://' })[0]).toMatch(/^MEDIA_STORE_URL: must be file:\/\/\/absolute\/path or s3:\/\/bucket/);
  });
});
