import type { Font } from 'opentype.js';
import type { CardLayout } from '../../../contracts/render-plan.ts';
import type { CardTextLayout } from './card-layout.ts';
import { LINE_FACTOR, boxOf, fit, placeLines } from './card-layout.ts';

/*
 * Cards laid out by the script's format: news as a band of left-aligned words across the frame
 * (the broadcast lower-third, raised above the captions), a list item under its big number, a
 * quote under a big quotation mark with its speaker. All stay in the upper part of the frame, clear
 * of the captions, and inside the platform safe area's width (6%-85% on 9:16).
 */

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** On a vertical frame the words keep to the middle of the safe area (6%-85% of the width), clear of the buttons on the right. */
const safeCentre = (width: number, height: number) => (width < height ? width * 0.455 : width / 2);
const safeWidth = (width: number, height: number) => (width < height ? width * 0.7 : width * 0.74);

function news(font: Font, text: string, width: number, height: number): CardTextLayout {
  const short = Math.min(width, height);
  const left = width * 0.1;
  const { lines, size } = fit(font, words(text), short * 0.105, short * 0.05, width * 0.74, height * 0.24, 3);
  const blockHeight = lines.length * size * LINE_FACTOR;
  const top = height * (width < height ? 0.3 : 0.36) - blockHeight / 2;
  const placed = placeLines(font, lines.map((line) => ({ words: line, size })), top, width, left);
  const pad = short * 0.045;
  const text_ = boxOf(font, placed);
  const band = { y: text_.y - pad, height: text_.height + 2 * pad };
  return { kind: 'news', words: placed, box: { x: 0, y: band.y, width, height: band.height }, band };
}

function list(font: Font, text: string, number: string, width: number, height: number): CardTextLayout {
  const short = Math.min(width, height);
  const value = fit(font, [number], short * 0.3, short * 0.1, width * 0.6, height * 0.16, 1);
  const phrase = fit(font, words(text), short * 0.1, short * 0.045, safeWidth(width, height), height * 0.2, 3);
  const rows = [{ words: value.lines[0]!, size: value.size, accent: () => true }, ...phrase.lines.map((line) => ({ words: line, size: phrase.size }))];
  const blockHeight = rows.reduce((sum, row) => sum + row.size * LINE_FACTOR, 0);
  const placed = placeLines(font, rows, height * (width < height ? 0.34 : 0.42) - blockHeight / 2, width, undefined, safeCentre(width, height));
  return { kind: 'list', words: placed, box: boxOf(font, placed) };
}

function quote(font: Font, text: string, speaker: string | undefined, width: number, height: number): CardTextLayout {
  const short = Math.min(width, height);
  const mark = /[А-Яа-яЁё]/.test(text) ? '«' : '“';
  const phrase = fit(font, words(text), short * 0.095, short * 0.045, safeWidth(width, height), height * 0.22, 4);
  const markSize = short * 0.22;
  const rows = [
    { words: [mark], size: markSize, accent: () => true },
    ...phrase.lines.map((line) => ({ words: line, size: phrase.size })),
    ...(speaker ? [{ words: words(`— ${speaker}`), size: Math.max(short * 0.04, phrase.size * 0.5) }] : []),
  ];
  const blockHeight = rows.reduce((sum, row) => sum + row.size * LINE_FACTOR, 0);
  const placed = placeLines(font, rows, height * (width < height ? 0.34 : 0.42) - blockHeight / 2, width, undefined, safeCentre(width, height));
  return { kind: 'quote', words: placed, box: boxOf(font, placed) };
}

export function layoutFormatCard(font: Font, text: string, width: number, height: number, layout: Exclude<CardLayout, 'centred'>, tag?: string): CardTextLayout {
  if (layout === 'news') return news(font, text, width, height);
  if (layout === 'list') return list(font, text, tag ?? '1', width, height);
  return quote(font, text, tag, width, height);
}
