/**
 * Voice benchmark (not a test): real-time factor of narrating a 150-word script per espeak-ng
 * engine and language, the latency of regenerating one scene, and espeak-ng's speaking rate.
 * Run: npx tsx server/modules/voice/bench/narrate.bench.ts [--json]
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../../../../contracts/formats.ts';
import { decodeToPcm } from '../../../adapters/ffmpeg/audio.ts';
import { EspeakProvider } from '../../../adapters/tts/espeak/provider.ts';
import { DEFAULT_ESPEAK_VOICE } from '../../../adapters/tts/espeak/voices.ts';
import { narrate, type NarrationProgress } from '../narrate.ts';
import { trimSilence } from '../pcm.ts';
import { countWords } from '../words.ts';
import { ENGLISH_150, RUSSIAN_150 } from './scripts-150.ts';

const SCRIPTS: Record<Language, typeof ENGLISH_150> = { en: ENGLISH_150, ru: RUSSIAN_150 };

interface Row {
  engine: string;
  language: Language;
  words: number;
  audioSec: number;
  coldSec: number;
  rtf: number;
  /** CPU seconds (this process, its worker threads and its finished child processes) per audio second. */
  cpuRtf: number;
  synthesisSec: number;
  normalizeSec: number;
  regenerateOneSceneSec: number;
  regenerateCpuSec: number;
  regenerateCalls: number;
  cachedRerunSec: number;
  narrationWps: number;
  speechOnlyWps: number;
}

/**
 * CPU time used so far, including ffmpeg and espeak-ng child processes (Linux /proc); wall time
 * on a shared machine says more about the neighbours than about this code.
 */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // cutime and cstime, fields 16 and 17 of stat, in clock ticks (100 per second on Linux).
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    children = Number.NaN;
  }
  return (own.user + own.system) / 1e6 + children;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSec: number }> {
  const started = performance.now();
  const cpuBefore = cpuSeconds();
  const value = await run();
  return { value, seconds: (performance.now() - started) / 1000, cpuSec: cpuSeconds() - cpuBefore };
}

/** Words per second of the voice itself: each scene synthesised whole, silence trimmed, no pauses. */
async function speechOnlyRate(provider: EspeakProvider, language: Language): Promise<number> {
  let seconds = 0;
  let words = 0;
  for (const scene of SCRIPTS[language]) {
    const result = await provider.synthesize({ text: scene.text, voiceId: DEFAULT_ESPEAK_VOICE[language]!, language, speed: 1 });
    const trimmed = trimSilence(await decodeToPcm({ data: result.audio, format: result.format }), 48_000);
    seconds += (trimmed?.samples.length ?? 0) / 48_000;
    words += countWords(scene.text);
  }
  return words / seconds;
}

async function bench(engine: 'binary' | 'wasm', language: Language, root: string): Promise<Row> {
  const provider = new EspeakProvider({ engine });
  const scenes = SCRIPTS[language];
  const base = { language, provider, voiceId: DEFAULT_ESPEAK_VOICE[language]!, cacheDir: join(root, `cache-${engine}-${language}`) };
  const phaseStarts: Partial<Record<NarrationProgress['phase'], number>> = {};
  const cold = await timed(() =>
    narrate({ ...base, scenes, workDir: join(root, `cold-${engine}-${language}`), onProgress: (p) => void (phaseStarts[p.phase] ??= performance.now()) }),
  );
  const edited = scenes.map((s, i) => (i === 2 ? { ...s, text: `${s.text} ${language === 'ru' ? 'Проверьте это.' : 'Check it.'}` } : s));
  const regenerate = await timed(() => narrate({ ...base, scenes: edited, workDir: join(root, `regen-${engine}-${language}`) }));
  const cached = await timed(() => narrate({ ...base, scenes: edited, workDir: join(root, `cached-${engine}-${language}`) }));
  const speechOnlyWps = await speechOnlyRate(provider, language);
  await provider.close();
  const words = scenes.reduce((sum, s) => sum + countWords(s.text), 0);
  return {
    engine,
    language,
    words,
    audioSec: cold.value.durationSec,
    coldSec: cold.seconds,
    rtf: cold.seconds / cold.value.durationSec,
    cpuRtf: cold.cpuSec / cold.value.durationSec,
    synthesisSec: ((phaseStarts.normalizing ?? 0) - (phaseStarts.synthesizing ?? 0)) / 1000,
    normalizeSec: ((phaseStarts.writing ?? 0) - (phaseStarts.normalizing ?? 0)) / 1000,
    regenerateOneSceneSec: regenerate.seconds,
    regenerateCpuSec: regenerate.cpuSec,
    regenerateCalls: regenerate.value.synthesisCalls,
    cachedRerunSec: cached.seconds,
    narrationWps: words / cold.value.durationSec,
    speechOnlyWps,
  };
}

const root = await mkdtemp(join(tmpdir(), 'rf-voice-bench-'));
console.log(`load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
try {
  const rows: Row[] = [];
  for (const engine of ['binary', 'wasm'] as const) {
    for (const language of ['en', 'ru'] as const) rows.push(await bench(engine, language, root));
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    const f = (n: number, digits = 2) => n.toFixed(digits);
    console.log('| engine | lang | words | audio s | cold s | RTF | CPU RTF | synth s | normalise s | regen 1 scene s (CPU s, calls) | cached rerun s | narration wps | speech-only wps |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(
        `| espeak-ng ${r.engine} | ${r.language} | ${r.words} | ${f(r.audioSec, 1)} | ${f(r.coldSec)} | ${f(r.rtf, 3)} | ${f(r.cpuRtf, 3)} | ${f(r.synthesisSec)} | ${f(r.normalizeSec)} | ${f(r.regenerateOneSceneSec)} (${f(r.regenerateCpuSec)}, ${r.regenerateCalls}) | ${f(r.cachedRerunSec)} | ${f(r.narrationWps)} | ${f(r.speechOnlyWps)} |`,
      );
    }
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
