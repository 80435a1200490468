/** WCAG 2 contrast: what makes a card's words readable on whatever is under them. */
export type Rgb = [number, number, number];

export const MIN_CONTRAST = 4.5;

export function hexRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function blend(top: Rgb, under: Rgb, opacity: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(top[i]! * opacity + under[i]! * (1 - opacity))) as Rgb;
}

/** The contrast a colour keeps over all but the worst 1% of the background samples. */
export function worstContrast(colour: Rgb, samples: Rgb[]): number {
  if (samples.length === 0) return Infinity;
  const ratios = samples.map((s) => contrastRatio(colour, s)).sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length * 0.01)]!;
}

export interface ReadableColours {
  text: string;
  /** The accent colour when it is readable, else the text colour. */
  accent: string;
  /** A panel drawn behind the words when the background alone is not readable. */
  panel: { colour: string; opacity: number } | null;
  /** The lowest contrast of the words' colours over what ends up under them. */
  contrast: number;
}

/**
 * Colours for the words over `samples` (the background pixels under the text box): the palette's
 * text colour, on a panel of the palette's darkest/lightest stop when the background is too busy
 * or too close in lightness; the accent only where it also reaches 4.5:1.
 */
export function readableColours(palette: { from: string; to: string; accent: string; text: string }, samples: Rgb[]): ReadableColours {
  const text = hexRgb(palette.text);
  let under = samples;
  let panel: ReadableColours['panel'] = null;
  if (worstContrast(text, samples) < MIN_CONTRAST) {
    const candidates = [palette.from, palette.to, luminance(text) > 0.4 ? '#000000' : '#ffffff'];
    const colour = candidates.find((c) => contrastRatio(text, hexRgb(c)) >= 7) ?? candidates[2]!;
    const opacity = [0.85, 0.95, 1].find((o) => worstContrast(text, samples.map((s) => blend(hexRgb(colour), s, o))) >= MIN_CONTRAST) ?? 1;
    panel = { colour, opacity };
    under = samples.map((s) => blend(hexRgb(colour), s, opacity));
  }
  const accentOk = worstContrast(hexRgb(palette.accent), under) >= MIN_CONTRAST;
  const accent = accentOk ? palette.accent : palette.text;
  return { text: palette.text, accent, panel, contrast: Math.min(worstContrast(text, under), worstContrast(hexRgb(accent), under)) };
}
