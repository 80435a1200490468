import { describe, expect, it } from 'vitest';
import type { StoryboardSceneView } from './api/storyboard.ts';
import { clipFit, pickerOf, thumbOf } from './visual-info.ts';

const scene = (overrides: Partial<StoryboardSceneView> = {}): StoryboardSceneView => ({
  sceneId: 's1',
  index: 0,
  text: 'Tides rise twice a day',
  startSec: 0,
  durationSec: 3,
  visual: null,
  automaticCard: { design: 'stripes', palette: 'ocean' },
  asset: null,
  motion: 'none',
  transition: 'cut',
  keywords: ['Tides', 'twice'],
  ...overrides,
});

describe('scene visuals in the storyboard screen', () => {
  it('says whether a clip loops, is trimmed or fits its scene', () => {
    expect(clipFit(2, 0, 3)).toBe('loops');
    expect(clipFit(10, 0, 3)).toBe('trimmed');
    expect(clipFit(10, 8, 3)).toBe('loops');
    expect(clipFit(3.02, 0, 3)).toBe('fits');
    expect(clipFit(null, 0, 3)).toBeNull();
    // A chosen part: its own length counts, not the clip's.
    expect(clipFit(10, 2, 3, 4)).toBe('loops');
    expect(clipFit(10, 2, 3, 5)).toBe('fits');
    expect(clipFit(10, 2, 3, 30)).toBe('trimmed');
  });

  it('shows the automatic card with the key words until the author chooses something', () => {
    expect(thumbOf(scene())).toEqual({ kind: 'card', design: 'stripes', palette: 'ocean', text: 'Tides twice' });
    expect(thumbOf(scene({ visual: { kind: 'card', design: 'waves', keywords: ['Moon'] } }))).toEqual({ kind: 'card', design: 'waves', palette: 'ocean', text: 'Moon' });
  });

  it('shows images as pictures and clips (own or stock) as videos from where they start', () => {
    const asset = { id: 'a', kind: 'video', mime: 'video/mp4', url: '/api/assets/a/content', meta: {}, originalName: null };
    expect(thumbOf(scene({ visual: { kind: 'video', assetId: 'a', startAtSec: 2 }, asset }))).toEqual({ kind: 'video', src: '/api/assets/a/content', atSec: 2 });
    expect(thumbOf(scene({ visual: { kind: 'stock', assetId: 'a', media: 'video', provider: 'pexels' }, asset }))).toMatchObject({ kind: 'video', atSec: 0 });
    expect(thumbOf(scene({ visual: { kind: 'article-image', assetId: 'a' }, asset: { ...asset, mime: 'image/jpeg' } }))).toEqual({ kind: 'image', src: '/api/assets/a/content' });
    expect(pickerOf(scene({ visual: { kind: 'article-image', assetId: 'a' } }))).toBe('article');
    expect(pickerOf(scene({ visual: { kind: 'image', assetId: 'a' } }))).toBe('upload');
    expect(pickerOf(scene())).toBe('card');
  });
});
