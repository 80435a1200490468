import { describe, expect, it } from 'vitest';
import { writeScriptOffline } from './offline-writer.ts';
import { createContext } from './script-context.ts';
import { findNumberPhrase } from './sentence-pool.ts';

const ARTICLE = [
  'The city opened a night library for 3,000 students on Monday.',
  'The library cost 48 million euros and has 120 reading places.',
  'Mette Sorensen, the head librarian, said students had asked for it for years.',
  'In 31 to 40 percent of cases, the reading rooms were full by noon.',
].join(' ');

describe('offline writer wording', () => {
  it('never leads a hook with a figure its own claim repeats', () => {
    const script = writeScriptOffline({ text: ARTICLE, title: 'City opens a night library for 3,000 students', language: 'en', format: 'news', targetSec: 20 });
    const number = script.scenes[0]!.variants.find((v) => v.style === 'number');
    expect(number).toBeDefined();
    const [lead, ...rest] = number!.text.split(/(?<=\.)\s/);
    expect(rest.join(' ')).not.toContain(lead!.replace(/\.$/, ''));
  });

  it('does not take a function word for a unit', () => {
    expect(findNumberPhrase('In 31 to 40 percent of cases')).toBe('31');
    expect(findNumberPhrase('It cost 48 million euros')).toBe('48 million euros');
    expect(findNumberPhrase('for 3,000 students')).toBe('3,000 students');
  });

  it('keeps a name capitalised when a prefix goes before it, and lowers a plain opening word', () => {
    const ctx = createContext(ARTICLE, 'en', 'news');
    expect(ctx.lowerFirst('Mette Sorensen, the head librarian, said so.')).toBe('Mette Sorensen, the head librarian, said so.');
    expect(ctx.lowerFirst('The library cost 48 million euros.')).toBe('the library cost 48 million euros.');
  });
});
