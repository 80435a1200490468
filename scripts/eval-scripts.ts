/*
 * The offline writer's quality harness: every page of ../shared/corpus/articles (extracted with the
 * sources importer) and the Russian fixtures, through analysis and the writer, with the checks a
 * viewer would make. `npm run eval:scripts [-- --show]` (--show prints every script's best variants).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../contracts/formats.ts';
import { extractArticle } from '../server/modules/sources/extract-article.ts';
import { evaluatePage, pageProblems, type PageInput, type PageReport } from '../server/modules/writers/quality/evaluate.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const CORPUS = process.env.CORPUS_DIR ?? join(ROOT, '../shared/corpus/articles');
const RU_FIXTURES = join(ROOT, 'server/modules/writers/__fixtures__/ru');
const show = process.argv.includes('--show');

function pagesIn(dir: string): Array<PageInput | { name: string; skipped: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.html$/, '');
      const expected = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { lang?: string | null };
      const declared = expected.lang?.slice(0, 2).toLowerCase();
      if (declared && declared !== 'en' && declared !== 'ru') return { name, skipped: `language ${expected.lang} (the writer speaks en and ru)` };
      try {
        const article = extractArticle(readFileSync(join(dir, file), 'utf8'));
        return { name, title: article.title, text: article.text, language: (declared ?? article.language) as Language, ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}) };
      } catch (error) {
        return { name, skipped: `extraction failed: ${(error as Error).message}` };
      }
    });
}

const pct = (n: number) => `${Math.round(n * 100)}%`;
const pages = [...pagesIn(CORPUS), ...pagesIn(RU_FIXTURES)];
const reports: PageReport[] = [];
const rows: string[] = ['| page | lang | kind | format | tone | furniture | fragments | lead facts | title words | length | result |', '|---|---|---|---|---|---|---|---|---|---|---|'];
for (const page of pages) {
  if ('skipped' in page) {
    rows.push(`| ${page.name} | | | | | | | | | | skipped: ${page.skipped} |`);
    continue;
  }
  const report = evaluatePage(page);
  reports.push(report);
  const problems = pageProblems(report);
  console.log(`\n## ${report.name} (${report.language}, ${report.kind}${report.grave ? ', grave' : ''}) -> ${report.format}, ${report.script.totalWords} words`);
  console.log(`  furniture: ${report.furniture ?? 'none'}; fragments: ${report.fragment ?? 'none'}; flippant: ${report.flippant ?? 'none'}`);
  console.log(`  lead facts: ${pct(report.leadFacts)}; title words: ${pct(report.titleWords)}; length: ${report.lengthDeviation >= 0 ? '+' : ''}${pct(report.lengthDeviation)}`);
  if (report.extractionFurniture.length) console.log(`  extraction left furniture in the text: ${report.extractionFurniture.map((p) => JSON.stringify(p.slice(0, 60))).join(', ')}`);
  if (show) for (const scene of report.script.scenes) console.log(`    [${scene.role}] ${scene.variants[0]?.text}`);
  rows.push(
    `| ${report.name} | ${report.language} | ${report.kind} | ${report.format}${report.oldNews ? " (dated)" : ""} | ${report.grave ? 'grave' : 'normal'} | ${report.furniture ? 'yes' : 'none'} | ${report.fragment ? 'yes' : 'none'} | ${pct(report.leadFacts)} | ${pct(report.titleWords)} | ${report.lengthDeviation >= 0 ? '+' : ''}${pct(report.lengthDeviation)} | ${problems.length ? problems.join('; ') : 'pass'} |`,
  );
}
const passed = reports.filter((r) => pageProblems(r).length === 0).length;
console.log(`\n${rows.join('\n')}\n\n${passed} of ${reports.length} pages pass; ${pages.length - reports.length} skipped.`);
