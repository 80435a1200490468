import type { Aspect } from '../../../contracts/formats.ts';
import { OUTPUT_SIZES } from '../../../contracts/render-plan.ts';
import type { CaptionStyle, CaptionWord, Captions } from '../../../contracts/render-plan.ts';
import { loadFont, measureAssText } from './fonts.ts';

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
  /** Left and right margin in pixels (the line is centred between them). */
  marginX: number;
  maxWidth: number;
  /** Distance from the bottom (position bottom) or the top (position top). */
  marginV: number;
}

/** How long a line stays after its last word when the next line does not start sooner. */
const LINE_HOLD_SEC = 0.4;

/**
 * Keeps captions clear of the platform UI: the right-hand buttons and the description at the
 * bottom of a vertical feed, a plain title-safe margin for square and landscape.
 */
export function captionSafeArea(aspect: Aspect, position: CaptionStyle['position']): CaptionSafeArea {
  const { width, height } = OUTPUT_SIZES[aspect];
  const marginRatioX = aspect === '16:9' ? 0.1 : 0.08;
  const marginX = Math.round(width * marginRatioX);
  const bottomRatio = aspect === '9:16' ? 0.22 : 0.1;
  const topRatio = aspect === '9:16' ? 0.14 : 0.08;
  const marginV = Math.round(height * (position === 'top' ? topRatio : position === 'bottom' ? bottomRatio : 0));
  return { marginX, maxWidth: width - 2 * marginX, marginV };
}

function endsSentence(word: string): boolean {
  return /[.!?…]["»”')]*$/.test(word);
}

/** Splits each scene's words into lines: at most `wordsPerLine` words, never wider than the safe area. */
export function layoutCaptionLines(captions: Captions, aspect: Aspect): CaptionLine[] {
  const { style } = captions;
  const font = loadFont(style.font);
  const { maxWidth } = captionSafeArea(aspect, style.position);
  const outlineWidth = 2 * style.outline;
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
