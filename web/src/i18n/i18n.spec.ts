import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en.ts';
import { messageVariables, pluralBlocks } from './format.ts';
import { initialLanguage, translate } from './i18n.tsx';
import { ru } from './ru.ts';

const placeholders = messageVariables;

describe('dictionaries', () => {
  it('every Russian message exists, is translated text, and has the same placeholders as the English one', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(ru[key].trim(), key).not.toBe('');
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('every plural block has each form the language needs (one/other in English; one/few/many/other in Russian)', () => {
    for (const [language, messages] of [['en', en], ['ru', ru]] as const) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const key of Object.keys(en) as MessageKey[]) {
        for (const block of pluralBlocks(messages[key])) expect(block.categories, `${language} ${key}`).toEqual(expect.arrayContaining(needed));
      }
    }
    expect(pluralBlocks(ru['storyboard.scenes.total'])[0]?.categories).toEqual(['one', 'few', 'many', 'other']);
  });

  it('a count is never glued to a word without a plural block ("{n} scenes")', () => {
    const countedNouns = /\{(n|count|words|left)\} (scenes?|words?|stories|сцен\p{L}*|слов\p{L}*|материал\p{L}*)/u;
    const glued = (Object.keys(en) as MessageKey[]).filter((key) => countedNouns.test(en[key]) || countedNouns.test(ru[key]));
    expect(glued).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(en, 'projects.stageOf', { n: 3, total: 8, name: 'Script' })).toBe('Stage 3 of 8: Script');
    expect(translate(ru, 'projects.stageOf', { n: 3, total: 8 })).toBe('Этап 3 из 8: {name}');
    expect(translate(en, 'editor.notObject')).toContain('{"key": "value"}');
  });
});

describe('initialLanguage', () => {
  it('prefers the stored choice, then the browser languages in order, then English', () => {
    expect(initialLanguage('ru', ['en-US'])).toBe('ru');
    expect(initialLanguage(null, ['ru-RU', 'en'])).toBe('ru');
    expect(initialLanguage(null, ['de-DE', 'en-GB', 'ru'])).toBe('en');
    expect(initialLanguage('fr', ['de-DE'])).toBe('en');
  });
});
