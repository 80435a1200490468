import type { Language } from '../../../contracts/formats.ts';
import { splitPhrases, type Phrase } from './phrases.ts';
import { toSpeech, type SpeechText } from './speech-normaliser/index.ts';
import { splitWords } from './words.ts';

/** A caption phrase and what the voice is sent for it, with the map from its written words to its spoken words. */
export interface SpokenPhrase {
  phrase: Phrase;
  speech: SpeechText;
}

/**
 * The scene's phrases with their spoken form. The whole scene is normalised at once, so rules that
 * look at neighbours ("$5 | million", "9/11 | attacks") work across phrase boundaries; each
 * phrase then takes the spoken words of its own written words.
 */
export function spokenPhrases(text: string, language: Language): SpokenPhrase[] {
  const scene = toSpeech(text, language);
  const spokenWords = splitWords(scene.spoken).map((w) => w.text);
  let first = 0;
  return splitPhrases(text).map((phrase) => {
    const spans = scene.spans.slice(first, first + phrase.words.length);
    first += phrase.words.length;
    const from = spans[0]?.from ?? 0;
    const to = spans.at(-1)?.to ?? from;
    const spoken = spokenWords.slice(from, to).join(' ') || phrase.text;
    const local = spans.map((span) => ({ word: span.word, from: span.from - from, to: span.to - from }));
    return { phrase, speech: { written: phrase.text, spoken, spans: local, spokenWordCount: splitWords(spoken).length } };
  });
}
