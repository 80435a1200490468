import type { FormatId, Language } from '../../../contracts/formats.ts';
import { words } from './text-units.ts';

/*
 * What kind of text this is and how grave its subject, from signals a reader uses: datelines and
 * reporting verbs (news), how/why and definitions (explainer), first person and "should"
 * (opinion), list lines and ordinals (list), past-tense narration (story); deaths, attacks,
 * disasters and illness (grave).
 */

export type ContentKind = 'news' | 'explainer' | 'opinion' | 'list' | 'story';

export interface ContentProfile {
  kind: ContentKind;
  grave: boolean;
  /** Per-kind evidence, for explanations and tests. */
  evidence: Record<ContentKind, number>;
}

const REPORTING: Record<Language, RegExp> = {
  en: /\b(said|says|told|reported|announc\w*|according to|confirmed|stated|officials?|police|cops|spokes(man|woman|person)|ministry|authorities|sources? (say|said|tell|told)|tweeted|retweeted|posted (on|to)|will (launch|open|start|begin|go on sale)|launch(es|ed)|unveil\w*|(on|last|this) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|this week|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/giu,
  ru: /(?<![\p{L}])(сообщил\p{L}*|заявил\p{L}*|рассказал\p{L}*|сказал\p{L}*|по данным|по словам|подтвердил\p{L}*|объявил\p{L}*|передает|передаёт|министерств\p{L}*|ведомств\p{L}*|власти|полици\p{L}*|в (понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))(?![\p{L}])/giu,
};

const EXPLAINER: Record<Language, RegExp> = {
  en: /\b(how (does|do|to|it)|why (does|do|is|are)|what is|because|means that|in other words|for example|for instance|that is why|works by|the reason)\b/giu,
  ru: /(?<![\p{L}])(как работает|почему|потому что|это значит|означает|иными словами|например|вот почему|дело в том|причина)(?![\p{L}])/giu,
};

const OPINION: Record<Language, RegExp> = {
  en: /\b(i think|i believe|in my (view|opinion)|i would argue|we should|we must|should be|ought to|it is time|overrated|frankly|honestly)\b/giu,
  ru: /(?<![\p{L}])(я думаю|я считаю|по-моему|мне кажется|на мой взгляд|мы должны|пора|хватит|давно пора|честно говоря)(?![\p{L}])/giu,
};

const FIRST_PERSON: Record<Language, RegExp> = {
  en: /\b(i|my|me|i'm|i’ve|i've)\b/gu,
  ru: /(?<![\p{L}])(я|мне|меня|мой|моя|моё|мои)(?![\p{L}])/giu,
};

const NARRATION: Record<Language, RegExp> = {
  en: /\b(when i was|one day|years ago|decades? ago|a century ago|that night|that morning|at the time|remember(ed)?|suddenly|grew up|was born|in (1[5-9]|20)\d\d)\b/giu,
  ru: /(?<![\p{L}])(однажды|когда я был\p{L}*|много лет назад|в тот день|в ту ночь|вдруг|вспомина\p{L}*|родил\p{L}*|в (1[5-9]|20)\d\d год\p{L}*)(?![\p{L}])/giu,
};

const ORDINALS: Record<Language, RegExp> = {
  en: /\b(first(ly)?,|second(ly)?,|third(ly)?,|finally,|number (one|two|three))/giu,
  ru: /(?<![\p{L}])(во-первых|во-вторых|в-третьих|наконец,)/giu,
};

/** Subjects that rule out jokes, hot takes and engagement bait. */
const GRAVE: Record<Language, RegExp> = {
  en: /\b(killed|kill(ing|s)?|dead|deaths?|died|dies|dying|coup|murder\w*|massacre|gunm[ae]n|shooting|shot dead|terror\w*|attack(ed|s|ers?)?|bomb(ing|s|ed)?|explosion|hostages?|wounded|injured|victims?|casualt\w+|earthquake|tsunami|flood(s|ing)?|wildfire|hurricane|disaster|famine|epidemic|pandemic|cancer|illness|disease|overdose|suicide|funeral|mourn\w*|war|genocide|abuse|rape|crash(ed)?)\b/giu,
  ru: /(?<![\p{L}])(погиб\p{L}*|убит\p{L}*|убил\p{L}*|убийств\p{L}*|смерт\p{L}*|скончал\p{L}*|умер\p{L}*|жертв\p{L}*|теракт\p{L}*|террорист\p{L}*|нападени\p{L}*|взрыв\p{L}*|стрельб\p{L}*|заложник\p{L}*|ранен\p{L}*|пострадавш\p{L}*|землетрясени\p{L}*|наводнени\p{L}*|пожар\p{L}*|катастроф\p{L}*|авари\p{L}*|крушени\p{L}*|эпидеми\p{L}*|пандеми\p{L}*|болезн\p{L}*|рак\p{L}{0,2}|траур\p{L}*|войн\p{L}*|насили\p{L}*)(?![\p{L}])/giu,
};

/** "7 ways to ...", "These are the 8 coolest games", "10 причин ...". */
const LIST_TITLE: Record<Language, RegExp> = {
  en: /^\s*\d{1,2}\s+\p{L}|\b(the|these|our|top)\s+\d{1,2}\s+(\p{L}+\s+){0,3}(games|ways|things|reasons|tips|ideas|places|books|films|movies|apps|tools|lessons|signs|facts|mistakes|habits|steps|rules)\b/iu,
  ru: /^\s*\d{1,2}\s+\p{L}|(?<![\p{L}])\d{1,2}\s+(\p{L}+\s+)?(способ\p{L}*|причин\p{L}*|вещ\p{L}*|иде\p{L}*|факт\p{L}*|ошиб\p{L}*|книг\p{L}*|фильм\p{L}*|игр\p{L}*|совет\p{L}*|мест\p{L}*|привыч\p{L}*|правил\p{L}*)(?![\p{L}])/iu,
};

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

export function classifyContent(text: string, title: string, language: Language): ContentProfile {
  const body = text.slice(0, 20_000);
  const all = `${title}\n${body}`;
  const wordCount = Math.max(1, words(body).length);
  const per1000 = (n: number) => (n * 1000) / wordCount;
  const lines = body.split('\n');
  const listLines = lines.filter((line) => /^\s*(?:[-*•]|\d{1,2}[.)])\s+\S/.test(line)).length;
  const firstPerson = per1000(count(body, FIRST_PERSON[language]));
  const dateline = /^\s*\p{Lu}[\p{Lu}\s.-]{2,30}(\([^)]*\))?,?[^—–\n]{0,30}[—–]/u.test(body) ? 1 : 0;
  const evidence: Record<ContentKind, number> = {
    news: 3 * dateline + per1000(count(body, REPORTING[language])) * 0.8 - firstPerson / 4,
    explainer: per1000(count(all, EXPLAINER[language])) * 0.9 + (/^(how|why|what|как|почему|зачем|что такое)(?![\p{L}])/iu.test(title) ? 3 : 0),
    opinion: per1000(count(body, OPINION[language])) * 1.2 + firstPerson / 6,
    // List lines are structure, not wording: decisive when present.
    list: listLines >= 3 ? 50 + listLines : count(body, ORDINALS[language]) >= 2 || LIST_TITLE[language].test(title) ? 4 : 0,
    story: per1000(count(body, NARRATION[language])) * 1.5 + firstPerson / 10,
  };
  // News needs real reporting signals; below that the strongest other kind wins.
  const ranked = (Object.keys(evidence) as ContentKind[]).filter((k) => k !== 'news' || evidence.news >= 4).sort((a, b) => evidence[b] - evidence[a]);
  const top = ranked[0] ?? 'story';
  const kind: ContentKind = evidence[top] >= 1.5 ? top : 'story';
  // Grave: the subject is in the title or the opening, and the text keeps returning to it.
  const opening = `${title}\n${body.split(/\n\s*\n/).slice(0, 2).join('\n')}`;
  // A single word in the opening ("a piece of my soul withers and dies") is not a grave subject:
  // the title names it, the opening returns to it, or the whole text is dense with it.
  const openingHits = count(opening, GRAVE[language]);
  const grave = count(title, GRAVE[language]) >= 1 || openingHits >= 2 || (openingHits >= 1 && (per1000(count(all, GRAVE[language])) >= 8 || wordCount < 80));
  return { kind, grave, evidence };
}

export const FORMAT_FOR_KIND: Record<ContentKind, FormatId> = {
  news: 'news',
  explainer: 'explainer',
  opinion: 'hot-take',
  list: 'listicle',
  story: 'hook-story',
};
