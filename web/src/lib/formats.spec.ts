import { describe, expect, it } from 'vitest';
import * as contract from '../../../contracts/formats.ts';
import { countWords as serverCountWords, secondsForWords } from '../../../server/modules/analysis/text-units.ts';
import { countWords, FORMATS, LANGUAGES, speakingSeconds, SPEAKING_RATE_WPS } from './formats.ts';

describe('the formats the web app uses', () => {
  it('are those of contracts/formats.ts', () => {
    expect(FORMATS).toEqual(contract.FORMATS);
    expect(SPEAKING_RATE_WPS).toEqual(contract.SPEAKING_RATE_WPS);
    expect([...LANGUAGES]).toEqual([...contract.LANGUAGES]);
  });

  it('counts words and seconds as the server does', () => {
    const samples = ['The plant warms 25,000 homes — a co-founder’s idea, 1.5 times cheaper.', 'В Новосибирске открылся велопарк на 300 человек!', '', '  ...  '];
    for (const text of samples) {
      expect(countWords(text), text).toBe(serverCountWords(text));
      expect(speakingSeconds(countWords(text), 'ru')).toBe(secondsForWords(serverCountWords(text), contract.SPEAKING_RATE_WPS.ru));
    }
  });
});
