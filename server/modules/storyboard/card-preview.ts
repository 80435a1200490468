import sharp from 'sharp';
import type { z } from 'zod';
import { OUTPUT_SIZES } from '../../../contracts/render-plan.ts';
import type { cardPreviewQuerySchema } from '../../../contracts/storyboard-api.ts';
import { renderCard } from '../render/index.ts';

type CardPreviewQuery = z.infer<typeof cardPreviewQuerySchema>;

const SAMPLE_HEADLINE = 'Aa Бб';
const MAX_CACHED = 200;
const cache = new Map<string, Promise<Buffer>>();

/**
 * A card design drawn small for the picker. It is rendered at the video's size and scaled down,
 * so the picture matches what the render draws (text sizes and shapes are laid out for that size).
 */
export function cardPreview(query: CardPreviewQuery): Promise<Buffer> {
  const key = JSON.stringify([query.design, query.palette, query.text, query.aspect, query.width]);
  let png = cache.get(key);
  if (!png) {
    png = draw(query);
    png.catch(() => cache.delete(key));
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, png);
  }
  return png;
}

async function draw(query: CardPreviewQuery): Promise<Buffer> {
  const size = OUTPUT_SIZES[query.aspect];
  const full = await renderCard({ design: query.design, palette: query.palette, headline: query.text.trim() || SAMPLE_HEADLINE, ...size });
  return sharp(full).resize({ width: query.width }).png({ compressionLevel: 6 }).toBuffer();
}
