import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('applies defaults and keeps a generated session secret in DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-config-'));
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ PORT: 5000, LOG_LEVEL: 'info', EMBEDDED_WORKER: true });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SESSION_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(config.SESSION_SECRET);
    expect(loadConfig({ DATA_DIR: dir }).SESSION_SECRET).toBe(config.SESSION_SECRET);
  });

  it('lists every invalid variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', SESSION_SECRET: 'short', EMBEDDED_WORKER: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'SESSION_SECRET', 'EMBEDDED_WORKER']) expect(problems).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(5);
  });

  it('treats empty variables as unset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-config-'));
    const config = loadConfig({ DATA_DIR: dir, PORT: '', DATABASE_URL: '' });
    expect(config.PORT).toBe(5000);
    expect(config.DATABASE_URL).toBeUndefined();
  });
});
