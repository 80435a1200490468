import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  startedInMs: number;
  stop(): Promise<void>;
}

/** Starts the compiled server (`dist/server/main.js`, as `npm start` runs it) as its own process and waits until /api/health answers 200. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const startedInMs = performance.now() - started;
  return {
    url,
    process: child,
    startedInMs,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export function machineLine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

/** Replaces the section between `<!-- name:start -->` and `<!-- name:end -->` in BENCHMARKS.md. */
export function writeBenchmarkSection(name: string, markdown: string): void {
  const file = resolve(ROOT, 'BENCHMARKS.md');
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '# Benchmarks\n\nMeasured by `npm run bench` (not part of the tests). Each section says when and on what machine.\n';
  }
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  text = pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** Every process of a benchmark shares one secret, as an operator's processes do (required with DATABASE_URL). */
export const BENCH_SESSION_SECRET = 'bench-session-secret-0123456789abcdef0123456789';

/** Creates an account on a running server and signs in: the session cookie header. */
export async function signUpCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const post = (path: string) =>
    fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  await post('/api/auth/register');
  const signedIn = await post('/api/auth/login');
  if (!signedIn.ok) throw new Error(`sign-in after registering failed: HTTP ${signedIn.status}`);
  return signedIn.headers.get('set-cookie')!.split(';')[0]!;
}
