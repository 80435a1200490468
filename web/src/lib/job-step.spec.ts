import { describe, expect, it } from 'vitest';
import { en as EN } from '../i18n/en.ts';
import { translate } from '../i18n/i18n.tsx';
import { ru as RU } from '../i18n/ru.ts';
import { jobStepText } from './job-step.ts';

describe('job steps in the reader language', () => {
  const ru = (step: string | null) => jobStepText(step, (key, values) => translate(RU, key, values, 'ru'));
  const en = (step: string | null) => jobStepText(step, (key, values) => translate(EN, key, values, 'en'));

  it('says what the script and avatar jobs do in Russian and English', () => {
    expect(ru('writing the script (offline writer)')).toBe('пишем сценарий (встроенный автор)');
    expect(en('writing the script (llm writer)')).toBe('writing the script (LLM writer)');
    expect(ru('writing new variants for scene s3 (offline writer)')).toBe('пишем новые варианты этой сцены (встроенный автор)');
    expect(ru('HeyGen is making the clip (processing)')).toBe('HeyGen делает клип');
    expect(ru('saving')).toBe('сохраняем');
  });

  it('shows nothing for a step it does not know, rather than English on a Russian screen', () => {
    expect(ru('compacting the widgets')).toBe('');
    expect(ru(null)).toBe('');
  });
});
