/** How the CLI shows progress: a bar per stage on a terminal, plain lines otherwise, JSON lines for machines. */
export interface Reporter {
  /** Progress of a stage (0..1); moving to another stage finishes the one before. */
  progress(stage: string, fraction: number, step?: string): void;
  /** Finishes the current stage's line. */
  finish(): void;
  /** A note for the person at the terminal (nothing in JSON mode). */
  note(message: string): void;
}

export type ReporterMode = 'tty' | 'plain' | 'json';

interface Sink {
  write(text: string): unknown;
  columns?: number;
}

const BAR_WIDTH = 24;
const clamp = (n: number) => Math.max(0, Math.min(1, Number.isFinite(n) ? n : 0));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function createReporter(mode: ReporterMode, out: Sink = process.stderr, now: () => number = Date.now): Reporter {
  let current: { stage: string; fraction: number; step: string; started: number; printedQuarter: number } | null = null;

  const bar = (fraction: number) => {
    const filled = Math.round(clamp(fraction) * BAR_WIDTH);
    return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  };
  const ttyLine = (state: NonNullable<typeof current>, final: boolean) => {
    const percent = `${Math.round(clamp(final ? 1 : state.fraction) * 100)}%`.padStart(4);
    const mark = final ? '✓' : ' ';
    const detail = final ? seconds(now() - state.started) : state.step;
    const line = `${mark} ${state.stage.padEnd(8)} ${bar(final ? 1 : state.fraction)} ${percent}  ${detail}`;
    const width = out.columns && out.columns > 20 ? out.columns : 100;
    return line.length > width - 1 ? line.slice(0, width - 2) + '…' : line;
  };

  const end = () => {
    if (!current) return;
    if (mode === 'tty') out.write(`\r\x1b[2K${ttyLine(current, true)}\n`);
    else if (mode === 'plain') out.write(`[${current.stage}] done in ${seconds(now() - current.started)}\n`);
    else out.write(`${JSON.stringify({ event: 'stage-done', stage: current.stage, ms: now() - current.started })}\n`);
    current = null;
  };

  return {
    progress(stage, fraction, step = '') {
      if (current && current.stage !== stage) end();
      const fresh = !current;
      current ??= { stage, fraction: 0, step: '', started: now(), printedQuarter: -1 };
      const stepChanged = step !== '' && step !== current.step;
      current.fraction = Math.max(current.fraction, clamp(fraction));
      if (step) current.step = step;
      if (mode === 'tty') {
        out.write(`\r\x1b[2K${ttyLine(current, false)}`);
        return;
      }
      // Plain and JSON: a line when the stage starts, when its step changes, and at each quarter.
      const quarter = Math.floor(current.fraction * 4);
      if (!fresh && !stepChanged && quarter <= current.printedQuarter) return;
      current.printedQuarter = Math.max(current.printedQuarter, quarter);
      const percent = Math.round(current.fraction * 100);
      if (mode === 'plain') out.write(`[${stage}] ${percent}%${current.step ? ` ${current.step}` : ''}\n`);
      else out.write(`${JSON.stringify({ event: 'progress', stage, progress: Number(current.fraction.toFixed(3)), step: current.step || null })}\n`);
    },
    finish: end,
    note(message) {
      if (mode === 'json') return;
      end();
      out.write(`${message}\n`);
    },
  };
}

/** A bar on a terminal, lines when piped or logged, JSON lines with --json. */
export function reporterMode(json: boolean, stream: { isTTY?: boolean } = process.stderr): ReporterMode {
  if (json) return 'json';
  return stream.isTTY && process.env.TERM !== 'dumb' ? 'tty' : 'plain';
}
