import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';

function runSecondProcess(dir: string): Promise<{ code: number | null; output: string }> {
  const script = `import { openDatabase } from './server/db/client.ts';
    try { await openDatabase({ pgliteDir: ${JSON.stringify(dir)} }); console.log('OPENED'); process.exit(0); }
    catch (e) { console.log(e.message); process.exit(3); }`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd() });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('embedded database directory lock', () => {
  it('refuses a second process on the same directory with a clear message, and frees it on close', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rf-lock-')), 'db');
    const first = await openDatabase({ pgliteDir: dir });
    try {
      const second = await runSecondProcess(dir);
      expect(second.code).toBe(3);
      expect(second.output).toContain('already open in another ReelForge process');
      expect(second.output).toContain(`pid ${process.pid}`);
    } finally {
      await first.close();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const third = await runSecondProcess(dir);
    expect(third.output).toContain('OPENED');
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rf-lock-')), 'db');
    const { hostname } = await import('node:os');
    writeFileSync(`${dir}.lock`, `999999@${hostname()}`);
    const handle = await openDatabase({ pgliteDir: dir });
    await handle.ping();
    await handle.close();
  });
});
