import { EMPTY_LEARNED, type FactoryRules, type Learned, learnedSchema, type RejectCategory } from '../../../contracts/factory.ts';
import type { FormatId } from '../../../contracts/formats.ts';
import { words } from '../analysis/text-units.ts';

/*
 * What approvals and rejections teach the factory. Every change is small, bounded, recorded in
 * the history the settings screen shows, and can be edited or reset there.
 */

const APPROVAL_SCORE_STEP = -2;
const TOPIC_REJECTION_SCORE_STEP = 5;
const OTHER_REJECTION_SCORE_STEP = 2;
const TOO_LONG_FACTOR = 0.85;
const HISTORY_KEPT = 50;

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

export function readLearned(raw: unknown): Learned {
  const parsed = learnedSchema.safeParse({ ...EMPTY_LEARNED, ...(raw as object) });
  return parsed.success ? parsed.data : { ...EMPTY_LEARNED };
}

export interface Effective {
  minScore: number;
  preferredFormats: FormatId[];
  lengthFactor: number;
  avoidedTopics: string[];
}

/** The rules as the next run applies them. */
export function effectiveRules(rules: FactoryRules, learned: Learned): Effective {
  const preferredFormats = Object.entries(learned.formatVotes)
    .filter(([format, votes]) => votes > 0 && rules.formats.includes(format as FormatId))
    .sort((a, b) => b[1] - a[1])
    .map(([format]) => format as FormatId);
  return {
    minScore: clamp(rules.minScore + learned.minScoreDelta, 0, 100),
    preferredFormats,
    lengthFactor: learned.lengthFactor,
    avoidedTopics: learned.avoidedTopics,
  };
}

function withEvent(learned: Learned, at: Date, change: string, vars: Record<string, string | number>): Learned {
  return { ...learned, history: [{ at: at.toISOString(), change, vars }, ...learned.history].slice(0, HISTORY_KEPT) };
}

const vote = (learned: Learned, format: string, by: number) => ({ ...learned.formatVotes, [format]: (learned.formatVotes[format] ?? 0) + by });

export interface ReviewedDraft {
  title: string;
  format: string;
  sourceText: string;
}

export function learnFromApproval(learned: Learned, draft: ReviewedDraft, at: Date): Learned {
  const next = { ...learned, minScoreDelta: clamp(learned.minScoreDelta + APPROVAL_SCORE_STEP, -30, 30), formatVotes: vote(learned, draft.format, 1) };
  return withEvent(next, at, 'approved', { title: draft.title, format: draft.format, minScoreDelta: next.minScoreDelta });
}

export function learnFromRejection(learned: Learned, draft: ReviewedDraft, category: RejectCategory, at: Date): Learned {
  let next: Learned = { ...learned, formatVotes: vote(learned, draft.format, -1) };
  const vars: Record<string, string | number> = { title: draft.title, format: draft.format, category };
  if (category === 'boring-topic') {
    const topic = topicOf(draft.title, draft.sourceText);
    next.minScoreDelta = clamp(learned.minScoreDelta + TOPIC_REJECTION_SCORE_STEP, -30, 30);
    if (topic && !next.avoidedTopics.includes(topic)) next.avoidedTopics = [...next.avoidedTopics, topic];
    if (topic) vars.topic = topic;
  } else if (category === 'too-long') {
    next.lengthFactor = Math.round(clamp(learned.lengthFactor * TOO_LONG_FACTOR, 0.5, 1.5) * 100) / 100;
    vars.lengthFactor = next.lengthFactor;
  } else {
    next.minScoreDelta = clamp(learned.minScoreDelta + OTHER_REJECTION_SCORE_STEP, -30, 30);
  }
  vars.minScoreDelta = next.minScoreDelta;
  next = withEvent(next, at, 'rejected', vars);
  return next;
}

const STOP =
  /^(the|and|for|with|from|that|this|after|over|into|about|their|there|have|has|will|what|when|where|which|says|said|year|years|new|more|than|were|been|also|could|would|should|после|перед|через|когда|чтобы|также|который|которые|этого|этот|будет|более|году|года|лет)$/iu;

/** The story's topic in one word: the title word (not a name) its text repeats most (the tram story: "tram"). */
export function topicOf(title: string, text: string): string | null {
  const counts = new Map<string, number>();
  for (const word of words(text.toLowerCase())) counts.set(word, (counts.get(word) ?? 0) + 1);
  // Names (capitalised inside the title: places, people) say where or who, not what the story is about.
  const candidates = words(title)
    .filter((w, i) => i === 0 || !/^\p{Lu}/u.test(w))
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 4 && !/\p{N}/u.test(w) && !STOP.test(w));
  const ranked = candidates
    .map((word, index) => ({ word, index, count: [...counts.entries()].filter(([w]) => w.startsWith(word.slice(0, Math.max(4, word.length - 2)))).reduce((n, [, c]) => n + c, 0) }))
    // Equal counts: the later word, as titles tend to end on their subject ("... opened an indoor velopark").
    .sort((a, b) => b.count - a.count || b.index - a.index);
  return ranked[0]?.word ?? null;
}

/** True when the text mentions the word or its forms ("tram" matches "trams"; case ignored). */
export function mentions(text: string, word: string): boolean {
  const escaped = word.trim().toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return escaped.length > 0 && new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}`, 'iu').test(text.toLowerCase());
}
