import type { FormatId } from '../../../contracts/formats.ts';
import { distinctHits } from './lexicons.ts';
import type { TextProfile } from './text-profile.ts';

/**
 * The recommended format, first rule that matches:
 * 1. listicle   - 3+ list lines, 2+ ordinal markers ("first," "во-вторых"), or a title that starts
 *                 with a count ("5 ways...", "7 причин...");
 * 2. comparison - "vs"/"против" in the title, or 3+ different comparison markers;
 * 3. hot-take   - 2+ different opinion markers ("I think", "should", "мне кажется", "пора");
 * 4. news       - fresh (freshness 65+: published within a week, or "today"/"yesterday");
 * 5. explainer  - 3+ different explanation markers ("how", "because", "потому что") and 200+ words;
 * 6. hook-story - everything else: a story told from a strong opening.
 */
export function recommendFormat(profile: TextProfile, freshnessScore: number): FormatId {
  const { lower, tokens, lexicon, title, listLines, wordCount } = profile;
  const hits = (entries: string[]) => distinctHits(lower, tokens, entries).length;
  if (listLines >= 3 || hits(lexicon.ordinals) >= 2 || /^\s*\d{1,2}\s+\p{L}/u.test(title)) return 'listicle';
  if (/(^|\s)(vs\.?|versus|против)(\s|$)/iu.test(title) || hits(lexicon.comparison) >= 3) return 'comparison';
  if (hits(lexicon.opinion) >= 2) return 'hot-take';
  if (freshnessScore >= 65) return 'news';
  if (hits(lexicon.explainer) >= 3 && wordCount >= 200) return 'explainer';
  return 'hook-story';
}
