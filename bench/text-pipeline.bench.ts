import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from '../contracts/jobs.ts';
import type { WriteScriptInput } from '../contracts/script.ts';
import { analyseOffline } from '../server/modules/analysis/offline-analyser.ts';
import { countWords } from '../server/modules/analysis/text-units.ts';
import { startNewsSite } from '../server/modules/news/testing/news-site.ts';
import { LONG_ARTICLE_TEXT } from '../server/modules/news/testing/stories.ts';
import { writeScriptOffline } from '../server/modules/writers/offline/write.ts';
import { regenerateSceneOffline } from '../server/modules/writers/offline/regenerate.ts';
import { extractArticle } from '../server/modules/sources/extract-article.ts';
import { machineLine, ROOT, round, signUpCookie, startServer, writeBenchmarkSection } from './lib.ts';

const RUNS = 30;
const API_RUNS = 5;
const TITLE = 'Eastbrook approves a 12 km tram line after 40 years of debate';

interface Timing {
  first: number;
  median: number;
  p95: number;
  cpuMedian: number;
}

/** Wall and CPU milliseconds of `fn`: the first (cold) call, then the median and p95 of RUNS warm calls. */
function measure(fn: () => unknown): Timing {
  const once = () => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    fn();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { wall, cpu: (used.user + used.system) / 1000 };
  };
  const first = once().wall;
  const runs = Array.from({ length: RUNS }, once);
  const walls = runs.map((r) => r.wall).sort((a, b) => a - b);
  const cpus = runs.map((r) => r.cpu).sort((a, b) => a - b);
  const at = (list: number[], q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!;
  return { first, median: at(walls, 0.5), p95: at(walls, 0.95), cpuMedian: at(cpus, 0.5) };
}

const row = (name: string, words: number, t: Timing) => `| ${name} | ${words} | ${round(t.first)} | ${round(t.median)} | ${round(t.p95)} | ${round(t.cpuMedian)} |`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function api(url: string, path: string, cookie: string, method = 'GET', body?: unknown) {
  const response = await fetch(`${url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

/** The whole flow through a running server: URL import, stage 1 applied (import + analysis), script job until done. */
async function apiFlow(): Promise<{ importMs: number; applyMs: number; scriptJobMs: number }> {
  const site = await startNewsSite();
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-bench-text-'));
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', FETCH_ALLOW_PRIVATE_HOSTS: site.hostKey });
  try {
    const cookie = await signUpCookie(server.url, `bench-${Date.now()}@example.com`, 'correct horse battery');
    const url = site.articleUrl('eastbrook-tram-line');
    const imports: number[] = [];
    const applies: number[] = [];
    const jobs: number[] = [];
    for (let i = 0; i < API_RUNS; i++) {
      let start = performance.now();
      await api(server.url, '/api/sources/import', cookie, 'POST', { url });
      imports.push(performance.now() - start);
      const project = await api(server.url, '/api/projects', cookie, 'POST', {});
      start = performance.now();
      await api(server.url, `/api/projects/${project.id}/source`, cookie, 'POST', { sourceType: 'url', url, format: 'hook-story' });
      applies.push(performance.now() - start);
      start = performance.now();
      let job = (await api(server.url, `/api/projects/${project.id}/script/generate`, cookie, 'POST', {})) as unknown as Job;
      while (job.state === 'queued' || job.state === 'running') {
        await new Promise((r) => setTimeout(r, 10));
        job = (await api(server.url, `/api/jobs/${job.id}`, cookie)) as unknown as Job;
      }
      if (job.state !== 'succeeded') throw new Error(`script job ${job.state}: ${job.error}`);
      jobs.push(performance.now() - start);
    }
    return { importMs: median(imports), applyMs: median(applies), scriptJobMs: median(jobs) };
  } finally {
    await server.stop();
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchTextPipeline(): Promise<void> {
  const load = loadavg()[0]!;
  const words = countWords(LONG_ARTICLE_TEXT);
  const input = (format: WriteScriptInput['format'], targetSec: number): WriteScriptInput => ({ text: LONG_ARTICLE_TEXT, title: TITLE, language: 'en', format, targetSec, sourceType: 'url' });
  const hookStory = input('hook-story', 40);
  const script = writeScriptOffline(hookStory);

  const analyse = measure(() => analyseOffline({ text: LONG_ARTICLE_TEXT, title: TITLE }, { now: () => new Date('2026-01-01T00:00:00Z') }));
  const writeHook = measure(() => writeScriptOffline(hookStory));
  const writeExplainer = measure(() => writeScriptOffline(input('explainer', 60)));
  const both = measure(() => {
    const analysis = analyseOffline({ text: LONG_ARTICLE_TEXT, title: TITLE });
    writeScriptOffline(input(analysis.recommendedFormat, 45));
  });
  const regenerate = measure(() => regenerateSceneOffline({ script, sceneId: script.scenes[2]!.id, source: hookStory }));

  const site = await startNewsSite();
  const page = await (await fetch(site.articleUrl('eastbrook-tram-line'))).text();
  await site.close();
  const fixtures = join(ROOT, 'server/modules/sources/__fixtures__');
  const ruPage = readFileSync(join(fixtures, 'ru-news-cluttered.html'), 'utf8');
  const enPage = readFileSync(join(fixtures, 'en-news-cluttered.html'), 'utf8');
  const extractLong = measure(() => extractArticle(page, { url: 'https://eastbrook.example/articles/tram' }));
  const extractEn = measure(() => extractArticle(enPage, { url: 'https://news.example/en' }));
  const extractRu = measure(() => extractArticle(ruPage, { url: 'https://news.example/ru' }));
  const flow = await apiFlow();

  const markdown = `## Text pipeline (stages 1-3)

Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}; load average ${round(load)} before the run (the machine is shared, so wall times vary; CPU time is the steadier figure).
In-process, milliseconds: the first call (cold), then the median, p95 and median CPU time of ${RUNS} further calls. The article is the ${words}-word
tram story of \`server/modules/news/testing/stories.ts\`. **Target: offline writer + analyser under 200 ms on a 1,000-word article.**

| step | words | first ms | median ms | p95 ms | CPU median ms |
|---|---|---|---|---|---|
${row('offline analyser', words, analyse)}
${row('offline writer, hook story 40 s', words, writeHook)}
${row('offline writer, explainer 60 s', words, writeExplainer)}
${row('**analyser + writer** (recommended format, 45 s)', words, both)}
${row('regenerate one scene', words, regenerate)}
${row('extraction: article page with clutter (Readability on linkedom)', countWords(extractArticle(page).text), extractLong)}
${row('extraction: en-news-cluttered.html fixture', countWords(extractArticle(enPage).text), extractEn)}
${row('extraction: ru-news-cluttered.html fixture', countWords(extractArticle(ruPage).text), extractRu)}

Through the API (a server process with the embedded worker and PGlite; the article served by a local HTTP site; median of ${API_RUNS}):

| request | median ms |
|---|---|
| \`POST /api/sources/import {url}\` (SSRF-checked fetch + extraction) | ${round(flow.importMs)} |
| \`POST /api/projects/:id/source\` (fetch, extraction, analysis, steps 1-2 written, stage moved) | ${round(flow.applyMs)} |
| \`POST /api/projects/:id/script/generate\` until the job has written step 3 (queue pickup included; polled every 10 ms) | ${round(flow.scriptJobMs)} |
`;
  writeBenchmarkSection('text-pipeline', markdown);
  console.log(markdown);
}
