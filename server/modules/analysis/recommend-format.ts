import type { FormatId } from '../../../contracts/formats.ts';
import type { ContentProfile } from './content-kind.ts';
import { FORMAT_FOR_KIND } from './content-kind.ts';
import { distinctHits } from './lexicons.ts';
import type { TextProfile } from './text-profile.ts';

/**
 * The recommended format, first rule that matches:
 * 1. comparison - "vs"/"против" in the title, or 3+ different comparison markers in a short text
 *                 (long texts use "than" and "better" in passing);
 * 2. news       - the text reads as news (content-kind.ts), unless its publish date is known and
 *                 older than a month (freshness under 40): old news is told as a story;
 *                 or any text that is fresh (freshness 65+);
 * 3. hot-take   - opinion, but never on a grave subject (deaths, attacks, disasters): a story then;
 * 4. the format of the kind: list -> listicle, explainer -> explainer, story -> hook-story.
 */
export function recommendFormat(profile: TextProfile, content: ContentProfile, freshnessScore: number, dated: boolean): FormatId {
  const { lower, tokens, lexicon, title, wordCount } = profile;
  const comparisons = distinctHits(lower, tokens, lexicon.comparison).length;
  if (/(^|\s)(vs\.?|versus|против)(\s|$)/iu.test(title) || (comparisons >= 3 && wordCount < 300 && content.kind !== 'news')) return 'comparison';
  if (content.kind === 'news') return dated && freshnessScore < 40 ? 'hook-story' : 'news';
  if (freshnessScore >= 65 && content.kind !== 'list') return 'news';
  if (content.kind === 'opinion' && content.grave) return 'hook-story';
  return FORMAT_FOR_KIND[content.kind];
}
