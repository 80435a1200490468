export type ParsedStepData =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; problem: 'syntax'; reason: string }
  | { ok: false; problem: 'not-object' };

/** Step data typed by the user: valid JSON, and an object (the API stores one JSON object per step). */
export function parseStepData(text: string): ParsedStepData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'syntax', reason: error instanceof Error ? error.message : String(error) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not-object' };
  return { ok: true, data: value as Record<string, unknown> };
}
