import { SPEAKING_RATE_WPS } from '../../lib/formats.ts';
import { describe, expect, it } from 'vitest';
import { applyMergePatch } from '../../../../contracts/merge-patch.ts';
import { writeScriptOffline } from '../../../../server/modules/writers/offline/write.ts';
import { LONG_ARTICLE_TEXT } from '../../../../server/modules/news/testing/stories.ts';
import { choicePatch, choicesOf, hasPlaceholders, sceneText, scriptOf, totalsOf, withBestPicks } from './script-state.ts';

const script = writeScriptOffline({ text: LONG_ARTICLE_TEXT, title: 'Tram vote', language: 'en', format: 'hook-story', targetSec: 40 });

describe('stage-3 constructor state', () => {
  it('tells an idea script with places to fill in from an article script', () => {
    expect(hasPlaceholders(script)).toBe(false);
    expect(hasPlaceholders(writeScriptOffline({ text: 'why cities should plant more trees', language: 'en', format: 'explainer', targetSec: 40 }))).toBe(true);
  });

  it('reads the stored script and refuses data that is not one', () => {
    expect(scriptOf({ generatedVariants: script })?.scenes).toHaveLength(script.scenes.length);
    expect(scriptOf({ finalScript: { scenes: [{ id: '1', text: 'x' }] } })).toBeNull();
    expect(scriptOf({ generatedVariants: { scenes: 'no' } })).toBeNull();
  });

  it('round-trips choices through merge patches, own text winning over the variant', () => {
    let data: Record<string, unknown> = { generatedVariants: script };
    const [hook, body] = script.scenes;
    data = applyMergePatch(data, choicePatch(hook!.id, { variantId: hook!.variants[1]!.id })) as Record<string, unknown>;
    data = applyMergePatch(data, choicePatch(body!.id, { variantId: body!.variants[0]!.id, text: 'My edit of the second scene.' })) as Record<string, unknown>;
    const choices = choicesOf(data);
    expect(sceneText(hook!, choices[hook!.id])).toBe(hook!.variants[1]!.text);
    expect(sceneText(body!, choices[body!.id])).toBe('My edit of the second scene.');
    expect(data.selectedVariants).toEqual({ [hook!.id]: hook!.variants[1]!.id, [body!.id]: body!.variants[0]!.id });
    data = applyMergePatch(data, choicePatch(hook!.id, null)) as Record<string, unknown>;
    expect(choicesOf(data)[hook!.id]).toBeUndefined();
  });

  it('totals words and seconds of the chosen texts and says when every scene is chosen', () => {
    const partial = totalsOf(script, { [script.scenes[0]!.id]: { text: 'One two three four five.' } });
    expect(partial).toMatchObject({ words: 5, seconds: Math.round((5 / SPEAKING_RATE_WPS.en) * 10) / 10, chosen: 1, complete: false });
    const all = Object.fromEntries(script.scenes.map((s) => [s.id, { variantId: [...s.variants].sort((a, b) => b.score - a.score)[0]!.id }]));
    const totals = totalsOf(script, all);
    expect(totals.complete).toBe(true);
    expect(totals.words).toBe(script.totalWords);
    expect(totals.onTarget).toBe(true);
  });

  it('preselects the best-scored variant of every scene the author has not decided, keeping their choices', () => {
    const [hook, body] = script.scenes;
    const own = { [body!.id]: { variantId: null, text: 'My own words.' } };
    const picked = withBestPicks(script, own);
    expect(totalsOf(script, picked).complete).toBe(true);
    expect(sceneText(body!, picked[body!.id])).toBe('My own words.');
    const best = Math.max(...hook!.variants.map((v) => v.score));
    expect(hook!.variants.find((v) => v.id === picked[hook!.id]!.variantId)?.score).toBe(best);
    // "Write my own" chosen with nothing written yet stays the author's choice.
    expect(withBestPicks(script, { [hook!.id]: { variantId: null, text: '' } })[hook!.id]).toEqual({ variantId: null, text: '' });
  });
});
