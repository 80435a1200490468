import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASPECTS } from '../../../contracts/formats.ts';
import { CAPTION_FONTS, CAPTION_LOOKS, OUTPUT_SIZES, captionsSchema } from '../../../contracts/render-plan.ts';
import type { Captions, CaptionWord } from '../../../contracts/render-plan.ts';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { CAPTION_SAFE_AREA, captionBox, captionCapHeightPx, captionSafeArea, layoutCaptionLines } from './caption-lines.ts';
import { buildAssSubtitles, escapeAssText, formatAssTime } from './captions-ass.ts';
import { buildSrt, buildVtt, formatSrtTime } from './captions-srt.ts';
import { escapeFilterValue } from './filter-graph.ts';
import { FONTS_DIR } from './fonts.ts';

function words(text: string, start = 0, step = 0.4): CaptionWord[] {
  return text.split(' ').map((word, i) => ({ word, start: start + i * step, end: start + i * step + step * 0.8 }));
}

function captions(list: CaptionWord[], style: Record<string, unknown> = {}): Captions {
  return captionsSchema.parse({ style, scenes: [{ sceneId: 'a', words: list }] });
}

describe('caption lines', () => {
  it('puts at most wordsPerLine words on a line and breaks after a sentence', () => {
    const lines = layoutCaptionLines(captions(words('One two three four five. Six seven'), { wordsPerLine: 3 }), '9:16');
    expect(lines.map((l) => l.displayWords.join(' '))).toEqual(['One two three', 'four five.', 'Six seven']);
  });

  it('breaks by measured width so no line is wider than the safe area', () => {
    const text = 'Внешнеэкономическая деятельность and internationalization ускорились неожиданно';
    const style = { wordsPerLine: 8, sizePx: 120 };
    const lines = layoutCaptionLines(captions(words(text), style), '9:16');
    const { maxWidth } = captionSafeArea('9:16', 'bottom');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.widthPx).toBeLessThanOrEqual(maxWidth);
  });

  it('shrinks a single word that cannot fit at the chosen size', () => {
    const lines = layoutCaptionLines(captions(words('Достопримечательностями'), { sizePx: 200 }), '9:16');
    expect(lines[0]?.sizePx).toBeLessThan(200);
    expect(lines[0]?.widthPx).toBeLessThanOrEqual(captionSafeArea('9:16', 'bottom').maxWidth);
  });

  it('uppercases the drawn words when the style says so, not the spoken ones', () => {
    const [line] = layoutCaptionLines(captions(words('привет мир'), { uppercase: true }), '9:16');
    expect(line?.displayWords).toEqual(['ПРИВЕТ', 'МИР']);
    expect(line?.words.map((w) => w.word)).toEqual(['привет', 'мир']);
  });
});

describe('ASS captions', () => {
  it('escapes override braces and backslashes', () => {
    expect(escapeAssText('a{b}c')).toBe('a\\{b\\}c');
    expect(escapeAssText('C:\\New')).toBe('C:\\\u2060New');
    expect(formatAssTime(3723.456)).toBe('1:02:03.46');
  });

  it('writes one event per word with the spoken word in the highlight colour', () => {
    const ass = buildAssSubtitles(captions(words('Hello big world'), { highlightColour: '#ff8800', colour: '#ffffff' }), '9:16');
    const events = ass.split('\n').filter((l) => l.startsWith('Dialogue:'));
    expect(events).toHaveLength(3);
    expect(events[0]).toContain('0:00:00.00,0:00:00.40');
    expect(events[1]).toContain('Hello {\\c&H0088FF&}big{\\c&HFFFFFF&} world');
    expect(ass).toContain('PlayResX: 1080');
    expect(ass).toContain('PlayResY: 1920');
    expect(ass).toContain('Style: Caption,Montserrat,140,');
  });
});

describe('SRT and VTT', () => {
  const list = words('one two three four five six seven', 1, 0.5);
  const style = { wordsPerLine: 3 };

  it('uses the word timings for cue times: first word start to the next line or last word end', () => {
    const srt = buildSrt(captions(list, style), '9:16');
    const cues = srt.trim().split('\n\n');
    expect(cues).toHaveLength(3);
    expect(cues[0]).toBe(`1\n${formatSrtTime(list[0]!.start)} --> ${formatSrtTime(list[3]!.start)}\none two three`);
    expect(cues[1]).toBe(`2\n00:00:02,500 --> 00:00:04,000\nfour five six`);
    expect(cues[2]).toBe(`3\n00:00:04,000 --> 00:00:04,800\nseven`);
  });

  it('writes WebVTT with the same cues and escaped markup', () => {
    const vtt = buildVtt(captions(words('a <b> & c'), { wordsPerLine: 4 }), '9:16');
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(vtt).toContain('00:00:00.000 --> ');
    expect(vtt).toContain('a &lt;b&gt; &amp; c');
  });
});

describe('caption boxes', () => {
  const sentence = words('The harbour pump failed again on Tuesday night, flooding forty homes along Quay Street. Насос в гавани снова отказал');
  const cases = ASPECTS.flatMap((aspect) => CAPTION_FONTS.flatMap((font) => CAPTION_LOOKS.map((look) => [aspect, font, look] as const)));

  it.each(cases)('%s %s %s: every line inside the safe area, capitals at least 60 px per 1080', (aspect, font, look) => {
    const { width, height } = OUTPUT_SIZES[aspect];
    const area = CAPTION_SAFE_AREA[aspect];
    for (const position of ['bottom', 'middle', 'top'] as const) {
      const plan = captions(sentence, { font, look, position });
      for (const line of layoutCaptionLines(plan, aspect)) {
        const box = captionBox(line, plan.style, aspect);
        expect(box.x).toBeGreaterThanOrEqual(width * area.left);
        expect(box.x + box.width).toBeLessThanOrEqual(width * area.right);
        expect(box.y).toBeGreaterThanOrEqual(height * area.top);
        expect(box.y + box.height).toBeLessThanOrEqual(height * area.bottom);
        expect(line.words.length).toBeLessThanOrEqual(plan.style.wordsPerLine);
        expect(captionCapHeightPx(plan.style, line.sizePx)).toBeGreaterThanOrEqual((60 * Math.min(width, height)) / 1080);
      }
    }
  });

  it('keeps vertical captions off the right-hand 15% where the feed draws its buttons', () => {
    expect(CAPTION_SAFE_AREA['9:16']).toEqual({ left: 0.06, right: 0.85, top: 0.14, bottom: 0.75 });
    const safe = captionSafeArea('9:16', 'bottom');
    expect(safe.marginRight).toBeGreaterThanOrEqual(1080 * 0.15);
    expect(safe.marginV).toBeGreaterThanOrEqual(1920 * 0.25);
  });

  it('writes a box look as an opaque box (BorderStyle 3) padded around the line', () => {
    const ass = buildAssSubtitles(captions(words('On a box'), { look: 'box', outline: 4 }), '9:16');
    const style = ass.split('\n').find((l) => l.startsWith('Style: Caption'))!.split(',');
    expect(style[15]).toBe('3');
    expect(style[16]).toBe('12');
  });
});

describe('captions drawn by libass', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-captions-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function inkBox(png: Buffer): Promise<{ left: number; right: number; top: number; bottom: number } | null> {
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    let left = info.width;
    let right = -1;
    let top = info.height;
    let bottom = -1;
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        if ((data[y * info.width + x] ?? 0) > 100) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    return right < 0 ? null : { left, right, top, bottom };
  }

  it.each(['Montserrat', 'Oswald', 'Playfair Display'] as const)('draws %s lines as wide as measured and inside the safe area', async (font) => {
    const text = 'Внешнеэкономическая деятельность and internationalization ускорились неожиданно быстро';
    const list = text.split(' ').map((word, i) => ({ word, start: i, end: i + 1 }));
    // One word per second and no highlight colour change, so each line is one still white shape.
    const plan = captions(list, { font, sizePx: 110, wordsPerLine: 8, outline: 0, highlightColour: '#ffffff' });
    const lines = layoutCaptionLines(plan, '9:16');
    const assPath = join(dir, `${font}.ass`);
    await writeFile(assPath, buildAssSubtitles(plan, '9:16'));
    const filter = `ass=filename=${escapeFilterValue(assPath)}:fontsdir=${escapeFilterValue(FONTS_DIR)}`;
    const safe = captionSafeArea('9:16', 'bottom');
    for (const [i, line] of lines.entries()) {
      const out = join(dir, `${font}-${i}.png`);
      const at = (line.start + line.words[line.words.length - 1]!.end) / 2;
      await runFfmpeg(['-y', '-f', 'lavfi', '-i', `color=c=black:s=1080x1920:r=10:d=${Math.ceil(at + 1)}`, '-vf', filter, '-ss', at.toFixed(2), '-frames:v', '1', out]);
      const box = await inkBox(await readFile(out));
      expect(box).not.toBeNull();
      const inkWidth = box!.right - box!.left + 1;
      // Ink and advance width differ only by the side bearings of the first and last glyph.
      expect(Math.abs(inkWidth - line.widthPx)).toBeLessThan(line.widthPx * 0.03 + 12);
      expect(box!.left).toBeGreaterThanOrEqual(safe.marginLeft - 4);
      expect(box!.right).toBeLessThanOrEqual(1080 - safe.marginRight + 4);
      // Between 14% and 75% of the height, clear of the feed's top bar and description.
      expect(box!.top).toBeGreaterThanOrEqual(1920 * 0.14);
      expect(box!.bottom).toBeLessThanOrEqual(1920 * 0.75);
    }
  });
});
