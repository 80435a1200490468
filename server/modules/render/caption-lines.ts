import type { Aspect } from '../../../contracts/formats.ts';
import { OUTPUT_SIZES } from '../../../contracts/render-plan.ts';
import type { CaptionStyle, CaptionWord, Captions } from '../../../contracts/render-plan.ts';
import { assEmSizePx, loadFont, measureAssText } from './fonts.ts';

/** A caption line: a few consecutive words of one scene, shown together (one SRT/VTT cue). */
export interface CaptionLine {
  sceneId: string;
  start: number;
  end: number;
  words: CaptionWord[];
  /** The words as drawn (uppercased when the style says so). */
  displayWords: string[];
  /** The ASS font size for this line: the style's size, smaller only when one word alone is too wide. */
  sizePx: number;
  /** Measured width in pixels including the outline on both sides. */
  widthPx: number;
}

export interface CaptionSafeArea {
  /** Left and right margins in pixels (the line is centred between them). */
  marginLeft: number;
  marginRight: number;
  maxWidth: number;
  /** Distance from the bottom (position bottom) or the top (position top). */
  marginV: number;
}

/** How long a line stays after its last word when the next line does not start sooner. */
const LINE_HOLD_SEC = 0.4;

/**
 * Where captions may go, as fractions of the frame. A vertical feed (Reels, TikTok, Shorts) draws
 * its buttons down the right-hand 15% and the description over the bottom quarter, its top bar
 * over the top 14%; square and landscape keep a plain title-safe margin.
 */
export const CAPTION_SAFE_AREA: Record<Aspect, { left: number; right: number; top: number; bottom: number }> = {
  '9:16': { left: 0.06, right: 0.85, top: 0.14, bottom: 0.75 },
  '1:1': { left: 0.08, right: 0.92, top: 0.08, bottom: 0.9 },
  '16:9': { left: 0.1, right: 0.9, top: 0.08, bottom: 0.9 },
};

/** Capital letters at least this tall on a 1080-pixel short side, in proportion on others. */
export const MIN_CAP_HEIGHT_AT_1080 = 60;

export function captionSafeArea(aspect: Aspect, position: CaptionStyle['position']): CaptionSafeArea {
  const { width, height } = OUTPUT_SIZES[aspect];
  const area = CAPTION_SAFE_AREA[aspect];
  const marginLeft = Math.ceil(width * area.left);
  const marginRight = Math.ceil(width * (1 - area.right));
  const marginV = position === 'top' ? Math.ceil(height * area.top) : position === 'bottom' ? Math.ceil(height * (1 - area.bottom)) : 0;
  return { marginLeft, marginRight, maxWidth: width - marginLeft - marginRight, marginV };
}

/** The height libass gives a line at `sizePx` (its font size is the line height) plus outline or box padding. */
export function captionLineHeight(sizePx: number, style: CaptionStyle): number {
  return sizePx + 2 * captionBorderPx(style);
}

/** Outline width, or the padding around the line on a box (at least 12 px, so the box does not hug the letters). */
export function captionBorderPx(style: CaptionStyle): number {
  return style.look === 'box' ? Math.max(style.outline, 12) : style.outline;
}

/** How tall the capital letters of a line at `sizePx` are drawn. */
export function captionCapHeightPx(style: CaptionStyle, sizePx = style.sizePx): number {
  const font = loadFont(style.font);
  const capHeight = (font.tables.os2 as unknown as { sCapHeight?: number } | undefined)?.sCapHeight ?? font.unitsPerEm * 0.7;
  return (capHeight * assEmSizePx(font, sizePx)) / font.unitsPerEm;
}

/** The rectangle a caption line covers on the frame, from the same numbers the ASS file is written with. */
export function captionBox(line: CaptionLine, style: CaptionStyle, aspect: Aspect): { x: number; y: number; width: number; height: number } {
  const frameHeight = OUTPUT_SIZES[aspect].height;
  const safe = captionSafeArea(aspect, style.position);
  const height = captionLineHeight(line.sizePx, style);
  const x = safe.marginLeft + (safe.maxWidth - line.widthPx) / 2;
  const y = style.position === 'top' ? safe.marginV : style.position === 'bottom' ? frameHeight - safe.marginV - height : (frameHeight - height) / 2;
  return { x, y, width: line.widthPx, height };
}

function endsSentence(word: string): boolean {
  return /[.!?…]["»”')]*$/.test(word);
}

/** Splits each scene's words into lines: at most `wordsPerLine` words, never wider than the safe area. */
export function layoutCaptionLines(captions: Captions, aspect: Aspect): CaptionLine[] {
  const { style } = captions;
  const font = loadFont(style.font);
  const { maxWidth } = captionSafeArea(aspect, style.position);
  const outlineWidth = 2 * captionBorderPx(style);
  const display = (word: string) => (style.uppercase ? word.toLocaleUpperCase() : word);
  const widthOf = (words: string[], sizePx: number) => measureAssText(font, words.join(' '), sizePx) + outlineWidth;

  const lines: CaptionLine[] = [];
  for (const scene of captions.scenes) {
    let current: CaptionWord[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const displayWords = current.map((w) => display(w.word));
      let sizePx = style.sizePx;
      let widthPx = widthOf(displayWords, sizePx);
      if (widthPx > maxWidth) {
        sizePx = Math.max(8, Math.floor((style.sizePx * (maxWidth - outlineWidth)) / (widthPx - outlineWidth)));
        widthPx = widthOf(displayWords, sizePx);
      }
      lines.push({ sceneId: scene.sceneId, start: 0, end: 0, words: current, displayWords, sizePx, widthPx });
      current = [];
    };
    for (const word of scene.words) {
      const clean = { ...word, word: word.word.replace(/\s+/g, ' ').trim() };
      if (!clean.word) continue;
      if (current.length > 0) {
        const candidate = [...current, clean].map((w) => display(w.word));
        const previous = current[current.length - 1]?.word ?? '';
        if (current.length >= style.wordsPerLine || endsSentence(previous) || widthOf(candidate, style.sizePx) > maxWidth) flush();
      }
      current.push(clean);
    }
    flush();
  }
  return timeLines(lines);
}

function timeLines(lines: CaptionLine[]): CaptionLine[] {
  return lines.map((line, index) => {
    const first = line.words[0];
    const last = line.words[line.words.length - 1];
    const next = lines[index + 1]?.words[0];
    const start = first?.start ?? 0;
    let end = (last?.end ?? start) + LINE_HOLD_SEC;
    if (next && next.start < end) end = Math.max(next.start, last?.end ?? start);
    return { ...line, start, end: Math.max(end, start) };
  });
}
