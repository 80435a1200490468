import type { FormatId, Language } from '../../../../contracts/formats.ts';
import type { PublishMetadata, PublishMetadataInput } from '../../../../contracts/script.ts';
import { splitSentences, words } from '../../analysis/text-units.ts';
import { PHRASES } from './phrases.ts';

const FORMAT_TAGS: Record<Language, Record<FormatId, string>> = {
  en: { news: '#news', 'hook-story': '#story', explainer: '#explained', listicle: '#tips', comparison: '#comparison', 'hot-take': '#opinion' },
  ru: { news: '#новости', 'hook-story': '#история', explainer: '#объясняю', listicle: '#советы', comparison: '#сравнение', 'hot-take': '#мнение' },
};

const TITLE_MAX = 90;
const DESCRIPTION_MAX = 400;
const KEYWORD_TAGS = 4;

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/\s+\S*$/, '').replace(/[,;:—–-]$/, '');
  const lastSentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  return lastSentenceEnd > max / 2 ? cut.slice(0, lastSentenceEnd + 1) : `${cut}…`;
}

const STOP: Record<Language, Set<string>> = {
  en: new Set('about after again also because been before being between could does doing from have here into just like more most much only other over should some such than that their them then there these they this those through very what when where which while will with would your'.split(' ')),
  ru: new Set('который которая которые когда где почему потому чтобы этот эта это эти тоже также только очень более можно нужно было были будет будут есть если даже уже ещё него неё них'.split(' ')),
};

/** Words of the writer's own closes and ordinals ("follow", "комментариях") are not topics. */
function phraseWords(language: Language): Set<string> {
  const p = PHRASES[language];
  const texts = [...p.close.sober, ...Object.values(p.close.byFormat).flat().map((c) => c.text), ...p.ordinals];
  return new Set(texts.flatMap((t) => words(t).map((w) => w.toLowerCase())));
}

/** The script's most repeated content words, title words counting double. */
function keywordTags(text: string, title: string, language: Language): string[] {
  const excluded = phraseWords(language);
  const titleWords = new Set(words(title).map((w) => w.toLowerCase()));
  const counts = new Map<string, number>();
  for (const word of words(`${title} ${text}`)) {
    const lower = word.toLowerCase();
    if (lower.length < 4 || /\p{N}/u.test(lower) || STOP[language].has(lower) || excluded.has(lower)) continue;
    counts.set(lower, (counts.get(lower) ?? 0) + 1 + (titleWords.has(lower) ? 1 : 0));
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, KEYWORD_TAGS)
    .map(([word]) => `#${word.replace(/[^\p{L}\p{N}_]/gu, '')}`)
    .filter((tag) => tag.length >= 4);
}

/**
 * Title, description and hashtags for a finished script: the title is the source title (or the
 * hook's first sentence), the description the hook and body in at most 400 characters, the
 * hashtags names and topic words from the script, the format's tag and #shorts.
 */
export function draftPublishMetadata(input: PublishMetadataInput): PublishMetadata {
  const spoken = input.scenes.filter((s) => s.role !== 'cta').map((s) => s.text.trim()).filter(Boolean);
  const all = spoken.join(' ');
  const firstSentence = splitSentences(spoken[0] ?? input.scenes[0]?.text ?? '')[0] ?? '';
  const title = clip((input.title?.trim() || firstSentence).replace(/\s+/g, ' '), TITLE_MAX);
  const description = clip(all || title, DESCRIPTION_MAX);
  const hashtags = [...keywordTags(all, input.title ?? '', input.language), FORMAT_TAGS[input.language][input.format ?? 'news'], '#shorts'];
  return { title, description, hashtags: [...new Set(hashtags)].slice(0, 10) };
}
