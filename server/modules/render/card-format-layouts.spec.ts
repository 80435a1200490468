import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CARD_DESIGNS, CARD_PALETTE_IDS, OUTPUT_SIZES } from '../../../contracts/render-plan.ts';
import { renderCardLayers } from './card.ts';
import { contrastRatio, hexRgb } from './card-contrast.ts';
import { cardStyleFor, quoteSpeaker } from './card-style.ts';

describe('card layouts by format', () => {
  it('a news card is a band across the frame with left-aligned words inside the safe area, readable in every palette', async () => {
    for (const palette of CARD_PALETTE_IDS) {
      const layers = await renderCardLayers({ design: CARD_DESIGNS[0], palette, headline: 'Museum attack in Tunis', layout: 'news', width: 1080, height: 1920 });
      const { layout, colours } = layers;
      expect(layout.kind).toBe('news');
      expect(layout.band).toBeDefined();
      const lefts = layout.words.filter((w, i, all) => i === 0 || w.baseline !== all[i - 1]!.baseline).map((w) => w.x);
      for (const x of lefts) expect(x).toBeCloseTo(1080 * 0.1, 0);
      for (const word of layout.words) {
        expect(word.baseline).toBeGreaterThan(1920 * 0.14);
        expect(word.baseline).toBeLessThan(1920 * 0.75);
      }
      expect(colours.contrast).toBeGreaterThanOrEqual(4.5);
      // The band is drawn: the text layer is opaque and dark between the lines' ends and the right edge.
      const raw = await sharp(layers.text.png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const y = Math.round(layout.band!.y + layout.band!.height / 2) - layers.text.top;
      const i = (y * raw.info.width + raw.info.width - 20) * 4;
      expect(raw.data[i + 3]).toBe(255);
      expect(contrastRatio([raw.data[i]!, raw.data[i + 1]!, raw.data[i + 2]!], hexRgb(colours.text))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('a list card puts the number above the item; a quote card its mark above and the speaker below', async () => {
    for (const size of Object.values(OUTPUT_SIZES)) {
      const list = (await renderCardLayers({ design: 'spotlight', palette: 'mono', headline: 'the results are terrific', layout: 'list', tag: '2', ...size })).layout;
      expect(list.words[0]!.text).toBe('2');
      expect(list.words[0]!.accent).toBe(true);
      expect(list.words[1]!.baseline).toBeGreaterThan(list.words[0]!.baseline);
      expect(list.words[0]!.fontSize).toBeGreaterThan(list.words[1]!.fontSize * 1.3);
      const quote = (await renderCardLayers({ design: 'stripes', palette: 'ocean', headline: 'Дорога занимает 18 минут', layout: 'quote', tag: 'Андрей Лебедев', ...size })).layout;
      expect(quote.words[0]!.text).toBe('«');
      expect(quote.words.at(-1)!.text).toBe('Лебедев');
      expect(quote.words.at(-1)!.fontSize).toBeLessThan(quote.words[1]!.fontSize);
      // The platform safe area's width on a vertical frame; the whole width otherwise.
      const [from, to] = size.width < size.height ? [0.06, 0.85] : [0, 1];
      for (const layout of [list, quote]) {
        expect(layout.box.x).toBeGreaterThanOrEqual(size.width * from);
        expect(layout.box.x + layout.box.width).toBeLessThanOrEqual(size.width * to);
      }
    }
  });
});

describe('cardStyleFor', () => {
  it('lays a quoted line out as a quote with its speaker, in both languages', () => {
    expect(cardStyleFor('"People assume the sea is too cold to heat anything," said Anders Holm, the engineer.', 'news', 2, 5)).toEqual({ keywords: ['People assume the sea is too'], layout: 'quote', tag: 'Anders Holm' });
    const ru = cardStyleFor('«Дорога из Заречья в центр теперь занимает 18 минут», — сказал мэр Северогорска Андрей Лебедев.', 'news', 2, 5);
    expect(ru.layout).toBe('quote');
    expect(ru.tag).toBe('Андрей Лебедев');
    expect(quoteSpeaker(', she said.')).toBeUndefined();
  });

  it('numbers list items without the spoken ordinal, bands news, and keeps figures and other formats centred', () => {
    expect(cardStyleFor('Number two. Beloved cult hit Rez gets the VR treatment, and the results are terrific.', 'listicle', 2, 6)).toEqual({ keywords: ['the results are terrific'], layout: 'list', tag: '2' });
    expect(cardStyleFor('Follow for more lists like this.', 'listicle', 5, 6).layout).toBeUndefined();
    expect(cardStyleFor('Officials confirmed the museum will reopen next week.', 'news', 1, 5).layout).toBe('news');
    expect(cardStyleFor('Строительство обошлось в 86 миллиардов рублей.', 'news', 1, 5)).toEqual({ keywords: ['86 миллиардов рублей'] });
    expect(cardStyleFor('Heat pumps move heat rather than make it.', 'explainer', 1, 5).layout).toBeUndefined();
  });
});
