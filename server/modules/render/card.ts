import sharp from 'sharp';
import type { Font } from 'opentype.js';
import { CARD_PALETTES } from '../../../contracts/render-plan.ts';
import type { CardDesign, CardPaletteId } from '../../../contracts/render-plan.ts';
import { CARD_DESIGN_SPECS } from './card-designs.ts';
import type { CardDesignSpec, DesignContext } from './card-designs.ts';
import { loadFont, textPathData, textWidth } from './fonts.ts';

export interface CardOptions {
  design: CardDesign;
  palette: CardPaletteId;
  /** The words to show; long text is shrunk, then cut with an ellipsis. */
  headline: string;
  width: number;
  height: number;
}

interface PlacedWord {
  text: string;
  x: number;
  baseline: number;
  accent: boolean;
}

interface HeadlineLayout {
  words: PlacedWord[];
  fontSize: number;
  box: { x: number; y: number; width: number; height: number };
}

const MAX_LINES = 5;

/** FNV-1a, so the same (design, palette, text, size) always gives the same picture. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function seededRandom(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/** The largest font size at which the headline fits the box in at most MAX_LINES lines. */
function layoutHeadline(font: Font, spec: CardDesignSpec, headline: string, width: number, height: number): HeadlineLayout {
  const text = spec.uppercase ? headline.toLocaleUpperCase() : headline;
  let words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) words = ['…'];
  const maxWidth = width * 0.82;
  const maxHeight = height * (width < height ? 0.36 : 0.5);
  const lineFactor = 1.12;
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  const minSize = Math.min(width, height) * 0.045;

  for (;;) {
    for (let size = Math.min(width, height) * 0.2; size >= minSize; size *= 0.94) {
      const lines = breakLines(font, words, size, maxWidth);
      if (!lines || lines.length > MAX_LINES || lines.length * size * lineFactor > maxHeight) continue;
      return place(font, lines, size, lineFactor, longest, width, height);
    }
    if (words.length <= 1) {
      const lines = [[words[0] ?? '…']];
      const size = Math.min(minSize, (maxWidth / textWidth(font, lines[0]![0]!, 100)) * 100);
      return place(font, lines, size, lineFactor, longest, width, height);
    }
    words = [...words.slice(0, -2), `${words[words.length - 2]}…`];
  }
}

function place(font: Font, lines: string[][], fontSize: number, lineFactor: number, accentWord: string, width: number, height: number): HeadlineLayout {
  const space = textWidth(font, ' ', fontSize);
  const lineHeight = fontSize * lineFactor;
  const blockHeight = lines.length * lineHeight;
  const centreY = height * (width < height ? 0.36 : 0.42);
  const top = centreY - blockHeight / 2;
  const capHeight = fontSize * 0.72;
  const words: PlacedWord[] = [];
  let minX = width;
  let maxX = 0;
  lines.forEach((line, row) => {
    const widths = line.map((w) => textWidth(font, w, fontSize));
    const lineWidth = widths.reduce((a, b) => a + b, 0) + space * (line.length - 1);
    let x = (width - lineWidth) / 2;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x + lineWidth);
    const baseline = top + row * lineHeight + (lineHeight + capHeight) / 2;
    line.forEach((word, i) => {
      words.push({ text: word, x, baseline, accent: accentWord.length > 3 && word === accentWord });
      x += (widths[i] ?? 0) + space;
    });
  });
  return { words, fontSize, box: { x: minX, y: top, width: maxX - minX, height: blockHeight } };
}

/** The card as SVG: background design, headline drawn as glyph outlines of a bundled font. */
export function cardSvg(options: CardOptions): string {
  const { width, height } = options;
  const spec = CARD_DESIGN_SPECS[options.design];
  const palette = CARD_PALETTES[options.palette];
  const random = seededRandom(hash(`${options.design}|${options.palette}|${options.headline}|${width}x${height}`));
  const ctx: DesignContext = { width, height, palette, random };
  const font = loadFont(spec.font);
  const layout = layoutHeadline(font, spec, options.headline, width, height);
  const shadowOffset = Math.max(2, layout.fontSize * 0.04);
  const glyphs = layout.words.map((word) => {
    const d = textPathData(font, word.text, word.x, word.baseline, layout.fontSize);
    const fill = word.accent ? palette.accent : palette.text;
    return `<path d="${d}" fill="#000" fill-opacity="0.28" transform="translate(${shadowOffset} ${shadowOffset})"/><path d="${d}" fill="${fill}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
${spec.background(ctx)}${spec.headlineDecor?.(ctx, layout.box) ?? ''}${glyphs.join('')}</svg>`;
}

/** Renders a card to PNG bytes. Deterministic per (design, palette, headline, size). */
export async function renderCard(options: CardOptions): Promise<Buffer> {
  // Opaque RGB: ffmpeg then decodes each still to rgb24, a quarter less memory than rgba.
  return sharp(Buffer.from(cardSvg(options))).removeAlpha().png({ compressionLevel: 2 }).toBuffer();
}
