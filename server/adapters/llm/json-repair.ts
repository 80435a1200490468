/*
 * Models sometimes wrap JSON in Markdown fences, add a sentence before or after it, or leave a
 * trailing comma. These are repaired; anything else is reported as not JSON.
 */

function withoutFences(text: string): string {
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(text);
  return fenced?.[1] ?? text;
}

/** The outermost {...} or [...] span, skipping braces inside strings. */
function outermostJson(text: string): string | null {
  const start = text.search(/[{[]/);
  if (start < 0) return null;
  const open = text[start];
  const close = open === '{' ? '}' : ']';
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === open) depth++;
    else if (ch === close) {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}

function withoutTrailingCommas(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json[i] ?? '';
    if (inString) {
      out += ch;
      if (ch === '\\') out += json[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',' && /^\s*[}\]]/.test(json.slice(i + 1))) continue;
    out += ch;
  }
  return out;
}

export class NotJsonError extends Error {}

/** Parses model output as JSON, repairing fences, surrounding prose and trailing commas. */
export function parseModelJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // fall through to repairs
  }
  const span = outermostJson(withoutFences(text)) ?? outermostJson(text);
  if (!span) throw new NotJsonError('the reply contains no JSON object');
  try {
    return JSON.parse(withoutTrailingCommas(span));
  } catch (error) {
    throw new NotJsonError(`the reply is not valid JSON: ${(error as Error).message}`);
  }
}
