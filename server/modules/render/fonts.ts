import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import opentype from 'opentype.js';
import type { Font, Glyph } from 'opentype.js';
import type { CaptionFont } from '../../../contracts/render-plan.ts';

/** Bundled OFL fonts (Latin + Cyrillic). libass gets this directory as `fontsdir`. */
export const FONTS_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));

/**
 * One file per family name. libass picks the file by family name, so each caption family has
 * exactly one bold file here; 'Montserrat Black' is only used for card headlines (drawn as paths).
 */
const CAPTION_FONT_FILES: Record<CaptionFont, string> = {
  Montserrat: 'Montserrat-Bold.ttf',
  Inter: 'Inter-Bold.ttf',
  Oswald: 'Oswald-Bold.ttf',
  'Playfair Display': 'PlayfairDisplay-Bold.ttf',
};
const FONT_FILES = { ...CAPTION_FONT_FILES, 'Montserrat Black': 'Montserrat-Black.ttf' };

export type BundledFont = keyof typeof FONT_FILES;

const cache = new Map<BundledFont, Font>();

export function fontPath(name: BundledFont): string {
  return join(FONTS_DIR, FONT_FILES[name]);
}

export function loadFont(name: BundledFont): Font {
  let font = cache.get(name);
  if (!font) {
    const bytes = readFileSync(fontPath(name));
    font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    cache.set(name, font);
  }
  return font;
}

/**
 * libass (like VSFilter) sizes a font so that winAscent + winDescent equals the ASS font size,
 * not the em square. This returns the em size in pixels libass ends up using for `sizePx`.
 */
export function assEmSizePx(font: Font, sizePx: number): number {
  const os2 = font.tables.os2 as unknown as { usWinAscent?: number; usWinDescent?: number } | undefined;
  const winHeight = (os2?.usWinAscent ?? 0) + (os2?.usWinDescent ?? 0);
  const hhea = font.tables.hhea as unknown as { ascender: number; descender: number };
  const height = winHeight > 0 ? winHeight : hhea.ascender - hhea.descender;
  return (sizePx * font.unitsPerEm) / height;
}

interface PlacedGlyph {
  glyph: Glyph;
  x: number;
}

/**
 * Places glyphs one code point at a time with pair kerning. opentype.js's own shaping (used by
 * getAdvanceWidth/getPath) throws on some fonts' contextual lookups, and captions only need the
 * advance widths HarfBuzz gives plain Latin and Cyrillic words: advances plus kerning.
 */
function placeGlyphs(font: Font, text: string, emPx: number): { glyphs: PlacedGlyph[]; width: number } {
  const scale = emPx / font.unitsPerEm;
  const glyphs: PlacedGlyph[] = [];
  let x = 0;
  let previous: Glyph | null = null;
  for (const char of text) {
    const glyph = font.charToGlyph(char);
    if (previous) x += font.getKerningValue(previous, glyph) * scale;
    glyphs.push({ glyph, x });
    x += (glyph.advanceWidth ?? 0) * scale;
    previous = glyph;
  }
  return { glyphs, width: x };
}

/** Advance width in pixels of `text` at an em size of `emPx`. */
export function textWidth(font: Font, text: string, emPx: number): number {
  return placeGlyphs(font, text, emPx).width;
}

/** SVG path data of `text` with its baseline starting at (x, baseline). */
export function textPathData(font: Font, text: string, x: number, baseline: number, emPx: number): string {
  return placeGlyphs(font, text, emPx)
    .glyphs.map(({ glyph, x: dx }) => glyph.getPath(x + dx, baseline, emPx).toPathData(1))
    .join('');
}

/** Advance width in pixels of `text` as libass lays it out at ASS font size `sizePx`. */
export function measureAssText(font: Font, text: string, sizePx: number): number {
  return textWidth(font, text, assEmSizePx(font, sizePx));
}

/** True when every character of `text` has a glyph in the font (spaces and controls aside). */
export function fontCovers(font: Font, text: string): boolean {
  for (const char of text) {
    if (/\s/.test(char)) continue;
    if (font.charToGlyphIndex(char) === 0) return false;
  }
  return true;
}
