import type { WriterKind } from '../../../contracts/writer.ts';

export interface LlmPrices {
  /** US dollars per million tokens. */
  inputPerMTok: number;
  outputPerMTok: number;
}

/** Characters per token: the usual estimate for English and Russian prose with BPE tokenizers. */
const CHARS_PER_TOKEN = 4;
/** The instructions every request carries besides the source. */
const PROMPT_OVERHEAD_CHARS = 4000;
/** The most of a source the writers send (longer texts are cut). */
const SOURCE_CHARS_SENT = 24_000;
/** Requests per draft: analysis, script, and the one retry a draft may need. */
export const REQUESTS_PER_DRAFT = 3;
/** Variants per scene the model writes, each about as long as the script. */
const VARIANTS = 4;

/**
 * The most one draft can cost in provider spend, in micro-dollars: reserved before the draft is
 * written, so the monthly budget holds even when every request is made. Offline writing is free.
 */
export function draftCostMicros(kind: WriterKind, prices: LlmPrices, sourceChars: number, targetSec: number): number {
  if (kind === 'offline') return 0;
  const inputTokens = (REQUESTS_PER_DRAFT * (Math.min(sourceChars, SOURCE_CHARS_SENT) + PROMPT_OVERHEAD_CHARS)) / CHARS_PER_TOKEN;
  const scriptChars = targetSec * 2.6 * 6;
  const outputTokens = (REQUESTS_PER_DRAFT * (VARIANTS * scriptChars + 1000)) / CHARS_PER_TOKEN;
  return Math.ceil(inputTokens * prices.inputPerMTok + outputTokens * prices.outputPerMTok);
}
