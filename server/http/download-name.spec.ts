import { describe, expect, it } from 'vitest';
import { downloadFileName } from './download-name.ts';

describe('download file names', () => {
  it('transliterates Russian titles and keeps the extension', () => {
    expect(downloadFileName('Новости дня.mp4', 'video')).toBe('novosti-dnya.mp4');
    expect(downloadFileName('Щука, ёж и Юла!.srt', 'video')).toBe('shchuka-ezh-i-yula.srt');
  });

  it('keeps Latin names readable and falls back when nothing is left', () => {
    expect(downloadFileName('Oil hits a record – 2026.mp4', 'video')).toBe('oil-hits-a-record-2026.mp4');
    expect(downloadFileName('Crème brûlée', 'video')).toBe('creme-brulee');
    expect(downloadFileName('日本.mp4', 'render-1')).toBe('render-1.mp4');
  });
});
