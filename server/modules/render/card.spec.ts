import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CAPTION_FONTS, CARD_DESIGNS, CARD_PALETTE_IDS, OUTPUT_SIZES } from '../../../contracts/render-plan.ts';
import { renderCard, renderCardLayers } from './card.ts';
import { blend, contrastRatio, hexRgb } from './card-contrast.ts';
import { fontCovers, loadFont } from './fonts.ts';

async function stats(png: Buffer) {
  const image = sharp(png);
  const meta = await image.metadata();
  const { channels } = await image.stats();
  const raw = await sharp(png).resize(120, 120, { fit: 'fill' }).removeAlpha().raw().toBuffer();
  const colours = new Set<number>();
  for (let i = 0; i < raw.length; i += 3) colours.add((raw[i]! << 16) | (raw[i + 1]! << 8) | raw[i + 2]!);
  return { width: meta.width, height: meta.height, stdev: channels.slice(0, 3).map((c) => c.stdev), colours: colours.size };
}

describe('generated cards', () => {
  it.each(CARD_DESIGNS)('%s: a designed background with the headline, not a flat colour', async (design) => {
    const png = await renderCard({ design, palette: 'sunset', headline: 'Цены на нефть: record high', width: 1080, height: 1920 });
    const { width, height, stdev, colours } = await stats(png);
    expect([width, height]).toEqual([1080, 1920]);
    expect(Math.max(...stdev)).toBeGreaterThan(15);
    expect(colours).toBeGreaterThan(200);
  });

  it('is deterministic per design, palette and text', async () => {
    const options = { design: 'blocks', palette: 'ocean', headline: 'Same words', width: 540, height: 960 } as const;
    const [a, b, other] = await Promise.all([
      renderCard(options),
      renderCard(options),
      renderCard({ ...options, headline: 'Other words' }),
    ]);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(other)).toBe(false);
  });

  it.each(Object.entries(OUTPUT_SIZES))('renders at %s', async (_aspect, size) => {
    const png = await renderCard({ design: 'waves', palette: 'paper', headline: 'A fairly long headline that has to wrap over several lines to fit', ...size });
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([size.width, size.height]);
  });

  it('draws the headline: the same background without words differs where the text is', async () => {
    const base = { design: 'gradient', palette: 'midnight', width: 540, height: 960 } as const;
    const withText = await sharp(await renderCard({ ...base, headline: 'ЗАГОЛОВОК' })).raw().toBuffer();
    const withOther = await sharp(await renderCard({ ...base, headline: 'ДРУГОЙ ТЕКСТ' })).raw().toBuffer();
    let differing = 0;
    for (let i = 0; i < withText.length; i++) if (Math.abs(withText[i]! - withOther[i]!) > 60) differing++;
    expect(differing).toBeGreaterThan(1000);
  });

  it('bundles fonts with Latin and Cyrillic glyphs', () => {
    for (const name of [...CAPTION_FONTS, 'Montserrat Black'] as const) {
      expect(fontCovers(loadFont(name), 'Hello Привет Ёё Щщ Ъъ')).toBe(true);
    }
  });

  // Every palette on every design and aspect, with the overscanned background a moving card uses.
  const combinations = CARD_PALETTE_IDS.flatMap((palette) => Object.keys(OUTPUT_SIZES).map((aspect) => [palette, aspect] as const));
  it.each(combinations)('%s at %s: words and accent at least 4.5:1 over the background under them', async (palette, aspect) => {
    // A quarter of the frame: the layout scales with it, and 252 drawings stay quick.
    const full = OUTPUT_SIZES[aspect as keyof typeof OUTPUT_SIZES];
    const frame = { width: full.width / 4, height: full.height / 4 };
    for (const design of CARD_DESIGNS) {
      for (const headline of ['Bridge collapse shocks the city', '+15% prices']) {
        const layers = await renderCardLayers({ design, palette, headline, ...frame }, { width: Math.round(frame.width * 1.15), height: Math.round(frame.height * 1.15) });
        expect(layers.colours.contrast, `${design} ${headline}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  }, 60_000);

  it('measures the drawn card: glyph pixels against the same card drawn without words', async () => {
    // Yellow palette, light text decoration: the case that once put yellow on yellow.
    const options = { design: 'gradient', palette: 'paper', headline: 'Harbour pump fails again', width: 960, height: 540 } as const;
    const layers = await renderCardLayers(options);
    const background = await sharp(layers.background).raw().toBuffer();
    const text = await sharp(layers.text.png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    let glyphPixels = 0;
    let unreadable = 0;
    for (let y = 0; y < text.info.height; y++) {
      for (let x = 0; x < text.info.width; x++) {
        const i = (y * text.info.width + x) * 4;
        if (text.data[i + 3]! < 250) continue;
        const colour: [number, number, number] = [text.data[i]!, text.data[i + 1]!, text.data[i + 2]!];
        if (contrastRatio(colour, hexRgb(layers.colours.text)) > 1.1 && contrastRatio(colour, hexRgb(layers.colours.accent)) > 1.1) continue;
        const j = ((y + layers.text.top) * options.width + x + layers.text.left) * 3;
        glyphPixels++;
        const behind: [number, number, number] = [background[j]!, background[j + 1]!, background[j + 2]!];
        const under = layers.colours.panel ? blend(hexRgb(layers.colours.panel.colour), behind, layers.colours.panel.opacity) : behind;
        if (contrastRatio(colour, under) < 4.5) unreadable++;
      }
    }
    expect(glyphPixels).toBeGreaterThan(2000);
    expect(unreadable / glyphPixels).toBeLessThan(0.01);
  });
});
