import { createServer } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from './testing/run-cli.ts';

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('reelforge exits non-zero with a clear message', () => {
  let dir = '';
  let text = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-cli-errors-'));
    text = join(dir, 'a.txt');
    await writeFile(text, 'Oil prices hit a record today.');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    [[], 2, /Usage:/],
    [['explode'], 2, /unknown command "explode"/],
    [['make'], 2, /make takes one input/],
    [['make', 'in.txt'], 2, /make needs -o <out.mp4>/],
    [['make', 'missing.txt', '-o', 'out.mp4'], 2, /no such file: missing.txt/],
    [['make', 'slides.pdf', '-o', 'out.mp4'], 2, /must be a .txt, .md or .html file, an http\(s\) URL, or -/],
    [['make', 'ftp://example.com/a', '-o', 'out.mp4'], 2, /only http\(s\) URLs/],
    [['make', '-', '-o', 'out.mp4'], 2, /standard input is empty/],
    [['make', 'in.txt', '-o', '/no/such/folder/out.mp4'], 2, /the folder \/no\/such\/folder does not exist/],
    [['make', 'in.txt', '-o', 'out.mp4', '--aspect', '4:3'], 2, /--aspect must be one of 9:16, 1:1, 16:9, not "4:3"/],
    [['make', 'in.txt', '-o', 'out.mp4', '--lang', 'de'], 2, /--lang must be one of en, ru/],
    [['make', 'in.txt', '-o', 'out.mp4', '--duration', '2'], 2, /--duration must be a whole number of seconds from 5 to 600/],
    [['make', 'in.txt', '-o', 'out.mp4', '--colour', 'red'], 2, /make: Unknown option '--colour'/],
    [['make', 'in.txt', '-o', 'out.mp4', '--server', 'http://localhost:1'], 2, /--server needs --token/],
    [['projects'], 2, /projects talks to a running server: pass --server URL --token T/],
    [['status', 'not-a-job', '--server', 'http://localhost:1', '--token', 't'], 2, /"not-a-job" is not a job id/],
  ])('reelforge %j exits %i', async (args, code, message) => {
    const run = await runCliProcess(args as string[]);
    expect(run.code).toBe(code);
    expect(`${run.stdout}${run.stderr}`).toMatch(message);
  });

  it('says so when the voice is unknown, naming the voices there are', async () => {
    const run = await runCliProcess(['make', text, '-o', join(dir, 'v.mp4'), '--voice', 'nobody', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown voice "nobody"; voices for en: .*en-us/);
  });

  it('says why a local voice model cannot be used before making anything', async () => {
    const models = join(dir, 'models');
    await mkdir(join(models, 'half-en'), { recursive: true });
    await writeFile(join(models, 'half-en', 'model.onnx'), 'not a model');
    const run = await runCliProcess(['make', text, '-o', join(dir, 'l.mp4'), '--voice', 'local:half-en', '--lang', 'en'], { env: { VOICE_MODELS_DIR: models } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the voice "local:half-en" cannot be used: tokens.txt, espeak-ng-data\/ or lexicon.txt missing in half-en\//);
  });

  it('exits 3 when the server cannot be reached, with the reason as JSON under --json', async () => {
    const port = await closedPort();
    const run = await runCliProcess(['projects', '--server', `http://127.0.0.1:${port}`, '--token', 'rf_x', '--json']);
    expect(run.code).toBe(3);
    const body = JSON.parse(run.stdout) as { ok: boolean; error: { message: string; exitCode: number } };
    expect(body).toMatchObject({ ok: false, error: { exitCode: 3 } });
    expect(body.error.message).toMatch(new RegExp(`cannot reach the server at http://127.0.0.1:${port}: ECONNREFUSED`));
  });
});
