import sharp from 'sharp';
import { CARD_PALETTES } from '../../../contracts/render-plan.ts';
import type { CardDesign, CardLayout, CardPaletteId } from '../../../contracts/render-plan.ts';
import { CARD_DESIGN_SPECS } from './card-designs.ts';
import type { DesignContext } from './card-designs.ts';
import { contrastRatio, hexRgb, luminance, MIN_CONTRAST, readableColours } from './card-contrast.ts';
import type { ReadableColours, Rgb } from './card-contrast.ts';
import { layoutFormatCard } from './card-format-layouts.ts';
import { layoutCardText } from './card-layout.ts';
import type { CardTextLayout } from './card-layout.ts';
import { loadFont, textPathData } from './fonts.ts';

export interface CardOptions {
  design: CardDesign;
  palette: CardPaletteId;
  /** A short phrase or a figure with its label ("19 people killed"). */
  headline: string;
  /** Centred (default), or laid out by the script's format: a news band, a list number, a quote. */
  layout?: CardLayout;
  /** The list number, or the quote's speaker. */
  tag?: string;
  /** The frame size. */
  width: number;
  height: number;
}

export interface CardLayers {
  /** Opaque PNG of the background at the requested size (larger than the frame when it moves). */
  background: Buffer;
  /** Transparent PNG of the words (with their panel or decoration), placed at (left, top) of the frame. */
  text: { png: Buffer; left: number; top: number; width: number; height: number };
  layout: CardTextLayout;
  colours: ReadableColours;
}

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

const svg = (width: number, height: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;

function context(options: CardOptions, width: number, height: number): DesignContext {
  const palette = CARD_PALETTES[options.palette];
  return { width, height, palette, random: seededRandom(hash(`${options.design}|${options.palette}|${options.headline}`)) };
}

/** Background pixels under the words wherever the background's pan puts them (every 4th pixel). */
function samplesUnder(raw: Buffer, size: { width: number; height: number }, frame: { width: number; height: number }, box: CardTextLayout['box']): Rgb[] {
  const slackX = size.width - frame.width;
  const offsetY = (size.height - frame.height) / 2;
  const x0 = Math.max(0, Math.floor(box.x));
  const x1 = Math.min(size.width, Math.ceil(box.x + box.width + slackX));
  const y0 = Math.max(0, Math.floor(box.y + offsetY));
  const y1 = Math.min(size.height, Math.ceil(box.y + box.height + offsetY));
  const samples: Rgb[] = [];
  for (let y = y0; y < y1; y += 4) {
    for (let x = x0; x < x1; x += 4) {
      const i = (y * size.width + x) * 3;
      samples.push([raw[i]!, raw[i + 1]!, raw[i + 2]!]);
    }
  }
  return samples;
}

/** A news card's band: near-black and opaque, so its white words read over any background. */
const NEWS_BAND = '#101318';

function bandColours(accent: string): ReadableColours {
  const band = hexRgb(NEWS_BAND);
  const accentOk = contrastRatio(hexRgb(accent), band) >= MIN_CONTRAST;
  const shown = accentOk ? accent : '#ffffff';
  return { text: '#ffffff', accent: shown, panel: null, contrast: Math.min(contrastRatio(hexRgb('#ffffff'), band), contrastRatio(hexRgb(shown), band)) };
}

/** The words as SVG at frame size: panel (when needed), design decoration, soft shadow on light text, glyphs. */
function textSvg(options: CardOptions, layout: CardTextLayout, colours: ReadableColours): string {
  const spec = CARD_DESIGN_SPECS[options.design];
  const font = loadFont(spec.font);
  const ctx = context(options, options.width, options.height);
  const { box } = layout;
  const pad = Math.min(options.width, options.height) * 0.045;
  const panel = layout.band
    ? `<rect x="0" y="${layout.band.y}" width="${options.width}" height="${layout.band.height}" fill="${NEWS_BAND}"/><rect x="0" y="${layout.band.y}" width="${options.width * 0.03}" height="${layout.band.height}" fill="${CARD_PALETTES[options.palette].accent}"/>`
    : colours.panel
      ? `<rect x="${box.x - pad}" y="${box.y - pad}" width="${box.width + 2 * pad}" height="${box.height + 2 * pad}" rx="${pad * 0.6}" fill="${colours.panel.colour}" fill-opacity="${colours.panel.opacity}"/>`
      : '';
  const lightText = luminance(hexRgb(colours.text)) > 0.4;
  const glyphs = layout.words.map((word) => {
    const d = textPathData(font, word.text, word.x, word.baseline, word.fontSize);
    const shadowOffset = Math.max(2, word.fontSize * 0.04);
    const shadow = lightText ? `<path d="${d}" fill="#000" fill-opacity="0.28" transform="translate(${shadowOffset} ${shadowOffset})"/>` : '';
    return `${shadow}<path d="${d}" fill="${word.accent ? colours.accent : colours.text}"/>`;
  });
  const decor = colours.panel || layout.kind === 'news' || layout.kind === 'list' || layout.kind === 'quote' ? '' : (spec.headlineDecor?.(ctx, box) ?? '');
  return svg(options.width, options.height, `${panel}${decor}${glyphs.join('')}`);
}

/**
 * A card as two layers, so the render can move them apart: the background (drawn at
 * `backgroundSize`, the frame plus the room its pan needs) and the words, with colours checked
 * against the background pixels they will be drawn over (WCAG AA, 4.5:1).
 */
export async function renderCardLayers(options: CardOptions, backgroundArea = { width: options.width, height: options.height }): Promise<CardLayers> {
  const backgroundSize = { width: Math.round(backgroundArea.width), height: Math.round(backgroundArea.height) };
  const spec = CARD_DESIGN_SPECS[options.design];
  const font = loadFont(spec.font);
  const layout =
    options.layout && options.layout !== 'centred'
      ? layoutFormatCard(font, spec.uppercase ? options.headline.toLocaleUpperCase() : options.headline, options.width, options.height, options.layout, options.tag)
      : layoutCardText(font, options.headline, spec.uppercase, options.width, options.height);
  const ctx = context(options, backgroundSize.width, backgroundSize.height);
  const raw = await sharp(Buffer.from(svg(backgroundSize.width, backgroundSize.height, spec.background(ctx)))).removeAlpha().raw().toBuffer();
  const colours = layout.band ? bandColours(CARD_PALETTES[options.palette].accent) : readableColours(CARD_PALETTES[options.palette], samplesUnder(raw, backgroundSize, options, layout.box));
  const background = await sharp(raw, { raw: { ...backgroundSize, channels: 3 } }).png({ compressionLevel: 2 }).toBuffer();
  // The words' layer is cut to the area around them, so the render composites a small picture.
  const margin = Math.round(Math.min(options.width, options.height) * 0.08);
  const left = Math.max(0, Math.floor(layout.box.x) - margin);
  const top = Math.max(0, Math.floor(layout.box.y) - margin);
  const width = Math.min(options.width - left, Math.ceil(layout.box.width) + 2 * margin);
  const height = Math.min(options.height - top, Math.ceil(layout.box.height) + 2 * margin);
  const png = await sharp(Buffer.from(textSvg(options, layout, colours))).extract({ left, top, width, height }).png({ compressionLevel: 2 }).toBuffer();
  return { background, text: { png, left, top, width, height }, layout, colours };
}

/** The card as one still picture at frame size (previews). Deterministic per (design, palette, headline, size). */
export async function renderCard(options: CardOptions): Promise<Buffer> {
  const layers = await renderCardLayers(options);
  return sharp(layers.background)
    .composite([{ input: layers.text.png, left: layers.text.left, top: layers.text.top }])
    .removeAlpha()
    .png({ compressionLevel: 2 })
    .toBuffer();
}
