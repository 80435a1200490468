import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { translate, type Translate } from '../i18n/i18n.tsx';
import { errorText, fieldErrors } from './error-text.ts';
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
  it('maps a 400 answer to the first message per field', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'email: bad; password: short', {
      issues: [
        { path: 'email', message: 'must be a valid email address' },
        { path: 'password', message: 'must be at least 8 characters' },
        { path: 'email', message: 'second message' },
      ],
    });
    expect(fieldErrors(error)).toEqual({ email: 'must be a valid email address', password: 'must be at least 8 characters' });
    expect(fieldErrors(new ApiError(409, 'EMAIL_TAKEN', 'taken', { field: 'email' }))).toEqual({});
  });
});
