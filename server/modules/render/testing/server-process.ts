import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/** `server/main.ts` (API and embedded worker) as its own process, answering /api/health. */
export async function startServerProcess(env: Record<string, string>, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 600) throw new Error('server did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, exited };
}

/** JSON over real HTTP with a session cookie, for tests against a server process. */
export function httpClient(baseUrl: string) {
  let cookie = '';
  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const session = response.headers.getSetCookie().find((c) => c.startsWith('rf_session='));
    if (session) cookie = session.split(';')[0]!;
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }
  return {
    call,
    async signUp() {
      const email = `crash-${Date.now()}-${Math.random().toString(16).slice(2)}@example.com`;
      const credentials = { email, password: 'correct horse battery' };
      await call('POST', '/api/auth/register', credentials);
      const response = await call('POST', '/api/auth/login', credentials);
      if (response.status !== 200) throw new Error(`register and sign in failed: ${JSON.stringify(response.body)}`);
    },
    /** Keeps the session when the server behind `baseUrl` is replaced by another process on a new port. */
    moveTo(url: string) {
      baseUrl = url;
    },
  };
}
