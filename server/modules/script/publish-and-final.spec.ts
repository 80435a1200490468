import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import { describe, expect, it } from 'vitest';
import { publishMetadataSchema } from '../../../contracts/script.ts';
import { finalScriptSchema } from '../../../contracts/step-data.ts';
import { finalScriptFromChoices } from './final-script.ts';
import type { SceneChoice } from './final-script.ts';
import { writeScriptOffline } from '../writers/offline/write.ts';
import { draftPublishMetadata } from '../writers/offline/publish-metadata.ts';

const text =
  'Copenhagen switched on a seawater heat pump on Tuesday. The harbour pump will warm 25,000 homes. The heat pump cost 150 million euros. Critics say the harbour pump was expensive.';

describe('draftPublishMetadata', () => {
  it('drafts a title, a description and valid hashtags from the script', () => {
    const script = writeScriptOffline({ text, title: 'Copenhagen harbour heat pump warms 25,000 homes', language: 'en', format: 'news', targetSec: 20 });
    const metadata = draftPublishMetadata({ language: 'en', title: script.title, format: 'news', scenes: script.scenes.map((s) => ({ role: s.role, text: s.variants[0]?.text ?? '' })) });
    expect(publishMetadataSchema.parse(metadata)).toEqual(metadata);
    expect(metadata.title).toBe('Copenhagen harbour heat pump warms 25,000 homes');
    expect(metadata.hashtags).toEqual(expect.arrayContaining(['#harbour', '#pump', '#news', '#shorts']));
    expect(metadata.description).not.toMatch(/comments/);
  });

  it('works in Russian without a title and keeps within the limits', () => {
    const metadata = draftPublishMetadata({
      language: 'ru',
      format: 'explainer',
      scenes: [
        { role: 'hook', text: 'Почему библиотека в Петрозаводске работает ночью? Разбираемся.' },
        { role: 'body', text: 'Библиотека работает круглосуточно. Студенты библиотеки занимаются ночью. '.repeat(10) },
        { role: 'cta', text: 'Подписывайтесь.' },
      ],
    });
    expect(publishMetadataSchema.parse(metadata)).toEqual(metadata);
    expect(metadata.title).toBe('Почему библиотека в Петрозаводске работает ночью?');
    expect(metadata.description.length).toBeLessThanOrEqual(400);
    expect(metadata.hashtags).toEqual(expect.arrayContaining(['#библиотека', '#объясняю']));
  });
});

describe('finalScriptFromChoices', () => {
  const script = writeScriptOffline({ text, language: 'en', format: 'news', targetSec: 20 });

  it('needs a choice for every scene and names the missing ones', () => {
    const partial = { s1: { variantId: 's1-v2' } };
    expect(() => finalScriptFromChoices(script, partial)).toThrow(/s2/);
  });

  it('builds the stage-3 final script from picks and own text', () => {
    const choices: Record<string, SceneChoice> = Object.fromEntries(script.scenes.map((s) => [s.id, { variantId: s.variants[1]?.id ?? s.variants[0]?.id }]));
    choices.s1 = { text: 'My own opening line.' };
    const final = finalScriptFromChoices(script, choices);
    expect(finalScriptSchema.parse(final)).toEqual(final);
    expect(final.scenes[0]?.text).toBe('My own opening line.');
    expect(final.selectedVariants.s1).toBeUndefined();
    expect(final.selectedVariants.s2).toBe(script.scenes[1]?.variants[1]?.id);
    const words = final.scenes.reduce((sum, s) => sum + s.text.split(/\s+/).length, 0);
    expect(final.totalWords).toBe(words);
    expect(final.duration).toBe(Math.round((words / SPEAKING_RATE_WPS.en) * 10) / 10);
    expect(() => finalScriptFromChoices(script, { ...choices, s2: { variantId: 's2-v99' } })).toThrow(/no variant "s2-v99"/);
  });
});
