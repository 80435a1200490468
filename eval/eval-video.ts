/**
 * Renders a fixed set of videos with `reelforge make` in this process (embedded defaults, no keys)
 * and writes, per video, a contact sheet (a frame every 2 s) and measured checks to eval/out.
 * Run: npm run eval:video   (then open eval/out/*.png and read eval/out/summary.md)
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Aspect } from '../contracts/formats.ts';
import { CARD_DESIGNS, CARD_PALETTE_IDS, DEFAULT_CAPTION_STYLE, OUTPUT_SIZES } from '../contracts/render-plan.ts';
import { openLocalBackend } from '../cli/backends/local.ts';
import { makeVideo } from '../cli/pipeline.ts';
import type { Reporter } from '../cli/reporter.ts';
import { runFfmpeg } from '../server/adapters/ffmpeg/run.ts';
import { CAPTION_SAFE_AREA, captionCapHeightPx } from '../server/modules/render/caption-lines.ts';
import { renderCardLayers } from '../server/modules/render/card.ts';
import { startCorpusSite } from './corpus-site.ts';

const OUT = join(import.meta.dirname, 'out');
const SAMPLE_EVERY_SEC = 2;

interface Case {
  name: string;
  aspect: Aspect;
  input: { url: string } | { text: string };
}

const RUSSIAN = `Городской совет Петрозаводска утвердил план ремонта набережной. Работы начнутся весной и займут два года.
По словам мэра, на ремонт выделят 450 миллионов рублей. Жители просили обновить освещение и скамейки ещё в 2021 году.
Архитекторы обещают сохранить старые фонари и добавить велодорожку вдоль всего берега.`;
const IDEA = 'Why do cats knock things off tables? Three theories from animal behaviour researchers.';

function cases(origin: string): Case[] {
  const page = (file: string) => ({ url: `${origin}/pages/${file}` });
  return [
    { name: 'citylab-9x16', aspect: '9:16', input: page('citylab-1.html') },
    { name: 'nytimes-1x1', aspect: '1:1', input: page('nytimes-3.html') },
    { name: 'quanta-16x9', aspect: '16:9', input: page('quanta-1.html') },
    { name: 'russian-text-9x16', aspect: '9:16', input: { text: RUSSIAN } },
    { name: 'idea-16x9', aspect: '16:9', input: { text: IDEA } },
  ];
}

const silentReporter = (notes: string[]): Reporter => ({
  progress: (stage, _fraction, step) => {
    if (stage === 'import' && step && /pictures usable/.test(step)) notes.push(step);
  },
  finish: () => undefined,
  note: () => undefined,
});

/** Frames every 0.5 s at a small size, for the motion check and the sheet. */
async function frames(video: string, dir: string, width: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  await runFfmpeg(['-y', '-i', video, '-vf', `fps=2,scale=${width}:-2`, join(dir, 'f%04d.png')]);
  return (await readdir(dir)).filter((f) => f.endsWith('.png')).sort().map((f) => join(dir, f));
}

/** Mean absolute difference (0..255) of the upper 55% of two frames: above the captions, so it is the picture that moved. */
async function upperDifference(a: string, b: string): Promise<number> {
  const meta = await sharp(a).metadata();
  const region = { left: 0, top: 0, width: meta.width!, height: Math.round(meta.height! * 0.55) };
  const [ra, rb] = await Promise.all([a, b].map((f) => sharp(f).extract(region).removeAlpha().raw().toBuffer()));
  let sum = 0;
  for (let i = 0; i < ra!.length; i++) sum += Math.abs(ra![i]! - rb![i]!);
  return sum / ra!.length;
}

async function contactSheet(samples: string[], out: string): Promise<void> {
  const meta = await sharp(samples[0]!).metadata();
  const columns = 6;
  const rows = Math.ceil(samples.length / columns);
  const tiles = samples.map((input, i) => ({ input, left: (i % columns) * meta.width!, top: Math.floor(i / columns) * meta.height! }));
  await sharp({ create: { width: columns * meta.width!, height: rows * meta.height!, channels: 3, background: '#202020' } }).composite(tiles).png().toFile(out);
}

/** The lowest card text contrast over every palette and design at this aspect (drawn at a quarter size). */
async function cardContrast(aspect: Aspect): Promise<number> {
  const size = OUTPUT_SIZES[aspect];
  let lowest = Infinity;
  for (const palette of CARD_PALETTE_IDS) {
    for (const design of CARD_DESIGNS) {
      const frame = { width: size.width / 4, height: size.height / 4 };
      const layers = await renderCardLayers({ design, palette, headline: 'Harbour pump fails again', ...frame }, { width: Math.round(frame.width * 1.15), height: Math.round(frame.height * 1.15) });
      lowest = Math.min(lowest, layers.colours.contrast);
    }
  }
  return lowest;
}

async function main() {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const site = await startCorpusSite();
  process.env.FETCH_ALLOW_PRIVATE_HOSTS = new URL(site.origin).host;
  const lines = ['# eval:video', '', `Measured ${new Date().toISOString()}; corpus pictures are stand-ins drawn by eval/corpus-site.ts.`, ''];
  lines.push('| video | aspect | seconds | pictures | samples moving | caption area | caption cap height | card contrast (min) |', '|---|---|---|---|---|---|---|---|');
  try {
    for (const item of cases(site.origin)) {
      const started = Date.now();
      const notes: string[] = [];
      const video = join(OUT, `${item.name}.mp4`);
      const backend = await openLocalBackend({ signal: new AbortController().signal });
      try {
        const input = 'url' in item.input ? { body: { url: item.input.url }, label: item.input.url } : { body: { text: item.input.text }, label: item.name };
        await makeVideo(backend, input, { output: video, aspect: item.aspect, durationSec: 30 }, silentReporter(notes));
      } finally {
        await backend.close();
      }
      const all = await frames(video, join(OUT, `${item.name}-frames`), item.aspect === '9:16' ? 216 : 320);
      const every = SAMPLE_EVERY_SEC * 2;
      const samples = all.filter((_, i) => i % every === 0);
      const moving = [];
      for (let i = 0; i + 1 < all.length; i += every) moving.push((await upperDifference(all[i]!, all[i + 1]!)) > 0.5);
      await contactSheet(samples, join(OUT, `${item.name}.png`));
      await rm(join(OUT, `${item.name}-frames`), { recursive: true, force: true });
      const area = CAPTION_SAFE_AREA[item.aspect];
      const contrast = await cardContrast(item.aspect);
      lines.push(
        `| ${item.name} | ${item.aspect} | ${(all.length / 2).toFixed(0)} (made in ${((Date.now() - started) / 1000).toFixed(0)} s) | ${notes[0] ?? 'none in the source'} | ${moving.filter(Boolean).length}/${moving.length} | x ${Math.round(area.left * 100)}-${Math.round(area.right * 100)}%, y ${Math.round(area.top * 100)}-${Math.round(area.bottom * 100)}% | ${captionCapHeightPx(DEFAULT_CAPTION_STYLE).toFixed(0)} px | ${contrast.toFixed(2)}:1 |`,
      );
      console.log(lines[lines.length - 1]);
    }
  } finally {
    await site.close();
  }
  await writeFile(join(OUT, 'summary.md'), `${lines.join('\n')}\n`);
}

await main();
