// Starts the API server for the browser tests on a fresh, temporary DATA_DIR (embedded PGlite)
// and removes that directory when the server stops. Playwright's webServer runs this.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_ENTRIES, buildEntries } from '../../scripts/build-server.mjs';

const port = process.env.E2E_PORT;
if (!port) {
  console.error('e2e/support/server.mjs: E2E_PORT is not set (playwright.config.ts sets it)');
  process.exit(2);
}

const dataDir = mkdtempSync(join(tmpdir(), 'reelforge-e2e-'));
// The browser tests run the server as `npm start` does: compiled to plain JavaScript.
await buildEntries(SERVER_ENTRIES, 'dist/server');
const child = spawn(process.execPath, ['dist/server/main.js'], {
  stdio: 'inherit',
  // The browser tests drive the voice screens with espeak-ng, fast and exact on two cores; festival,
  // the default where installed, is covered by its own tests (server/adapters/tts/festival).
  env: { ...process.env, PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', FESTIVAL_PATH: '/nonexistent/festival' },
});

const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 0 : 1));
});
