// Starts the API server for the browser tests on a fresh, temporary DATA_DIR (embedded PGlite)
// and removes that directory when the server stops. Playwright's webServer runs this.
// Everything the server prints goes to E2E_SERVER_LOG as well (e2e/support/server-log.ts reads it).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SERVER_ENTRIES, buildEntries } from '../../scripts/build-server.mjs';

const port = process.env.E2E_PORT;
const logPath = process.env.E2E_SERVER_LOG;
if (!port || !logPath) {
  console.error('e2e/support/server.mjs: E2E_PORT or E2E_SERVER_LOG is not set (playwright.config.ts sets them)');
  process.exit(2);
}

const dataDir = mkdtempSync(join(tmpdir(), 'reelforge-e2e-'));
mkdirSync(dirname(logPath), { recursive: true });
const log = createWriteStream(logPath, { flags: 'w' });
// The browser tests run the server as `npm start` does: compiled to plain JavaScript.
await buildEntries(SERVER_ENTRIES, 'dist/server');
const child = spawn(process.execPath, ['dist/server/main.js'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  // The browser tests drive the voice screens with espeak-ng, fast and exact on two cores; festival,
  // the default where installed, is covered by its own tests (server/adapters/tts/festival).
  env: { ...process.env, PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info', FESTIVAL_PATH: '/nonexistent/festival' },
});
for (const [stream, echo] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
]) {
  stream.on('data', (chunk) => {
    log.write(chunk);
    echo.write(chunk);
  });
}

const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  cleanUp();
  log.end(() => process.exit(code ?? (signal ? 0 : 1)));
});
