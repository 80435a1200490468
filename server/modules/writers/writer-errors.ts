import { LlmError } from '../../adapters/llm/llm-error.ts';
import { AppError } from '../../http/errors.ts';
import { ScriptError } from '../script/script-error.ts';

/** A writer's failure as an API error: configuration problems are 409, provider failures 502. */
export function writerFailure(error: unknown): unknown {
  if (error instanceof LlmError) {
    if (error.code === 'CONFIG') return new AppError('PROVIDER_NOT_CONFIGURED', error.message, { reason: error.code });
    return new AppError('PROVIDER_FAILED', error.message, { reason: error.code, provider: error.details.provider, retryAfterSec: error.details.retryAfterSec });
  }
  if (error instanceof ScriptError) {
    if (error.code === 'NO_NEW_VARIANTS') return new AppError('CONFLICT', error.message, { reason: error.code });
    return new AppError('VALIDATION_FAILED', error.message, { reason: error.code });
  }
  return error;
}

/** Runs a writer call and rethrows its failure as an AppError. */
export async function viaWriter<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw writerFailure(error);
  }
}
