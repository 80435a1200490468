import type { Font } from 'opentype.js';
import type { CardLayout } from '../../../contracts/render-plan.ts';
import { splitFigure } from './card-text.ts';
import { textWidth } from './fonts.ts';

export interface PlacedWord {
  text: string;
  x: number;
  baseline: number;
  fontSize: number;
  /** Drawn in the palette's accent colour (when that colour is readable on the background). */
  accent: boolean;
}

export interface CardTextLayout {
  kind: 'phrase' | 'figure' | CardLayout;
  words: PlacedWord[];
  /** The block the words occupy (for a news card, its band), in frame pixels. */
  box: { x: number; y: number; width: number; height: number };
  /** A news card's opaque band across the frame, drawn under the words. */
  band?: { y: number; height: number };
}

export const LINE_FACTOR = 1.12;
const CAP_HEIGHT = 0.72;

function breakLines(font: Font, words: string[], fontSize: number, maxWidth: number): string[][] | null {
  const space = textWidth(font, ' ', fontSize);
  const lines: string[][] = [];
  let current: string[] = [];
  let currentWidth = 0;
  for (const word of words) {
    const width = textWidth(font, word, fontSize);
    if (width > maxWidth) return null;
    if (current.length > 0 && currentWidth + space + width > maxWidth) {
      lines.push(current);
      current = [];
      currentWidth = 0;
    }
    currentWidth += (current.length > 0 ? space : 0) + width;
    current.push(word);
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** The largest size (from `start` down to `min`) at which the words fit `maxWidth` in `maxLines` lines of at most `maxHeight`. */
export function fit(font: Font, words: string[], start: number, min: number, maxWidth: number, maxHeight: number, maxLines: number): { lines: string[][]; size: number } {
  for (let size = start; size >= min; size *= 0.94) {
    const lines = breakLines(font, words, size, maxWidth);
    if (lines && lines.length <= maxLines && lines.length * size * LINE_FACTOR <= maxHeight) return { lines, size };
  }
  // One word too long for any size: shrink it to the width.
  const longest = words.reduce((a, b) => (textWidth(font, b, 100) > textWidth(font, a, 100) ? b : a), words[0] ?? '');
  const size = Math.min(min, (maxWidth / Math.max(1, textWidth(font, longest, 100))) * 100);
  return { lines: breakLines(font, words, size, maxWidth) ?? [words], size };
}

/** Lines from `top`, each at its own size: centred on `centreX`, or from `left` when it is given. */
export function placeLines(font: Font, rows: Array<{ words: string[]; size: number; accent?: (word: string) => boolean }>, top: number, width: number, left?: number, centreX = width / 2): CardTextLayout['words'] {
  const placed: PlacedWord[] = [];
  let y = top;
  for (const row of rows) {
    const space = textWidth(font, ' ', row.size);
    const widths = row.words.map((w) => textWidth(font, w, row.size));
    const lineWidth = widths.reduce((a, b) => a + b, 0) + space * (row.words.length - 1);
    let x = left ?? centreX - lineWidth / 2;
    const lineHeight = row.size * LINE_FACTOR;
    const baseline = y + (lineHeight + row.size * CAP_HEIGHT) / 2;
    row.words.forEach((word, i) => {
      placed.push({ text: word, x, baseline, fontSize: row.size, accent: row.accent?.(word) ?? false });
      x += (widths[i] ?? 0) + space;
    });
    y += lineHeight;
  }
  return placed;
}

export function boxOf(font: Font, words: PlacedWord[]): CardTextLayout['box'] {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const word of words) {
    minX = Math.min(minX, word.x);
    maxX = Math.max(maxX, word.x + textWidth(font, word.text, word.fontSize));
    minY = Math.min(minY, word.baseline - word.fontSize * 0.92);
    maxY = Math.max(maxY, word.baseline + word.fontSize * 0.25);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * The card's words: a figure ("19" big, "people killed" under it) or a short phrase in at most
 * four lines, centred in the upper half of the frame, clear of the captions below.
 */
export function layoutCardText(font: Font, text: string, uppercase: boolean, width: number, height: number): CardTextLayout {
  const shown = uppercase ? text.toLocaleUpperCase() : text;
  const short = Math.min(width, height);
  const maxWidth = width * 0.8;
  const maxHeight = height * (width < height ? 0.34 : 0.5);
  const centreY = height * (width < height ? 0.36 : 0.42);
  const figure = splitFigure(shown);
  if (figure) {
    const value = fit(font, [figure.value], short * 0.34, short * 0.08, maxWidth, maxHeight * 0.6, 1);
    const labelWords = figure.label.split(/\s+/).filter(Boolean);
    const label = labelWords.length ? fit(font, labelWords, Math.min(value.size * 0.4, short * 0.1), short * 0.04, maxWidth, maxHeight * 0.4, 2) : null;
    const rows = [
      { words: value.lines[0]!, size: value.size, accent: () => true },
      ...(label ? label.lines.map((words) => ({ words, size: label.size })) : []),
    ];
    const blockHeight = rows.reduce((sum, row) => sum + row.size * LINE_FACTOR, 0);
    const words = placeLines(font, rows, centreY - blockHeight / 2, width);
    return { kind: 'figure', words, box: boxOf(font, words) };
  }
  const phraseWords = shown.split(/\s+/).filter(Boolean);
  const { lines, size } = fit(font, phraseWords.length ? phraseWords : ['…'], short * 0.16, short * 0.05, maxWidth, maxHeight, 4);
  const longest = phraseWords.reduce((a, b) => (b.length > a.length ? b : a), '');
  const rows = lines.map((words) => ({ words, size, accent: (word: string) => longest.length > 3 && word === longest }));
  const words = placeLines(font, rows, centreY - (lines.length * size * LINE_FACTOR) / 2, width);
  return { kind: 'phrase', words, box: boxOf(font, words) };
}
