import { describe, expect, it } from 'vitest';
import { parseHashtags, publishText } from './publish-text.ts';

describe('publish text', () => {
  it('reads hashtags typed with or without #, separated by spaces or commas, in any script', () => {
    expect(parseHashtags('oil, #нефть  ##prices;oil #')).toEqual(['#oil', '#нефть', '#prices']);
    expect(parseHashtags('  ')).toEqual([]);
    expect(parseHashtags('#c++ #ai-news')).toEqual(['#c', '#ainews']);
  });

  it('joins title, description and hashtags for pasting', () => {
    expect(publishText({ title: 'Oil', description: 'Why it rose.', hashtags: ['#oil', '#news'] })).toBe('Oil\n\nWhy it rose.\n\n#oil #news');
    expect(publishText({ title: 'Oil', description: ' ', hashtags: [] })).toBe('Oil');
  });
});
