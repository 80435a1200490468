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
