import { describe, expect, it } from 'vitest';
import { SPEAKING_RATE_WPS as CONTRACT_RATES } from '../../../../contracts/formats.ts';
import { countWords as voicedWords } from '../../../../server/modules/voice/words.ts';
import { countWords, SPEAKING_RATE_WPS, speakingSeconds } from './text-stats.ts';

describe('script length in stage 4', () => {
  it('counts words as the narration voices them and speaks at the contract rates', () => {
    for (const text of ['Why does the sea rise — twice a day?', 'Каждый день … миллионы людей!', '  ', '2024: a year, 25,000 people.']) {
      expect(countWords(text), text).toBe(voicedWords(text));
    }
    expect(SPEAKING_RATE_WPS).toEqual(CONTRACT_RATES);
    expect(speakingSeconds(12, 'en')).toBe(4.8);
    expect(speakingSeconds(5, 'ru')).toBe(2.5);
  });
});
