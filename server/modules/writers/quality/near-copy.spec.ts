import { describe, expect, it } from 'vitest';
import { NEAR_COPY, nearCopyCheck } from './near-copy.ts';

const TRANSCRIPT =
  'So yesterday the city finally opened the new bridge over the river. Thousands of people walked across it in the morning, and the mayor said it took three years to build. It links the old town with the railway station.';

describe('near-copy check of a script against the transcript it came from', () => {
  it('flags a script that repeats the transcript, even with its sentences reordered and trimmed', () => {
    const copied = 'Thousands of people walked across it in the morning. The city finally opened the new bridge over the river. It links the old town with the railway station.';
    const check = nearCopyCheck(copied, TRANSCRIPT);
    expect(check.flagged).toBe(true);
    // Only the 5-grams spanning a reordered sentence boundary are new.
    expect(check.share).toBeGreaterThan(0.6);
  });

  it('passes a retelling that keeps the facts and names in new words', () => {
    const retold = 'A new bridge now joins the old town and the station. It took three years, and on opening day thousands crossed it before noon. Would you walk it?';
    const check = nearCopyCheck(retold, TRANSCRIPT);
    expect(check).toMatchObject({ ngram: 5, threshold: NEAR_COPY.threshold, flagged: false });
    expect(check.share).toBeLessThan(0.1);
  });

  it('ignores case and punctuation, works on Cyrillic, and counts the share of copied 5-grams', () => {
    expect(nearCopyCheck('ГОРОД открыл НОВЫЙ мост, через реку!', 'город открыл новый мост через реку').flagged).toBe(true);
    // 6 words in the script: 2 five-grams, one of them copied -> 50%.
    expect(nearCopyCheck('the city opened the new span', 'the city opened the new bridge').share).toBe(0.5);
    expect(nearCopyCheck('', TRANSCRIPT)).toMatchObject({ share: 0, flagged: false });
  });
});
