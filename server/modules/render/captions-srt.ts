import type { Aspect } from '../../../contracts/formats.ts';
import type { Captions } from '../../../contracts/render-plan.ts';
import { layoutCaptionLines } from './caption-lines.ts';
import type { CaptionLine } from './caption-lines.ts';

function formatTime(seconds: number, separator: ',' | '.'): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const rest = ms % 1000;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(rest, 3)}`;
}

export const formatSrtTime = (seconds: number) => formatTime(seconds, ',');
export const formatVttTime = (seconds: number) => formatTime(seconds, '.');

/** Cue text: the spoken words (not uppercased: that is a burn-in style), one line per cue. */
function cueText(line: CaptionLine): string {
  return line.words.map((w) => w.word).join(' ');
}

/** SubRip captions; cues are the same lines the burned-in captions show. */
export function buildSrt(captions: Captions, aspect: Aspect): string {
  const lines = layoutCaptionLines(captions, aspect);
  return lines
    .map((line, index) => `${index + 1}\n${formatSrtTime(line.start)} --> ${formatSrtTime(line.end)}\n${cueText(line)}\n`)
    .join('\n');
}

/** WebVTT has no escapes for words, only for markup: &, < and > must be entities. */
function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** WebVTT captions with the same cues as the SRT. */
export function buildVtt(captions: Captions, aspect: Aspect): string {
  const lines = layoutCaptionLines(captions, aspect);
  const cues = lines.map(
    (line) => `${formatVttTime(line.start)} --> ${formatVttTime(line.end)}\n${escapeVtt(cueText(line))}\n`,
  );
  return `WEBVTT\n\n${cues.join('\n')}`;
}
