import { describe, expect, it } from 'vitest';
import { finalScriptFromChoices } from '../script/final-script.ts';
import { writeScriptOffline } from '../writers/offline/write.ts';
import { bestChoices } from './make-plan.ts';

describe('bestChoices (the fast path picks for the author)', () => {
  it.each([
    ['en', 'why cities should plant more trees'],
    ['ru', 'Копенгаген отапливает дома морской водой'],
  ] as const)('never picks a place to fill in for a bare idea (%s), and leaves out scenes that are nothing else', (language, idea) => {
    const script = writeScriptOffline({ text: idea, language, format: 'explainer', targetSec: 30 });
    // The writer offers the author places to fill in: the fast path must not say them.
    expect(script.scenes.some((s) => s.variants.every((v) => /\[[^\]]+\]/.test(v.text)))).toBe(true);
    const choices = bestChoices({ generatedVariants: script });
    const final = finalScriptFromChoices(script, choices);
    expect(final.scenes.length).toBeGreaterThan(0);
    expect(final.scenes.length).toBeLessThan(script.scenes.length);
    for (const scene of final.scenes) expect(scene.text).not.toMatch(/\[[^\]]+\]/);
    expect(final.scenes[0]!.text.toLowerCase()).toContain(idea.split(' ')[1]!.toLowerCase());
  });

  it('keeps the author’s own text and every scene that has something to say', () => {
    const text = 'Copenhagen switched on a seawater heat pump on Tuesday. The harbour pump will warm 25,000 homes. The heat pump cost 150 million euros. Critics say the harbour pump was expensive.';
    const script = writeScriptOffline({ text, language: 'en', format: 'news', targetSec: 20 });
    const own = { choices: { s1: { text: 'My own hook.' } }, generatedVariants: script };
    const final = finalScriptFromChoices(script, bestChoices(own));
    const sayable = script.scenes.filter((s) => s.id === 's1' || s.variants.some((v) => !/\[[^\]]+\]/.test(v.text)));
    expect(final.scenes.map((s) => s.id)).toEqual(sayable.map((s) => s.id));
    expect(final.scenes[0]!.text).toBe('My own hook.');
  });

  it('refuses a final script with every scene left out', () => {
    const script = writeScriptOffline({ text: 'why cities should plant more trees', language: 'en', format: 'explainer', targetSec: 30 });
    const all = Object.fromEntries(script.scenes.map((s) => [s.id, { omit: true }]));
    expect(() => finalScriptFromChoices(script, all)).toThrow(/keep at least one/);
  });
});
