import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../contracts/assets.ts';
import { matchPictures } from '../render/picture-match.ts';
import { candidatePictures, pictureProblem, usablePictures } from './article-pictures.ts';

const asset = (id: string, meta: Record<string, unknown>) => ({ id, meta }) as unknown as Asset;

describe('article pictures', () => {
  it('keeps pictures of the story in order, without logos, icons, avatars, pixels or the same picture twice', () => {
    const pictures = candidatePictures([
      { url: 'https://news.example/img/lead-1200x800.jpg' },
      'https://news.example/static/logo.png',
      { url: 'https://news.example/img/lead.jpg?w=300' },
      { url: 'https://cdn.example/avatars/jane.jpg' },
      { url: 'https://news.example/images/author-corey-kilgannon.jpg' },
      { url: 'https://t.example/pixel.gif?id=1' },
      { url: 'https://news.example/icons/share.svg' },
      { url: 'https://news.example/img/harbour.jpg', alt: 'The harbour pump', position: 0.6 },
      { url: 'javascript:alert(1)' },
    ]);
    expect(pictures.map((p) => p.url)).toEqual(['https://news.example/img/lead-1200x800.jpg', 'https://news.example/img/harbour.jpg']);
    expect(pictures[1]).toMatchObject({ alt: 'The harbour pump', position: 0.6 });
  });

  it('uses pictures at least 600 px on the short side, each file once', () => {
    expect(pictureProblem({ width: 1200, height: 599 })).toMatch(/600/);
    expect(pictureProblem({ width: 1200, height: 800 })).toBeNull();
    const usable = usablePictures([
      asset('b', { width: 1600, height: 900, position: 0.5, sha256: 'x' }),
      asset('a', { width: 1600, height: 900, position: 0, sha256: 'y' }),
      asset('c', { width: 1600, height: 900, position: 0.7, sha256: 'x' }),
      asset('d', { width: 300, height: 300, position: 0.2, sha256: 'z', usable: false }),
    ]);
    expect(usable.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('puts each picture on the scene it illustrates best, the lead picture first, the call to action on its card', () => {
    const scenes = ['A pump failed in the harbour overnight.', 'Forty homes on Quay Street flooded.', 'The mayor promised a new pump.', 'Follow for more.'];
    const chosen = matchPictures(scenes, [
      { path: 'lead.jpg', description: '', position: 0 },
      { path: 'mayor.jpg', description: 'The mayor speaks to reporters', position: 0.3 },
    ]);
    expect(chosen.get(0)?.path).toBe('lead.jpg');
    expect(chosen.get(2)?.path).toBe('mayor.jpg');
    expect(chosen.has(3)).toBe(false);
    // A scene the author chose a visual for is left alone.
    expect(matchPictures([null, 'b', 'c'], [{ path: 'lead.jpg', description: '', position: 0 }]).get(0)).toBeUndefined();
  });
});
