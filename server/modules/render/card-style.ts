import type { FormatId } from '../../../contracts/formats.ts';
import type { CardLayout } from '../../../contracts/render-plan.ts';
import { cardTextFromScene, phraseFromText } from './card-text.ts';

/*
 * What an automatic card says and how it is laid out, from the scene's text and the script's
 * format: a quoted line becomes a quote card with its speaker, a list item sits under its number,
 * a news scene is a band; everything else is the centred phrase or figure.
 */

export interface CardStyle {
  keywords: string[];
  layout?: CardLayout;
  tag?: string;
}

/** "Number two." / "Второе." / "First," as the writer's list ordinals open an item. */
const ORDINAL_LEAD = /^(number\s+\p{L}+|first|second|third|fourth|fifth|sixth|seventh|eighth|next|finally|первое|второе|третье|четвёртое|пятое|шестое|седьмое|восьмое|во-первых|во-вторых|в-третьих|наконец)[.,:!]\s*/iu;

const QUOTED = /^\s*["“«„]([^"”»“]{8,}?)[,.!?…]?["”»“]/u;

/** The speaker named after a quote: the last two of the first run of capitalised words ("Anders Holm"). */
export function quoteSpeaker(afterQuote: string): string | undefined {
  const run = afterQuote.match(/\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.\s+)?\p{Lu}[\p{L}'’-]+)+/u)?.[0];
  if (!run) return undefined;
  return run.split(/\s+/).slice(-2).join(' ');
}

export function cardStyleFor(text: string, format: FormatId | undefined, index: number, count: number): CardStyle {
  const quoted = text.match(QUOTED);
  if (quoted) {
    const speaker = quoteSpeaker(text.slice(quoted[0].length));
    return { keywords: [phraseFromText(quoted[1]!)].filter(Boolean), layout: 'quote', ...(speaker ? { tag: speaker } : {}) };
  }
  const isBody = index > 0 && index < count - 1;
  if (format === 'listicle' && isBody) {
    const item = text.replace(ORDINAL_LEAD, '');
    return { keywords: [phraseFromText(item)].filter(Boolean), layout: 'list', tag: String(index) };
  }
  const headline = cardTextFromScene(text);
  if (format === 'news' && !/^[+−-]?\d/.test(headline)) return { keywords: [headline].filter(Boolean), layout: 'news' };
  return { keywords: [headline].filter(Boolean) };
}
