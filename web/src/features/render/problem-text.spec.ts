import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n/i18n.tsx';
import { renderEn } from '../../i18n/render.en.ts';
import { problemText } from './problem-text.ts';

const t: Translate = (key, vars) =>
  (renderEn as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_whole, name: string) => String(vars?.[name] ?? ''));

describe('problemText', () => {
  it('words the known problems for the author and keeps the server text for the rest', () => {
    expect(problemText({ path: 'step3.finalScript.scenes', message: 'x' }, t)).toBe('There is no script yet: finish stage 3 first.');
    expect(problemText({ path: 'step6.scenes[2].visual.assetId', message: 'asset a not found' }, t)).toBe(
      'A file chosen in stage 6 is gone or of the wrong kind; choose it again.',
    );
    expect(problemText({ path: 'step5.clipAssetId', message: 'x' }, t)).toContain('stage 5');
    expect(problemText({ path: 'scenes[0].end', message: 'too short' }, t)).toBe('too short');
  });
});
