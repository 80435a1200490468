import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { processStartTicks } from './data-dir-lock.ts';

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

  const lockedDir = () => join(mkdtempSync(join(tmpdir(), 'rf-lock-')), 'db');
  const lockOf = (pid: number, host = hostname(), startTicks: string | null = null) => JSON.stringify({ pid, host, startTicks });

  it('takes over a lock whose holder is a zombie (exited, not yet reaped)', async () => {
    // The forked child exits at once; its parent sleeps without ever waiting for it, so it stays a zombie.
    const script = 'import os, time\npid = os.fork()\nif pid == 0:\n    os._exit(0)\nprint(pid, flush=True)\ntime.sleep(30)';
    const shell = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number(await new Promise<string>((resolve) => shell.stdout.once('data', (d) => resolve(String(d)))));
      for (let i = 0; i < 100 && !readFileSync(`/proc/${zombie}/stat`, 'utf8').includes(') Z '); i++) await new Promise((r) => setTimeout(r, 20));
      expect(readFileSync(`/proc/${zombie}/stat`, 'utf8')).toContain(') Z ');
      const dir = lockedDir();
      writeFileSync(`${dir}.lock`, `${zombie}@${hostname()}`);
      const handle = await openDatabase({ pgliteDir: dir });
      await handle.close();
    } finally {
      shell.kill('SIGKILL');
    }
  });

  it('takes over a lock whose pid now belongs to another process (start time differs)', async () => {
    const dir = lockedDir();
    const ownStart = processStartTicks(process.pid)!;
    expect(ownStart).toMatch(/^\d+$/);
    // The parent (the test runner) is alive, but started at another time than the one recorded.
    writeFileSync(`${dir}.lock`, lockOf(process.ppid, hostname(), String(Number(processStartTicks(process.ppid)) + 1)));
    const handle = await openDatabase({ pgliteDir: dir });
    expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8'))).toEqual({ pid: process.pid, host: hostname(), startTicks: ownStart });
    await handle.close();
  });

  it('refuses a lock held by a live process, naming the pid, the host and the file to delete', async () => {
    const dir = lockedDir();
    writeFileSync(`${dir}.lock`, lockOf(process.ppid, hostname(), processStartTicks(process.ppid)));
    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(
      `pid ${process.ppid} on host ${hostname()}). PGlite allows one process per data directory: stop that process, use another DATA_DIR, or set DATABASE_URL to share a PostgreSQL server between processes. If pid ${process.ppid} is not ReelForge, delete ${dir}.lock and start again.`,
    );
  });

  it("refuses another host's lock, saying to delete the file if that host is gone", async () => {
    const dir = lockedDir();
    writeFileSync(`${dir}.lock`, lockOf(4242, 'render-box-7', '123'));
    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(
      `(pid 4242 on host render-box-7). PGlite allows one process per data directory: stop that process, use another DATA_DIR, or set DATABASE_URL to share a PostgreSQL server between processes. This host cannot tell whether that process still runs: if host render-box-7 is gone or ReelForge is stopped there, delete ${dir}.lock and start again.`,
    );
    expect(existsSync(`${dir}.lock`)).toBe(true);
  });
});
