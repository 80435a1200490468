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

describe('proxy and origin settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rf-config-'));
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig({ DATA_DIR: dir, ...env });
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('trusts no proxy by default, a hop count, or a list of addresses, CIDRs and named ranges', () => {
    expect(loadConfig({ DATA_DIR: dir }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '10.0.0.0/8, ::1,loopback' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '::1', 'loopback']);
  });

  it('refuses TRUST_PROXY=true and entries that are not addresses, naming them', () => {
    expect(problemsOf({ TRUST_PROXY: 'true' })[0]).toMatch(/^TRUST_PROXY: must be false, a hop count/);
    expect(problemsOf({ TRUST_PROXY: '10.0.0.1,proxy.example,10.0.0.0/33' })[0]).toContain('not an address: proxy.example, 10.0.0.0/33');
  });

  it('reads ALLOWED_ORIGINS as origins and refuses URLs with a path', () => {
    expect(loadConfig({ DATA_DIR: dir, ALLOWED_ORIGINS: 'https://App.example.com:443, http://localhost:5173' }).ALLOWED_ORIGINS).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    expect(problemsOf({ ALLOWED_ORIGINS: 'https://app.example.com/login' })[0]).toContain('"https://app.example.com/login" is not an origin');
    expect(problemsOf({ ALLOWED_ORIGINS: 'app.example.com' })).toHaveLength(1);
  });
});
