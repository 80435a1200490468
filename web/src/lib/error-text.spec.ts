import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { translate, type Translate } from '../i18n/i18n.tsx';
import { ru } from '../i18n/ru.ts';
import { errorText, fieldErrors, issueText } from './error-text.ts';
import { ApiError } from './http.ts';

const t: Translate = (key, vars) => translate(en, key, vars);

describe('errorText', () => {
  it("shows the server's explanation of a rule", () => {
    expect(errorText(new ApiError(409, 'STAGE_NOT_REACHED', 'Complete or skip stage 1 before going to stage 2'), t)).toBe(
      'Complete or skip stage 1 before going to stage 2',
    );
  });

  it('translates transport and server faults instead of showing internals', () => {
    expect(errorText(new ApiError(0, 'NETWORK', 'Failed to fetch'), t)).toBe(en['error.network']);
    expect(errorText(new ApiError(500, 'INTERNAL', 'Internal error'), t)).toBe(en['error.internal']);
    expect(errorText(new TypeError('x is undefined'), t)).toBe(en['error.generic']);
  });
});

describe('errorText for import failures', () => {
  it('says what was wrong and what to do, from the catalogue, with the limit of a too long text', () => {
    const feed = new ApiError(400, 'VALIDATION_FAILED', 'This address is a feed', { reason: 'FEED_URL', feedUrl: 'https://x.example/rss', feedTitle: 'Daily' });
    expect(errorText(feed, t)).toBe('This is the news feed “Daily”, not an article: add it to your feeds?');
    expect(errorText(new ApiError(400, 'VALIDATION_FAILED', 'x', { reason: 'FEED_URL', feedTitle: null }), t)).toBe(en['importError.feedUrl']);
    expect(errorText(new ApiError(422, 'FETCH_FAILED', 'x', { reason: 'NO_ARTICLE' }), t)).toBe(en['importError.noArticle']);
    const long = new ApiError(400, 'VALIDATION_FAILED', 'text: too long', { reason: 'TOO_LONG', limit: { characters: 200_000, words: 29_000 } });
    expect(errorText(long, t, (n) => n.toLocaleString('en-US'))).toBe('The text is too long: at most 200,000 characters (about 29,000 words). Shorten it or split it into several videos.');
    // Without the numbers it falls back on the server's own message.
    expect(errorText(new ApiError(400, 'VALIDATION_FAILED', 'text: too long', { reason: 'TOO_LONG' }), t)).toBe('text: too long');
  });
});

describe('fieldErrors', () => {
  const tRu: Translate = (key, vars) => translate(ru, key, vars, 'ru');

  it('maps a 400 answer to the first message per field, worded by the issue code', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'email: bad; password: short', {
      issues: [
        { path: 'email', message: 'must be a valid email address', code: 'invalid_format', format: 'email' },
        { path: 'password', message: 'must be at least 8 characters', code: 'too_small', origin: 'string', minimum: 8 },
        { path: 'email', message: 'second message', code: 'custom' },
      ],
    });
    expect(fieldErrors(error, t, 'en')).toEqual({ email: en['fieldError.format.email'], password: 'Too short: at least 8 characters.' });
    expect(fieldErrors(error, tRu, 'ru')).toEqual({ email: ru['fieldError.format.email'], password: 'Слишком коротко: не меньше 8 символов.' });
    expect(fieldErrors(new ApiError(409, 'EMAIL_TAKEN', 'taken', { field: 'email' }), t, 'en')).toEqual({});
  });

  it("keeps the server's words for a code the catalogue does not word on English screens only", () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'x', { issues: [{ path: 'kind', message: 'must be one of: a, b', code: 'invalid_value' }, { path: 'name', message: 'old server' }] });
    expect(fieldErrors(error, t, 'en')).toEqual({ kind: 'must be one of: a, b', name: 'old server' });
    expect(fieldErrors(error, tRu, 'ru')).toEqual({ kind: ru['fieldError.invalid'], name: ru['fieldError.invalid'] });
  });

  it('words missing values and limits of numbers and lists', () => {
    expect(issueText({ code: 'too_small', origin: 'string', minimum: 1 }, tRu)).toBe(ru['fieldError.required']);
    expect(issueText({ code: 'invalid_type', message: 'Invalid input: expected string, received undefined' }, tRu)).toBe(ru['fieldError.required']);
    expect(issueText({ code: 'too_big', origin: 'number', maximum: 100 }, tRu)).toBe('Не больше 100.');
    expect(issueText({ code: 'too_big', origin: 'string', maximum: 21 }, tRu)).toBe('Слишком длинно: не больше 21 символа.');
    expect(issueText({ code: 'unrecognized_keys' }, tRu)).toBeNull();
  });
});
