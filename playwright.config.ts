import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/** A port free right now, found synchronously (the config cannot await). */
function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

// The config is evaluated again in each worker; the environment carries the runner's choice over.
process.env.E2E_PORT ??= String(freePort());
// The local news site some browser tests start: the server may fetch it although it is on loopback.
process.env.E2E_NEWS_PORT ??= String(freePort());
// The fake Pexels API and article site of the storyboard browser test, started by that test.
process.env.E2E_STOCK_PORT ??= String(freePort());
process.env.PEXELS_BASE_URL ??= `http://127.0.0.1:${process.env.E2E_STOCK_PORT}`;
process.env.PEXELS_API_KEY ??= 'e2e-pexels-key';
// The fake OpenAI-compatible transcription server of the media-source browser test (an operator URL, so reachable on loopback).
process.env.E2E_STT_PORT ??= String(freePort());
process.env.OPENAI_STT_BASE_URL ??= `http://127.0.0.1:${process.env.E2E_STT_PORT}/v1`;
process.env.FETCH_ALLOW_PRIVATE_HOSTS ??= `127.0.0.1:${process.env.E2E_NEWS_PORT},127.0.0.1:${process.env.E2E_STOCK_PORT}`;
// Everything the test server prints; the global teardown fails the run on error or warning lines.
process.env.E2E_SERVER_LOG ??= resolve('test-results-server/server.log');
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is not available here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node e2e/support/server.mjs',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
