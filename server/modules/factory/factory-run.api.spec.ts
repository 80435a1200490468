import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { type NewsSite, startNewsSite } from '../news/testing/news-site.ts';
import { STORIES } from '../news/testing/stories.ts';
import type { WritersService } from '../writers/writers.service.ts';
import { FeedsRepository } from '../feeds/feeds.repository.ts';
import { FactoryRepository } from './factory.repository.ts';
import { FactoryRunService } from './factory-run.service.ts';
import { FactorySettingsService } from './factory-settings.service.ts';
import { draftCostMicros } from './spend.ts';
import { api, draftsOf, follow, runsOf, setRules, settingsOf, storyLike } from './testing/factory-fixtures.ts';

const [TRAM, OCTOPUS, LIBRARY, COMMITTEE, VELOPARK] = STORIES as [(typeof STORIES)[number], ...typeof STORIES];

describe.each(DATABASE_KINDS)('content factory runs on %s', (kind) => {
  let t: TestApp;
  let site: NewsSite;
  beforeAll(async () => {
    site = await startNewsSite();
    t = await createTestApp(kind, { env: { FETCH_ALLOW_PRIVATE_HOSTS: site.hostKey } });
  });
  afterAll(async () => {
    await t?.close();
    await site?.close();
  });

  it('files drafts only for fresh stories that match, logs every step, and never takes a story up twice', async () => {
    site.stories = [TRAM!, OCTOPUS!, LIBRARY!, COMMITTEE!, VELOPARK!];
    const { cookie, user } = await signUp(t.app);
    await follow(t, cookie, site.feedUrl);
    await setRules(t, cookie, { excludeKeywords: ['octopus'], maxItemAgeHours: 48 });

    const first = await t.context.factory.runs.run(user.id, 'manual');
    expect(first).toMatchObject({ considered: 2, filed: 2, failed: 0, stoppedBy: null });
    const drafts = await draftsOf(t, cookie);
    expect(drafts.map((d) => d.title).sort()).toEqual([TRAM!.title, VELOPARK!.title].sort());
    for (const draft of drafts) {
      expect(draft.scenes.length).toBeGreaterThanOrEqual(3);
      expect(draft.scenes[0]!.role).toBe('hook');
      expect(draft.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['length', 'language', 'lead-facts', 'fragments', 'tone']));
      expect(draft.why.map((w) => w.code)).toEqual(expect.arrayContaining(['score', 'fresh']));
      expect(draft.versions).toHaveLength(1);
    }
    expect(drafts.find((d) => d.title === VELOPARK!.title)!.language).toBe('ru');
    // The full article was fetched through the source import (the feed has only a summary).
    expect(site.requests).toContain(`/articles/${TRAM!.slug}`);

    const [run] = await runsOf(t, cookie);
    expect(run!.status).toBe('done');
    for (const item of run!.items) {
      const steps = item.log.map((l) => l.step);
      expect(steps[0]).toBe('fetched');
      expect(steps).toContain('scored');
      expect(steps).toContain('written');
      expect(steps.at(-1)).toBe('filed');
      expect(item.log.find((l) => l.step === 'scored')!.vars!.score).toBe(drafts.find((d) => d.title === item.title)!.score);
    }

    const again = await t.context.factory.runs.run(user.id, 'manual');
    expect(again).toMatchObject({ considered: 0, filed: 0 });
    site.stories = [storyLike(1, 'Eastbrook orders 20 new trams for its second line', 2), ...site.stories];
    const third = await t.context.factory.runs.run(user.id, 'manual');
    expect(third).toMatchObject({ considered: 1, filed: 1 });
    expect(await draftsOf(t, cookie)).toHaveLength(3);
  });

  it('writes from the feed when it carries the whole article, and fetches nothing', async () => {
    const full = { ...storyLike(50, 'Eastbrook tram line: the full story', 2), summary: TRAM!.paragraphs.slice(0, 6).join(' ') };
    site.stories = [full];
    const { cookie, user } = await signUp(t.app);
    await follow(t, cookie, site.feedUrl);
    await setRules(t, cookie, {});
    site.requests.length = 0;
    expect(await t.context.factory.runs.run(user.id, 'manual')).toMatchObject({ filed: 1 });
    expect(site.requests).not.toContain(`/articles/${full.slug}`);
    const [item] = (await runsOf(t, cookie))[0]!.items;
    expect(item!.log[0]!.step).toBe('feed-text');
    expect(Number(item!.log[0]!.vars!.words)).toBeGreaterThanOrEqual(250);
  });

  it('skips stories below the minimum score and says why', async () => {
    site.stories = [TRAM!];
    const { cookie, user } = await signUp(t.app);
    await follow(t, cookie, site.feedUrl);
    await setRules(t, cookie, { minScore: 100 });
    const summary = await t.context.factory.runs.run(user.id, 'manual');
    expect(summary).toMatchObject({ considered: 1, filed: 0, skipped: 1 });
    const [item] = (await runsOf(t, cookie))[0]!.items;
    expect(item!.status).toBe('skipped');
    expect(item!.log.at(-1)).toMatchObject({ step: 'below-score', vars: { minScore: 100 } });
    expect((await settingsOf(t, cookie)).usage.draftsToday).toBe(0);
  });

  it('keeps the daily limit under two concurrent runs, and each story goes to one run only', async () => {
    site.stories = Array.from({ length: 6 }, (_, i) => storyLike(100 + i, `Tram line ${i + 1} gets a council vote of 31 to 9`, i + 1));
    const { cookie, user } = await signUp(t.app);
    await follow(t, cookie, site.feedUrl);
    await setRules(t, cookie, { draftsPerDay: 2 });
    const runs = await Promise.all([t.context.factory.runs.run(user.id, 'manual'), t.context.factory.runs.run(user.id, 'schedule')]);
    expect(runs[0]!.filed + runs[1]!.filed).toBe(2);
    expect(runs.map((r) => r.stoppedBy)).toEqual(['daily-limit', 'daily-limit']);
    expect(await draftsOf(t, cookie)).toHaveLength(2);
    const items = (await runsOf(t, cookie)).flatMap((r) => r.items);
    expect(new Set(items.map((i) => i.feedItemId)).size).toBe(items.length);
    expect((await settingsOf(t, cookie)).usage.draftsToday).toBe(2);
  });

  it('keeps the monthly budget under two concurrent runs with a priced LLM writer', async () => {
    site.stories = Array.from({ length: 6 }, (_, i) => storyLike(200 + i, `Council backs tram stop number ${i + 1}`, i + 1));
    const { cookie, user } = await signUp(t.app);
    await follow(t, cookie, site.feedUrl);
    // The writer reports a priced provider while writing offline, so the spend is counted without a network.
    const real = t.context.textPipeline.writers;
    const priced = { describe: async () => ({ kind: 'openai', source: 'server', model: 'm', baseUrl: null }), forUser: (id: string) => real.forUser(id) } as unknown as WritersService;
    const { feeds, news, analysis } = t.context.textPipeline;
    const repository = new FactoryRepository(t.context.database);
    const settings = new FactorySettingsService(repository, new FeedsRepository(t.context.database.db), t.context.clock);
    const runs = new FactoryRunService({ repository, settings, feeds, news, analysis, writers: priced, clock: t.context.clock, prices: { inputPerMTok: 5, outputPerMTok: 15 } });
    // Room for two drafts and a half: the articles are not fetched yet, so each reserves the estimate for an average article.
    const oneDraft = draftCostMicros('openai', { inputPerMTok: 5, outputPerMTok: 15 }, 6000, 60) / 1_000_000;
    await setRules(t, cookie, { monthlyBudget: oneDraft * 2.5, draftsPerDay: 50 });
    const results = await Promise.all([runs.run(user.id, 'manual'), runs.run(user.id, 'schedule')]);
    const filed = results[0]!.filed + results[1]!.filed;
    expect(filed).toBe(2);
    expect(results.map((r) => r.stoppedBy)).toContain('budget');
    const usage = (await settingsOf(t, cookie)).usage;
    expect(usage.spentThisMonth).toBeCloseTo(oneDraft * 2, 6);
    expect(await draftsOf(t, cookie)).toHaveLength(filed);
  });

  it('refuses bad rules naming the field, and changes nothing', async () => {
    const { cookie } = await signUp(t.app);
    await setRules(t, cookie, { draftsPerDay: 4 });
    const bad = await api<{ error: { code: string; message: string } }>(t, cookie, 'PUT', '/api/factory/rules', { ...(await settingsOf(t, cookie)).rules, minLengthSec: 90, maxLengthSec: 30 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('maxLengthSec');
    const foreignFeed = await api<{ error: { message: string } }>(t, cookie, 'PUT', '/api/factory/rules', { ...(await settingsOf(t, cookie)).rules, feedIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(foreignFeed.status).toBe(400);
    expect(foreignFeed.body.error.message).toContain('feedIds.0');
    const rules = (await settingsOf(t, cookie)).rules;
    expect(rules).toMatchObject({ draftsPerDay: 4, minLengthSec: 15, feedIds: [] });
  });
});
