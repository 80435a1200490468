import { readFileSync } from 'node:fs';

/** pino's levels: 40 is warn, 50 error, 60 fatal. */
const WARN_LEVEL = 40;

/**
 * The lines of a server log that report an error or a warning: pino records at warn level or
 * above, and any other printed line (Node's own warnings, a stack trace) that names one.
 */
export function problemLines(log: string): string[] {
  return log.split('\n').filter((line) => {
    if (!line.trim()) return false;
    const record = parseRecord(line);
    if (record) return typeof record.level === 'number' && record.level >= WARN_LEVEL;
    return /(error|warn(ing)?|fatal|exception)\b/i.test(line) || /^\s+at /.test(line);
  });
}

function parseRecord(line: string): { level?: unknown } | null {
  if (!line.startsWith('{')) return null;
  try {
    return JSON.parse(line) as { level?: unknown };
  } catch {
    return null;
  }
}

/** Fails with the offending lines when the server log of this run holds errors or warnings. */
export function assertCleanServerLog(path: string): void {
  const problems = problemLines(readFileSync(path, 'utf8'));
  if (problems.length === 0) return;
  const shown = problems.slice(0, 20).map((line) => `  ${line.slice(0, 600)}`);
  throw new Error(`The server logged ${problems.length} error or warning line(s) during the browser tests (${path}):\n${shown.join('\n')}`);
}
