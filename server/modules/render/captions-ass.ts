import type { Aspect } from '../../../contracts/formats.ts';
import { OUTPUT_SIZES } from '../../../contracts/render-plan.ts';
import type { CaptionStyle, Captions } from '../../../contracts/render-plan.ts';
import { captionBorderPx, captionSafeArea, layoutCaptionLines } from './caption-lines.ts';
import type { CaptionLine } from './caption-lines.ts';

/** '#rrggbb' to the ASS colour body 'BBGGRR' (ASS stores blue first). */
function assBgr(hex: string): string {
  const value = hex.replace('#', '').toUpperCase();
  return `${value.slice(4, 6)}${value.slice(2, 4)}${value.slice(0, 2)}`;
}

/** Centiseconds, as ASS stores times: H:MM:SS.cc */
export function formatAssTime(seconds: number): string {
  const cs = Math.max(0, Math.round(seconds * 100));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  const c = cs % 100;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(c).padStart(2, '0')}`;
}

/**
 * ASS has no general escape: `{`/`}` open and close override blocks (libass reads `\{` and `\}`
 * as literal braces) and a backslash followed by N, n or h is a line break or a hard space, so a
 * literal backslash gets an invisible word joiner after it.
 */
export function escapeAssText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\\/g, '\\\u2060')
    .replace(/\{/g, '\\{')
    .replace(/\}/g, '\\}');
}

const ALIGNMENT: Record<CaptionStyle['position'], number> = { bottom: 2, middle: 5, top: 8 };

function header(style: CaptionStyle, aspect: Aspect): string {
  const { width, height } = OUTPUT_SIZES[aspect];
  const safe = captionSafeArea(aspect, style.position);
  const primary = `&H00${assBgr(style.colour)}`;
  // A box is the outline colour a fifth transparent, padded by the outline width (BorderStyle 3).
  const box = style.look === 'box';
  const outline = `&H${box ? '33' : '00'}${assBgr(style.outlineColour)}`;
  const fields = [
    'Caption', style.font, style.sizePx, primary, primary, outline, '&H80000000',
    -1, 0, 0, 0, 100, 100, 0, 0, box ? 3 : 1, captionBorderPx(style), 0, ALIGNMENT[style.position],
    safe.marginLeft, safe.marginRight, safe.marginV, 1,
  ];
  return [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${width}`,
    `PlayResY: ${height}`,
    // Lines are broken here by measured width; libass must not re-wrap them.
    'WrapStyle: 2',
    'ScaledBorderAndShadow: yes',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    `Style: ${fields.join(',')}`,
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
  ].join('\n');
}

/** One event per word interval: the whole line, with the word being spoken in the highlight colour. */
function lineEvents(line: CaptionLine, style: CaptionStyle): string[] {
  const highlight = `{\\c&H${assBgr(style.highlightColour)}&}`;
  const normal = `{\\c&H${assBgr(style.colour)}&}`;
  const sizeTag = line.sizePx === style.sizePx ? '' : `{\\fs${line.sizePx}}`;
  const events: string[] = [];
  line.words.forEach((word, index) => {
    const start = index === 0 ? line.start : word.start;
    const end = index === line.words.length - 1 ? line.end : (line.words[index + 1]?.start ?? line.end);
    if (Math.round(end * 100) <= Math.round(start * 100)) return;
    const text = line.displayWords
      .map((shown, i) => (i === index ? `${highlight}${escapeAssText(shown)}${normal}` : escapeAssText(shown)))
      .join(' ');
    events.push(`Dialogue: 0,${formatAssTime(start)},${formatAssTime(end)},Caption,,0,0,0,,${sizeTag}${text}`);
  });
  return events;
}

/** The ASS subtitle file for libass: karaoke-style word highlight, lines fitted to the safe area. */
export function buildAssSubtitles(captions: Captions, aspect: Aspect): string {
  const lines = layoutCaptionLines(captions, aspect);
  const events = lines.flatMap((line) => lineEvents(line, captions.style));
  return `${header(captions.style, aspect)}\n${events.join('\n')}\n`;
}
