import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WriteScriptInput } from '../../../../contracts/script.ts';
import { generatedScriptSchema } from '../../../../contracts/script.ts';
import { extractArticle } from '../../sources/extract-article.ts';
import { writeScriptOffline } from './write.ts';
import { regenerateSceneOffline } from './regenerate.ts';
import { ScriptError } from '../../script/script-error.ts';

const en = extractArticle(readFileSync(new URL('../../sources/__fixtures__/en-news-cluttered.html', import.meta.url), 'utf8'));
const articleInput: WriteScriptInput = { text: en.text, title: en.title, language: 'en', format: 'explainer', targetSec: 50 };
const ideaInput: WriteScriptInput = { text: 'Почему кошки спят по 16 часов в сутки', language: 'ru', format: 'hook-story', targetSec: 35 };

describe('regenerateSceneOffline', () => {
  for (const [label, input] of [['article', articleInput], ['idea', ideaInput]] as const) {
    const original = writeScriptOffline(input);
    for (const scene of original.scenes) {
      it(`${label}: new variants for ${scene.id} (${scene.role}), every other scene untouched`, () => {
        const next = regenerateSceneOffline({ script: original, sceneId: scene.id, source: input });
        expect(generatedScriptSchema.parse(next)).toEqual(next);
        const regenerated = next.scenes.find((s) => s.id === scene.id);
        expect(regenerated?.variants.length).toBeGreaterThanOrEqual(3);
        const previousTexts = new Set(scene.variants.map((v) => v.text));
        for (const variant of regenerated?.variants ?? []) expect(previousTexts.has(variant.text)).toBe(false);
        const lastPrevious = scene.variants.length;
        expect(regenerated?.variants.map((v) => v.id)).toEqual(regenerated?.variants.map((_, i) => `${scene.id}-v${lastPrevious + i + 1}`));
        expect(next.scenes.filter((s) => s.id !== scene.id)).toEqual(original.scenes.filter((s) => s.id !== scene.id));
        expect(next.totalWords).toBe(next.scenes.reduce((sum, s) => sum + (s.variants[0]?.words ?? 0), 0));
      });
    }
  }

  it('keeps finding new wording over repeated regenerations', () => {
    let script = writeScriptOffline(articleInput);
    const sceneId = 's2';
    for (let round = 0; round < 4; round++) {
      const before = new Set(script.scenes.find((s) => s.id === sceneId)?.variants.map((v) => v.text));
      script = regenerateSceneOffline({ script, sceneId, source: articleInput });
      const after = script.scenes.find((s) => s.id === sceneId)?.variants ?? [];
      expect(after.some((v) => before.has(v.text))).toBe(false);
    }
    const ids = script.scenes.find((s) => s.id === sceneId)?.variants.map((v) => Number(v.id.split('-v')[1])) ?? [];
    expect(Math.min(...ids)).toBeGreaterThan(12);
  });

  it('refuses an unknown scene', () => {
    const script = writeScriptOffline(articleInput);
    expect(() => regenerateSceneOffline({ script, sceneId: 's99', source: articleInput })).toThrow(ScriptError);
    expect(() => regenerateSceneOffline({ script, sceneId: 's99', source: articleInput })).toThrow(/no scene "s99"/);
  });
});
