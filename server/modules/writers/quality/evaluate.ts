import type { FormatId, Language } from '../../../../contracts/formats.ts';
import { SPEAKING_RATE_WPS } from '../../../../contracts/formats.ts';
import type { GeneratedScript } from '../../../../contracts/script.ts';
import { analyseOffline } from '../../analysis/offline-analyser.ts';
import { classifyContent } from '../../analysis/content-kind.ts';
import { splitParagraphs } from '../../analysis/text-units.ts';
import { checkScript, factsOf, factsPresent, titleWordsPresent } from '../offline/checks.ts';
import { cleanSource, isFurnitureLine } from '../offline/clean.ts';
import { writeScriptOffline } from '../offline/write.ts';

/** One page through analysis and the offline writer, with the checks a viewer would make. */
export interface PageReport {
  name: string;
  language: Language;
  kind: string;
  grave: boolean;
  format: FormatId;
  /** Dated more than a month ago: told as a story, not as news (recommend-format.ts). */
  oldNews: boolean;
  /** Furniture, a fragment or a flippant line found in any variant (null: none). */
  furniture: string | null;
  fragment: string | null;
  flippant: string | null;
  /** Share of the first paragraph's figures and names the best variants say. */
  leadFacts: number;
  titleWords: number;
  lengthDeviation: number;
  /** Paragraphs of the extracted text that are page furniture (an extraction problem, not the writer's). */
  extractionFurniture: string[];
  script: GeneratedScript;
}

export interface PageInput {
  name: string;
  title: string;
  text: string;
  language: Language;
  /** The page's publish date, as import gives it to analysis. */
  publishedAt?: string;
}

const MONTH_MS = 30 * 24 * 3600 * 1000;

export function evaluatePage(page: PageInput, targetSec = 40, now = new Date()): PageReport {
  const analysis = analyseOffline({ text: page.text, title: page.title, language: page.language, publishedAt: page.publishedAt }, { now: () => now });
  const format = analysis.recommendedFormat;
  const script = writeScriptOffline({ text: page.text, title: page.title, language: page.language, format, targetSec });
  const clean = cleanSource(page.text, page.title, page.language);
  const content = classifyContent(clean.paragraphs.join('\n\n'), clean.title, page.language);
  const check = checkScript(script, content.grave, SPEAKING_RATE_WPS[page.language]);
  const best = script.scenes.map((s) => s.variants[0]?.text ?? '').join(' ');
  return {
    name: page.name,
    language: page.language,
    kind: content.kind,
    grave: content.grave,
    format,
    oldNews: page.publishedAt !== undefined && now.getTime() - Date.parse(page.publishedAt) > MONTH_MS,
    ...check,
    leadFacts: Math.round(factsPresent(factsOf(clean.paragraphs[0] ?? ''), best) * 100) / 100,
    titleWords: Math.round(titleWordsPresent(clean.title, best, page.language) * 100) / 100,
    extractionFurniture: splitParagraphs(page.text).filter(isFurnitureLine).slice(0, 5),
    script,
  };
}

/** What "passes" means for a page: no furniture, no fragment, no flippant line, length within 15%, and for news the lead's facts. */
export function pageProblems(report: PageReport): string[] {
  const problems: string[] = [];
  if (report.furniture) problems.push(`furniture: ${report.furniture}`);
  if (report.fragment) problems.push(`fragment: ${report.fragment}`);
  if (report.flippant) problems.push(`flippant on a grave story: ${report.flippant}`);
  if (Math.abs(report.lengthDeviation) > 0.15) problems.push(`length off by ${Math.round(report.lengthDeviation * 100)}%`);
  if (report.kind === 'news' && report.leadFacts === 0) problems.push('no fact of the first paragraph');
  if (report.kind === 'news' && report.format !== (report.oldNews ? 'hook-story' : 'news')) problems.push(`news page recommended ${report.format}`);
  return problems;
}
