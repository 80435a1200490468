import { describe, expect, it } from 'vitest';
import { createReporter } from './reporter.ts';

function sink() {
  const sink = { text: '', columns: 120, write: (chunk: string) => (sink.text += chunk) };
  return sink;
}

describe('progress reporter', () => {
  it('draws one bar per stage on a terminal, rewriting its line, and ticks it off when the next stage starts', () => {
    const out = sink();
    let clock = 0;
    const reporter = createReporter('tty', out, () => clock);
    reporter.progress('voice', 0.25, 'synthesizing 1/4');
    reporter.progress('voice', 0.5, 'synthesizing 2/4');
    clock = 2500;
    reporter.progress('render', 0.1, 'encoding');
    reporter.finish();
    const lines = out.text.split('\n');
    expect(lines[0]).toContain('\r\x1b[2K  voice    ██████░░░░░░░░░░░░░░░░░░  25%  synthesizing 1/4');
    expect(lines[0]).toContain('\r\x1b[2K✓ voice    ████████████████████████ 100%  2.5 s');
    expect(lines[1]).toContain('✓ render   ████████████████████████ 100%  0.0 s');
  });

  it('prints plain lines when a stage starts, its step changes or a quarter is passed', () => {
    const out = sink();
    const reporter = createReporter('plain', out, () => 0);
    reporter.progress('render', 0, 'encoding');
    reporter.progress('render', 0.1, 'encoding');
    reporter.progress('render', 0.3, 'encoding');
    reporter.progress('render', 0.31, 'encoding');
    reporter.progress('render', 0.9, 'finishing');
    reporter.finish();
    expect(out.text).toBe('[render] 0% encoding\n[render] 30% encoding\n[render] 90% finishing\n[render] done in 0.0 s\n');
  });

  it('writes JSON lines for machines and no notes', () => {
    const out = sink();
    const reporter = createReporter('json', out, () => 0);
    reporter.progress('script', 0.5, 'writing');
    reporter.note('hello');
    reporter.finish();
    expect(out.text.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { event: 'progress', stage: 'script', progress: 0.5, step: 'writing' },
      { event: 'stage-done', stage: 'script', ms: 0 },
    ]);
  });
});
