import type { Language } from '../../../contracts/formats.ts';
import type { WordTiming } from '../../../contracts/step-data.ts';
import { groupWordsIntoChunks, speechChunks, type AlignWord } from './align-phrases.ts';
import { placeWordsInPhrase } from './align-in-phrase.ts';
import { FRAME_SEC, startCandidates, type SpeechFrames } from './speech-frames.ts';
import { round, tidyWordTimings } from './word-timing.ts';
import { splitWords } from './words.ts';

/** Letters said per written digit, roughly ("24": "twenty-four", "двадцать четыре"). */
const LETTERS_PER_DIGIT: Record<Language, number> = { en: 5, ru: 7 };

/** English words said short and unstressed in running speech, whatever their letters. */
const ENGLISH_WEAK_WORDS = /^(the|a|an|of|to|and|in|on|for|at|or)$/;
const WEAK_WORD_SHARE = 0.6;

/** A word's expected share of speaking time: its letters predict it better than its syllables. */
export function spokenLength(word: string, language: Language): number {
  const letters = (word.match(/\p{L}/gu) ?? []).length;
  const digits = (word.match(/\p{N}/gu) ?? []).length;
  const length = letters + digits * LETTERS_PER_DIGIT[language] + 1;
  const weak = language === 'en' && ENGLISH_WEAK_WORDS.test(word.toLowerCase().replace(/[^\p{L}]/gu, ''));
  return weak ? length * WEAK_WORD_SHARE : length;
}

const ENDS_PHRASE = /[.,;:!?…—–)"»]$/u;

/**
 * Word times for a known script spoken in [start, end] of a recording, scene by scene. First the
 * recording's pauses are shared out between the words (align-phrases.ts); then, inside each
 * stretch of speech, every word starts where speech resumes after a silence or at a dip in the
 * level, chosen together so each word's length fits its letters at the stretch's own pace.
 * Times in seconds of the whole recording; one list of words per scene.
 */
export function alignScript(frames: SpeechFrames, texts: string[], start: number, end: number, language: Language): WordTiming[][] {
  const from = Math.max(0, Math.floor(start / FRAME_SEC));
  const to = Math.min(frames.levels.length, Math.ceil(end / FRAME_SEC));
  const words: AlignWord[] = [];
  const sceneOf: number[] = [];
  texts.forEach((text, scene) => {
    const tokens = splitWords(text);
    tokens.forEach((t, i) => {
      const last = i === tokens.length - 1;
      words.push({ text: t.text, weight: spokenLength(t.text, language), endsPhrase: last || ENDS_PHRASE.test(t.text), endsScene: last });
      sceneOf.push(scene);
    });
  });
  const timed: WordTiming[] = [];
  for (const group of groupWordsIntoChunks(frames, words, speechChunks(frames, from, to))) {
    const slots = words.slice(group.firstWord, group.endWord);
    const starts = placeWordsInPhrase(slots, startCandidates(frames, group.start, group.end), group.start, group.end);
    starts.forEach((frame, i) => {
      const next = i + 1 < starts.length ? starts[i + 1]! : group.end;
      timed.push({ word: slots[i]!.text, start: startFrame(frames, frame, i === 0) * FRAME_SEC, end: endFrame(frames, frame, next) * FRAME_SEC });
    });
  }
  if (timed.length !== words.length) return texts.map(() => []);
  const shift = from * FRAME_SEC;
  const span = Math.floor((Math.min(end, frames.levels.length * FRAME_SEC) - shift) * 1000) / 1000;
  const tidy = tidyWordTimings(timed.map((w) => ({ ...w, start: w.start - shift, end: w.end - shift })), span);
  const scenes: WordTiming[][] = texts.map(() => []);
  tidy.forEach((w, i) => scenes[sceneOf[i]!]!.push({ ...w, start: round(w.start + shift), end: round(w.end + shift) }));
  return scenes;
}

/** A word heard after a silence starts a frame before the level crosses the threshold; one inside speech, at the lowest level near its place. */
function startFrame(frames: SpeechFrames, frame: number, afterSilence: boolean): number {
  if (afterSilence || !frames.voiced[frame - 1]) return Math.max(0, frame - 1);
  let lowest = frame;
  for (let f = frame - 3; f <= frame + 3; f++) {
    if (f >= 0 && f < frames.levels.length && frames.voiced[f] && frames.levels[f]! < frames.levels[lowest]!) lowest = f;
  }
  return lowest;
}

/** A word ends where the next begins, or where its sound stops when a silence follows. */
function endFrame(frames: SpeechFrames, start: number, next: number): number {
  for (let f = next - 1; f > start; f--) if (frames.voiced[f]) return f + 1;
  return next;
}
