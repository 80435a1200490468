import type { Language } from '../../../contracts/formats.ts';

/*
 * Word lists behind the offline analyser. Entries are stems: a word matches when it starts with the
 * stem (so "shock" covers "shocking", "удив" covers "удивительно"); entries of three letters or
 * fewer must match the whole word. Phrases (with a space) are matched in the lower-cased text.
 */

export interface Lexicon {
  /** Curiosity and novelty: what makes an opening worth stopping for. */
  hook: string[];
  /** Strong feelings, conflict, stakes. */
  emotion: string[];
  /** Reporting verbs, officials, time references: signs the text is news. */
  news: string[];
  /** Words that say "this happened recently". */
  recent: string[];
  /** Everyday topics most viewers care about. */
  audience: string[];
  secondPerson: string[];
  opinion: string[];
  comparison: string[];
  explainer: string[];
  ordinals: string[];
  months: string[];
  weekdays: string[];
  /** Sentence-initial words that are not names even when capitalised mid-sentence. */
  notNames: string[];
}

export const LEXICONS: Record<Language, Lexicon> = {
  en: {
    hook: ['first', 'new', 'never', 'record', 'secret', 'why', 'how', 'surpris', 'unexpect', 'biggest', 'largest', 'only', 'discover', 'reveal', 'breakthrough', 'myster', 'banned', 'free', 'warning', 'mistake', 'strange', 'hidden', 'truth', 'finally'],
    emotion: ['shock', 'amaz', 'incredib', 'terribl', 'tragic', 'tragedy', 'outrag', 'furious', 'love', 'hate', 'fear', 'afraid', 'angry', 'anger', 'happy', 'joy', 'heartbreak', 'devastat', 'stunn', 'scandal', 'crisis', 'disaster', 'danger', 'record', 'miracle', 'brutal', 'panic', 'hope', 'proud', 'ridicul', 'threat', 'victory', 'killed', 'died', 'death', 'war', 'surviv', 'rescue', 'critic', 'protest', 'worr', 'risk', 'dream', 'win', 'lost', 'fail', 'struggl', 'celebrat'],
    news: ['announc', 'said', 'says', 'report', 'launch', 'open', 'unveil', 'according', 'official', 'government', 'minister', 'council', 'company', 'percent', 'million', 'billion', 'study', 'research', 'agency', 'police', 'court', 'president', 'expected'],
    recent: ['today', 'yesterday', 'tonight', 'this week', 'this morning', 'last night', 'on monday', 'on tuesday', 'on wednesday', 'on thursday', 'on friday', 'on saturday', 'on sunday', 'breaking', 'just'],
    audience: ['money', 'price', 'cost', 'salary', 'tax', 'health', 'sleep', 'food', 'family', 'child', 'kids', 'home', 'work', 'job', 'phone', 'school', 'travel', 'weather', 'city', 'rent', 'bill', 'energy', 'heat', 'car', 'internet', 'students', 'people', 'residents', 'everyone', 'life'],
    secondPerson: ['you', 'your', "you're", 'yours', 'yourself'],
    opinion: ['i think', 'i believe', 'in my opinion', 'should', 'must', 'overrated', 'need to', 'stop ', 'wrong', 'honestly', 'unpopular'],
    comparison: [' vs ', 'versus', 'compared', ' than ', 'unlike', 'whereas', 'better', 'worse', 'cheaper', 'more expensive', 'on the other hand'],
    explainer: ['how ', 'why ', 'because', 'works', 'means', 'explain', 'reason', 'in other words', 'that is why', 'the result'],
    ordinals: ['first,', 'second,', 'third,', 'fourth,', 'finally,', 'firstly', 'secondly', 'thirdly'],
    months: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
    weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    notNames: ['i', 'the', 'a', 'an', 'but', 'and', 'or', 'it', 'this', 'that', 'these', 'those', 'he', 'she', 'they', 'we', 'you', 'in', 'on', 'for', 'city', 'photo'],
  },
  ru: {
    hook: ['впервые', 'перв', 'нов', 'никогда', 'рекорд', 'секрет', 'почему', 'как', 'неожидан', 'удивительн', 'крупнейш', 'самы', 'единствен', 'обнаруж', 'раскры', 'прорыв', 'загад', 'запрет', 'бесплатн', 'ошибк', 'странн', 'скрыт', 'правд', 'наконец'],
    emotion: ['шок', 'удив', 'потряс', 'ужас', 'трагед', 'трагич', 'возмущ', 'ярост', 'любов', 'любим', 'ненави', 'страх', 'боят', 'гнев', 'радост', 'рад', 'счаст', 'сенсац', 'скандал', 'кризис', 'катастроф', 'опасн', 'рекорд', 'чудо', 'паник', 'надежд', 'горд', 'угроз', 'побед', 'погиб', 'смерт', 'войн', 'спас', 'критик', 'протест', 'тревог', 'риск', 'мечт', 'наконец', 'просил', 'провал', 'борьб'],
    news: ['объяв', 'сообщ', 'заяв', 'рассказ', 'запуст', 'открыл', 'открыт', 'представ', 'по данным', 'власт', 'правительств', 'министр', 'мэр', 'компани', 'процент', 'миллион', 'млн', 'миллиард', 'исследован', 'ведомств', 'полици', 'суд', 'президент', 'ожида', 'рассчитыва'],
    recent: ['сегодня', 'вчера', 'этой ночью', 'на этой неделе', 'утром', 'в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу', 'в воскресенье', 'срочно', 'только что'],
    audience: ['деньг', 'цен', 'стоимост', 'зарплат', 'налог', 'здоров', 'сон', 'еда', 'семь', 'дет', 'ребен', 'дом', 'работ', 'телефон', 'школ', 'студент', 'путешеств', 'погод', 'город', 'аренд', 'счет', 'энерги', 'тепл', 'машин', 'интернет', 'люд', 'жител', 'все', 'жизн', 'бесплатн'],
    secondPerson: ['вы', 'вас', 'вам', 'ваш', 'ты', 'тебя', 'тебе', 'твой', 'твоя'],
    opinion: ['я думаю', 'я считаю', 'по-моему', 'мне кажется', 'должны', 'нужно', 'пора ', 'хватит', 'неправ', 'честно', 'переоцен'],
    comparison: ['по сравнению', ' чем ', 'в отличие', 'тогда как', 'лучше', 'хуже', 'дешевле', 'дороже', ' против ', 'с другой стороны'],
    explainer: ['как ', 'почему', 'потому что', 'работает', 'означает', 'объясн', 'причин', 'иными словами', 'поэтому', 'в итоге'],
    ordinals: ['во-первых', 'во-вторых', 'в-третьих', 'в-четвертых', 'наконец,'],
    months: ['январ', 'феврал', 'март', 'апрел', 'мая', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
    weekdays: ['понедельник', 'вторник', 'среду', 'среда', 'четверг', 'пятниц', 'суббот', 'воскресень'],
    notNames: ['я', 'в', 'на', 'и', 'но', 'а', 'он', 'она', 'они', 'мы', 'вы', 'это', 'этот', 'по', 'для', 'как', 'фото'],
  },
};

export function matchesStem(word: string, stem: string): boolean {
  return stem.length <= 3 ? word === stem : word.startsWith(stem);
}

function isPhrase(entry: string): boolean {
  return /[\s,]/.test(entry.trim());
}

function phraseOccurs(lowerText: string, phrase: string): boolean {
  const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(lowerText);
}

/** How many tokens match any single-word stem in the list. */
export function countStemHits(tokens: readonly string[], stems: readonly string[]): number {
  const single = stems.map((s) => s.trim()).filter((s) => !isPhrase(s));
  return tokens.filter((token) => single.some((stem) => matchesStem(token, stem))).length;
}

/** Which list entries (stems or phrases) occur at least once. */
export function distinctHits(lowerText: string, tokens: readonly string[], entries: readonly string[]): string[] {
  return entries.filter((entry) => (isPhrase(entry) ? phraseOccurs(lowerText, entry) : tokens.some((t) => matchesStem(t, entry.trim()))));
}
