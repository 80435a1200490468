import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Draft, FactoryRun } from '../contracts/factory.ts';
import type { Job } from '../contracts/jobs.ts';
import { OPEN_RULES, storyLike } from '../server/modules/factory/testing/factory-fixtures.ts';
import { startNewsSite } from '../server/modules/news/testing/news-site.ts';
import { STORIES } from '../server/modules/news/testing/stories.ts';
import { machineLine, round, signUpCookie, startServer, writeBenchmarkSection } from './lib.ts';

const ITEMS = 50;
/** The five stories of the fake news site (four English, one Russian), each published ten times under new titles. */
const FEED = Array.from({ length: ITEMS }, (_, i) => {
  const base = STORIES[i % STORIES.length]!;
  return storyLike(1000 + i, `${base.title} (${i + 1})`, 1 + (i % 40), base);
});

async function api<T>(url: string, path: string, cookie: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

/**
 * Drafts per minute offline: one "run now" over a feed of 50 fresh stories, through a server
 * process (embedded worker, PGlite) as `npm start` runs it: every story fetched from the local
 * site, scored, written, checked (and retried when a check fails) and filed.
 */
export async function benchFactory(): Promise<void> {
  const site = await startNewsSite({ stories: FEED });
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-bench-factory-'));
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', FETCH_ALLOW_PRIVATE_HOSTS: site.hostKey });
  try {
    const cookie = await signUpCookie(server.url, `bench-factory-${Date.now()}@example.com`, 'correct horse battery');
    await api(server.url, '/api/feeds', cookie, 'POST', { url: site.feedUrl });
    await api(server.url, '/api/factory/rules', cookie, 'PUT', { ...OPEN_RULES, draftsPerDay: 100, formats: ['news', 'hook-story', 'explainer', 'listicle', 'comparison', 'hot-take'] });
    const load = loadavg()[0]!;
    const started = performance.now();
    let job = await api<Job>(server.url, '/api/factory/run', cookie, 'POST');
    while (!['succeeded', 'failed', 'cancelled'].includes(job.state)) {
      await new Promise((r) => setTimeout(r, 100));
      job = await api<Job>(server.url, `/api/jobs/${job.id}`, cookie);
    }
    const seconds = (performance.now() - started) / 1000;
    if (job.state !== 'succeeded') throw new Error(`the run ${job.state}: ${job.error}`);
    const [run] = await api<FactoryRun[]>(server.url, '/api/factory/runs', cookie);
    const drafts = await api<Draft[]>(server.url, '/api/factory/drafts?status=all', cookie);
    const retried = run!.items.filter((i) => i.log.some((l) => l.step === 'retried')).length;
    const passing = drafts.filter((d) => d.checks.every((c) => c.ok)).length;
    const perMinute = drafts.length / (seconds / 60);
    console.log(`${drafts.length} drafts in ${round(seconds)} s: ${round(perMinute)} drafts/min (${retried} retried, ${passing} pass every check)`);
    writeBenchmarkSection(
      'factory',
      `## Content factory: drafts per minute offline (\`bench/factory.bench.ts\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}; load average ${round(load)} before the run (the machine is shared).
One "run now" through a server process (embedded worker, PGlite, offline writer and analyser) over a feed of ${ITEMS} fresh stories
served by a local HTTP site: each story's article fetched (SSRF-checked), scored, written, checked, retried once when a check
failed, and filed. Timed from \`POST /api/factory/run\` until its job ended (feed refresh included).

| stories | drafts filed | retried once | pass every check | wall s | **drafts per minute** |
|---|---|---|---|---|---|
| ${ITEMS} | ${drafts.length} | ${retried} | ${passing} | ${round(seconds)} | **${round(perMinute)}** |`,
    );
  } finally {
    await server.stop();
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
