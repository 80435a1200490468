import type { CardDesign } from '../../../contracts/render-plan.ts';
import type { BundledFont } from './fonts.ts';

export interface CardPalette {
  from: string;
  to: string;
  accent: string;
  text: string;
}

export interface DesignContext {
  width: number;
  height: number;
  palette: CardPalette;
  random: () => number;
}

export interface CardDesignSpec {
  font: BundledFont;
  uppercase: boolean;
  /** SVG defs + background shapes, drawn under the headline. */
  background: (ctx: DesignContext) => string;
  /** Optional shapes tied to the headline box (a band behind it, a bar under it). */
  headlineDecor?: (ctx: DesignContext, box: { x: number; y: number; width: number; height: number }) => string;
}

const f = (n: number) => n.toFixed(1);

function linearGradient(id: string, ctx: DesignContext, angleDeg: number): string {
  const rad = (angleDeg * Math.PI) / 180;
  const x = Math.cos(rad) / 2;
  const y = Math.sin(rad) / 2;
  return `<linearGradient id="${id}" x1="${f(0.5 - x)}" y1="${f(0.5 - y)}" x2="${f(0.5 + x)}" y2="${f(0.5 + y)}">
<stop offset="0" stop-color="${ctx.palette.from}"/><stop offset="1" stop-color="${ctx.palette.to}"/></linearGradient>`;
}

function base(ctx: DesignContext, angleDeg: number, extraDefs = ''): string {
  return `<defs>${linearGradient('bg', ctx, angleDeg)}${extraDefs}</defs>
<rect width="${ctx.width}" height="${ctx.height}" fill="url(#bg)"/>`;
}

const gradient: CardDesignSpec = {
  font: 'Montserrat Black',
  uppercase: true,
  background: (ctx) => {
    const { width: w, height: h, random } = ctx;
    const defs = `<radialGradient id="glow"><stop offset="0" stop-color="${ctx.palette.accent}" stop-opacity="0.55"/>
<stop offset="1" stop-color="${ctx.palette.accent}" stop-opacity="0"/></radialGradient>`;
    const blobs = Array.from({ length: 4 }, () => {
      const r = (0.25 + random() * 0.35) * Math.max(w, h);
      return `<circle cx="${f(random() * w)}" cy="${f(random() * h)}" r="${f(r)}" fill="url(#glow)"/>`;
    });
    return base(ctx, 60 + random() * 60, defs) + blobs.join('');
  },
  headlineDecor: (ctx, box) =>
    `<rect x="${f(box.x + box.width / 2 - box.width * 0.15)}" y="${f(box.y + box.height + ctx.height * 0.025)}" width="${f(box.width * 0.3)}" height="${f(Math.max(6, ctx.height * 0.008))}" rx="4" fill="${ctx.palette.accent}"/>`,
};

const stripes: CardDesignSpec = {
  font: 'Oswald',
  uppercase: true,
  background: (ctx) => {
    const size = Math.round(Math.min(ctx.width, ctx.height) * (0.05 + ctx.random() * 0.04));
    const defs = `<pattern id="stripes" width="${size}" height="${size}" patternUnits="userSpaceOnUse" patternTransform="rotate(${f(30 + ctx.random() * 30)})">
<rect width="${f(size / 2)}" height="${size}" fill="${ctx.palette.accent}" fill-opacity="0.12"/></pattern>`;
    return `${base(ctx, 90, defs)}<rect width="${ctx.width}" height="${ctx.height}" fill="url(#stripes)"/>`;
  },
  headlineDecor: (ctx, box) => {
    const pad = ctx.width * 0.04;
    return `<rect x="${f(box.x - pad)}" y="${f(box.y - pad)}" width="${f(box.width + 2 * pad)}" height="${f(box.height + 2 * pad)}" fill="${ctx.palette.from}" fill-opacity="0.82"/>
<rect x="${f(box.x - pad)}" y="${f(box.y - pad)}" width="${f(Math.max(8, ctx.width * 0.012))}" height="${f(box.height + 2 * pad)}" fill="${ctx.palette.accent}"/>`;
  },
};

const grid: CardDesignSpec = {
  font: 'Inter',
  uppercase: false,
  background: (ctx) => {
    const step = Math.round(Math.min(ctx.width, ctx.height) * 0.06);
    const dot = Math.max(2, step * 0.07);
    const defs = `<pattern id="dots" width="${step}" height="${step}" patternUnits="userSpaceOnUse">
<circle cx="${f(step / 2)}" cy="${f(step / 2)}" r="${f(dot)}" fill="${ctx.palette.text}" fill-opacity="0.18"/></pattern>`;
    const m = Math.min(ctx.width, ctx.height) * 0.06;
    const arm = m * 1.6;
    const stroke = Math.max(4, m * 0.12);
    const corner = (x: number, y: number, dx: number, dy: number) =>
      `<path d="M${f(x)} ${f(y + dy * arm)}V${f(y)}H${f(x + dx * arm)}" fill="none" stroke="${ctx.palette.accent}" stroke-width="${f(stroke)}"/>`;
    const { width: w, height: h } = ctx;
    return `${base(ctx, 135 + ctx.random() * 30, defs)}<rect width="${w}" height="${h}" fill="url(#dots)"/>
${corner(m, m, 1, 1)}${corner(w - m, m, -1, 1)}${corner(m, h - m, 1, -1)}${corner(w - m, h - m, -1, -1)}`;
  },
};

const blocks: CardDesignSpec = {
  font: 'Montserrat Black',
  uppercase: true,
  background: (ctx) => {
    const { width: w, height: h, random, palette } = ctx;
    const shapes = Array.from({ length: 5 }, (_, i) => {
      const size = (0.3 + random() * 0.4) * Math.max(w, h);
      const colour = i % 2 === 0 ? palette.accent : palette.text;
      const opacity = 0.08 + random() * 0.14;
      return `<rect x="${f(random() * w - size / 2)}" y="${f(random() * h - size / 2)}" width="${f(size)}" height="${f(size * (0.4 + random() * 0.6))}" rx="${f(size * 0.08)}"
 fill="${colour}" fill-opacity="${opacity.toFixed(2)}" transform="rotate(${f(-30 + random() * 60)} ${f(w / 2)} ${f(h / 2)})"/>`;
    });
    return base(ctx, 30 + random() * 40) + shapes.join('');
  },
};

const waves: CardDesignSpec = {
  font: 'Playfair Display',
  uppercase: false,
  background: (ctx) => {
    const { width: w, height: h, random, palette } = ctx;
    const layers = Array.from({ length: 4 }, (_, i) => {
      const baseY = h * (0.68 + i * 0.08);
      const amp = h * (0.02 + random() * 0.03);
      const phase = random() * Math.PI * 2;
      const periods = 1 + random() * 1.5;
      const points: string[] = [];
      for (let x = 0; x <= w; x += w / 48) {
        points.push(`${f(x)} ${f(baseY + amp * Math.sin(phase + (x / w) * periods * Math.PI * 2))}`);
      }
      return `<path d="M0 ${h}L${points.join('L')}L${w} ${h}Z" fill="${palette.accent}" fill-opacity="${(0.12 + i * 0.08).toFixed(2)}"/>`;
    });
    return base(ctx, 100) + layers.join('');
  },
};

const spotlight: CardDesignSpec = {
  font: 'Oswald',
  uppercase: true,
  background: (ctx) => {
    const { width: w, height: h, random, palette } = ctx;
    const cx = w * (0.3 + random() * 0.4);
    const cy = h * (0.25 + random() * 0.2);
    const defs = `<radialGradient id="spot" cx="${f(cx / w)}" cy="${f(cy / h)}" r="0.7">
<stop offset="0" stop-color="${palette.to}"/><stop offset="1" stop-color="${palette.from}"/></radialGradient>`;
    const rings = Array.from({ length: 6 }, (_, i) => {
      const r = Math.max(w, h) * (0.12 + i * 0.1);
      return `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="none" stroke="${palette.accent}" stroke-opacity="${(0.35 - i * 0.05).toFixed(2)}" stroke-width="${f(Math.max(3, w * 0.004))}"/>`;
    });
    return `<defs>${defs}</defs><rect width="${w}" height="${h}" fill="url(#spot)"/>${rings.join('')}`;
  },
  headlineDecor: (ctx, box) =>
    `<rect x="${f(box.x)}" y="${f(box.y - ctx.height * 0.03)}" width="${f(ctx.width * 0.12)}" height="${f(Math.max(6, ctx.height * 0.007))}" fill="${ctx.palette.accent}"/>`,
};

export const CARD_DESIGN_SPECS: Record<CardDesign, CardDesignSpec> = { gradient, stripes, grid, blocks, waves, spotlight };
