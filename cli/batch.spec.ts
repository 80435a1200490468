import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../server/adapters/ffmpeg/probe.ts';
import { parseBatchFile } from './batch-file.ts';
import { runCliProcess } from './testing/run-cli.ts';
import { ENGLISH_ARTICLE, RUSSIAN_ARTICLE } from './testing/texts.ts';

const STORY_PAGE = `<!doctype html><html lang="en"><head><title>Tram line opens in Eastbrook | Courier</title></head><body>
<article><h1>Tram line opens in Eastbrook</h1>
<p>The city of Eastbrook opened its new tram line on Monday. The line links the harbour with the university in twelve minutes.</p>
<p>Around nine thousand people rode it on the first day, twice what the planners expected. Tickets cost the same as the bus.</p>
<p>The council says two more lines will follow by 2028 if the first year goes well.</p>
</article></body></html>`;

describe('reelforge batch in this process', () => {
  let dir = '';
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-batch-'));
    server = createServer((request, response) => {
      if (request.url === '/story.html') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STORY_PAGE);
      else response.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    await rm(dir, { recursive: true, force: true });
  });

  it('reads plain and JSON lines, skipping blanks and comments; a broken JSON line is an entry that says why', () => {
    const entries = parseBatchFile('# news of the day\nhttps://example.com/a\n\n{"text": "Some text", "lang": "ru", "aspect": "1:1"}\n{"input": 3}\n{oops\n');
    expect(entries.map((e) => e.line)).toEqual([2, 4, 5, 6]);
    expect(entries[0]).toMatchObject({ input: { auto: 'https://example.com/a' }, error: null });
    expect(entries[1]).toMatchObject({ input: { text: 'Some text' }, options: { language: 'ru', aspect: '1:1' }, error: null });
    expect(entries[2]!.error).toMatch(/input/);
    expect(entries[3]!.error).toMatch(/not valid JSON/);
  });

  it('refuses bad arguments with exit code 2, and stops at once when the server cannot be reached', async () => {
    const list = join(dir, 'one.txt');
    await writeFile(list, '# only a comment\n\n');
    const empty = await runCliProcess(['batch', list, '-o', join(dir, 'none')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('lists no inputs');
    expect((await runCliProcess(['batch', list])).stderr).toContain('batch needs -o <dir>');
    await writeFile(list, 'First text to make a video from.\nSecond text to make a video from.\n');
    const offline = await runCliProcess(['batch', list, '-o', join(dir, 'none'), '--server', 'http://127.0.0.1:9', '--token', 'rf_x', '--json']);
    expect(offline.code).toBe(3);
    expect(JSON.parse(offline.stdout)).toMatchObject({ ok: false, error: { exitCode: 3 } });
  });

  it('makes one MP4 per input named from its title, reports the input that fails and goes on', async () => {
    await mkdir(join(dir, 'notes'));
    await writeFile(join(dir, 'notes', 'heat.md'), ENGLISH_ARTICLE);
    const lines = [
      `${origin}/story.html`,
      'notes/heat.md',
      JSON.stringify({ text: RUSSIAN_ARTICLE, lang: 'ru', aspect: '1:1' }),
      `${origin}/missing.html`,
    ];
    const list = join(dir, 'inputs.txt');
    await writeFile(list, `# three videos and one that cannot be made\n${lines.join('\n')}\n`);
    const out = join(dir, 'videos');
    const run = await runCliProcess(['batch', list, '-o', out, '--format', 'news', '--duration', '5', '--quality', 'draft', '--json'], {
      env: { FETCH_ALLOW_PRIVATE_HOSTS: origin.slice('http://'.length) },
      timeoutMs: 900_000,
    });
    expect(run.code, run.stderr.slice(-2000)).toBe(1);
    const summary = JSON.parse(run.stdout) as { ok: boolean; made: number; failed: number; items: Array<{ line: number; ok: boolean; video?: string; error?: string; language?: string }> };
    expect(summary).toMatchObject({ ok: false, made: 3, failed: 1, mode: 'local' });
    expect(summary.items.map((i) => [i.line, i.ok])).toEqual([[2, true], [3, true], [4, true], [5, false]]);
    expect(summary.items[3]!.error).toMatch(/404/);
    expect(summary.items[2]!.language).toBe('ru');

    const videos = (await readdir(out)).filter((f) => f.endsWith('.mp4')).sort();
    expect(videos).toHaveLength(3);
    expect(videos).toEqual(summary.items.slice(0, 3).map((i) => i.video!.split('/').pop()).sort());
    expect(videos).toContain('tram-line-opens-in-eastbrook.mp4');
    expect(videos.every((name) => /^[a-z0-9-]+\.mp4$/.test(name))).toBe(true);
    expect(videos.some((name) => name.startsWith('kopengagen'))).toBe(true);
    for (const name of videos) {
      const info = await probeMedia(join(out, name));
      const video = info.streams.find((s) => s.codecType === 'video');
      expect(video).toMatchObject({ codecName: 'h264', width: 1080, height: name.startsWith('kopengagen') ? 1080 : 1920 });
      expect(info.durationSec).toBeGreaterThan(2);
    }
    expect((await readdir(out)).filter((f) => f.includes('partial'))).toEqual([]);
  }, 900_000);
});
