import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CAPTION_FONTS, CARD_DESIGNS, OUTPUT_SIZES } from '../../../contracts/render-plan.ts';
import { renderCard } from './card.ts';
import { keywordsFromText } from './card-keywords.ts';
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

  it('picks key words in reading order, skipping function words', () => {
    expect(keywordsFromText('Why cats rule the internet')).toEqual(['cats', 'rule', 'internet']);
    expect(keywordsFromText('Цены на нефть выросли до рекорда, и это важно.', 3)).toEqual(['нефть', 'выросли', 'рекорда']);
  });
});
