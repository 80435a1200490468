import { describe, expect, it } from 'vitest';
import { JOB_FAILURE_CODES } from '../../../contracts/job-failures.ts';
import { en } from '../i18n/en.ts';
import { translate, type Translate } from '../i18n/i18n.tsx';
import { ru } from '../i18n/ru.ts';
import { jobFailureKey, jobFailureText } from './job-failure.ts';

const tEn: Translate = (key, vars) => translate(en, key, vars, 'en');
const tRu: Translate = (key, vars) => translate(ru, key, vars, 'ru');

describe('job failure catalogue', () => {
  it('has words in both languages for every failure code the server sends', () => {
    for (const code of JOB_FAILURE_CODES) {
      expect(en[jobFailureKey(code)], code).toBeTruthy();
      expect(ru[jobFailureKey(code)], code).toBeTruthy();
      expect(ru[jobFailureKey(code)], code).not.toBe(en[jobFailureKey(code)]);
    }
  });
});

describe('jobFailureText', () => {
  it('words a known failure code in Russian, with the values it names', () => {
    const failure = { error: 'ElevenLabs refused the API key (HTTP 401): check the key in the provider settings', errorCode: 'VOICE_KEY_REFUSED', errorParams: { provider: 'ElevenLabs', status: 401 } };
    expect(jobFailureText(failure, tRu, 'ru')).toEqual({ text: 'ElevenLabs не принял ключ доступа (HTTP 401): проверьте ключ в настройках провайдеров.', untranslated: null });
    expect(jobFailureText({ error: 'The script is empty: finish it in stage 3', errorCode: 'SCRIPT_EMPTY' }, tRu, 'ru').text).toBe(ru['jobError.SCRIPT_EMPTY']);
  });

  it("shows an uncoded failure in the server's words on English screens, and a general sentence with the words folded away otherwise", () => {
    const failure = { error: 'disk full', errorCode: null };
    expect(jobFailureText(failure, tEn, 'en')).toEqual({ text: 'disk full', untranslated: null });
    expect(jobFailureText(failure, tRu, 'ru')).toEqual({ text: ru['jobError.generic'], untranslated: 'disk full' });
    expect(jobFailureText({ error: 'x', errorCode: 'FROM_A_NEWER_SERVER' }, tRu, 'ru').text).toBe(ru['jobError.generic']);
  });
});
