/**
 * Voice benchmark (not a test): the real-time factor of narrating a 150-word script with each
 * offline voice engine in English and Russian, the latency of regenerating one edited scene, and
 * the same two through the API (narration job, stored files, step 4) on a running server.
 * Run: npm run bench voice   (writes the "voice" section of BENCHMARKS.md)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../contracts/formats.ts';
import { EspeakProvider } from '../server/adapters/tts/espeak/provider.ts';
import { DEFAULT_ESPEAK_VOICE } from '../server/adapters/tts/espeak/voices.ts';
import { defaultOfflineVoice } from '../server/adapters/tts/default-voice.ts';
import { FestivalProvider } from '../server/adapters/tts/festival/provider.ts';
import { narrate } from '../server/modules/voice/narrate.ts';
import { countWords } from '../server/modules/voice/words.ts';
import { cpuSeconds } from './process-tree.ts';
import { machineLine, round, signUpCookie, startServer, writeBenchmarkSection } from './lib.ts';
import { ENGLISH_150, RUSSIAN_150 } from './voice-scripts-150.ts';

const SCRIPTS: Record<Language, typeof ENGLISH_150> = { en: ENGLISH_150, ru: RUSSIAN_150 };
const EDIT: Record<Language, string> = { en: ' Check it today.', ru: ' Проверьте это сегодня.' };
const edited = (language: Language) => SCRIPTS[language].map((s, i) => (i === 2 ? { ...s, text: `${s.text}${EDIT[language]}` } : s));
const words = (language: Language) => SCRIPTS[language].reduce((sum, s) => sum + countWords(s.text), 0);

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSec: number }> {
  const started = performance.now();
  const cpuBefore = cpuSeconds();
  const value = await run();
  return { value, seconds: (performance.now() - started) / 1000, cpuSec: cpuSeconds() - cpuBefore };
}

interface EngineRow {
  engine: string;
  voice: string;
  language: Language;
  words: number;
  audioSec: number;
  coldSec: number;
  rtf: number;
  cpuRtf: number;
  regenerateSec: number;
  regenerateCalls: number;
  cachedSec: number;
}

type Engine = 'binary' | 'wasm' | 'festival';

function engineVoice(engine: Engine, language: Language): { provider: EspeakProvider | FestivalProvider; voiceId: string } {
  if (engine !== 'festival') return { provider: new EspeakProvider({ engine }), voiceId: DEFAULT_ESPEAK_VOICE[language]! };
  return { provider: new FestivalProvider(), voiceId: defaultOfflineVoice(language).voiceId };
}

export async function benchEngine(engine: Engine, language: Language, root: string): Promise<EngineRow> {
  const { provider, voiceId } = engineVoice(engine, language);
  const base = { language, provider, voiceId, cacheDir: join(root, `cache-${engine}-${language}`) };
  try {
    const cold = await timed(() => narrate({ ...base, scenes: SCRIPTS[language], workDir: join(root, `cold-${engine}-${language}`) }));
    const regenerate = await timed(() => narrate({ ...base, scenes: edited(language), workDir: join(root, `regen-${engine}-${language}`) }));
    const cached = await timed(() => narrate({ ...base, scenes: edited(language), workDir: join(root, `cached-${engine}-${language}`) }));
    return {
      engine: engine === 'festival' ? 'festival' : `espeak-ng ${engine}`,
      voice: voiceId,
      language,
      words: words(language),
      audioSec: cold.value.durationSec,
      coldSec: cold.seconds,
      rtf: cold.seconds / cold.value.durationSec,
      cpuRtf: cold.cpuSec / cold.value.durationSec,
      regenerateSec: regenerate.seconds,
      regenerateCalls: regenerate.value.synthesisCalls,
      cachedSec: cached.seconds,
    };
  } finally {
    if (provider instanceof EspeakProvider) await provider.close();
  }
}

interface ApiRow {
  language: Language;
  fullSec: number;
  regenerateSec: number;
  regenerated: unknown;
}

/** Through a running server: POST the narration, wait for its job, with the files stored and step 4 written. */
async function benchApi(root: string): Promise<ApiRow[]> {
  const server = await startServer({ DATA_DIR: join(root, 'server'), DATABASE_URL: '' });
  try {
    const email = `voice-bench-${Date.now()}@example.com`;
    const cookie = await signUpCookie(server.url, email, 'benchmark password');
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    };
    const narrateJob = async (projectId: string) => {
      const started = performance.now();
      const job = await call('POST', `/api/projects/${projectId}/voice/narration`, {});
      for (;;) {
        const now = await call('GET', `/api/jobs/${job.id as string}`);
        if (now.state === 'succeeded') return { seconds: (performance.now() - started) / 1000, result: now.result };
        if (now.state === 'failed' || now.state === 'cancelled') throw new Error(`narration ${now.state}: ${String(now.error)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const rows: ApiRow[] = [];
    for (const language of ['en', 'ru'] as const) {
      const project = await call('POST', '/api/projects', { title: `Voice bench ${language}` });
      const projectId = project.id as string;
      await call('POST', `/api/projects/${projectId}/steps`, { stepNumber: 1, data: { language } });
      const step3 = await call('POST', `/api/projects/${projectId}/steps`, { stepNumber: 3, data: { finalScript: { scenes: SCRIPTS[language] } } });
      const copy = (scenes: typeof ENGLISH_150) => ({ data: { script: { scenes, sourceVersion: step3.version, base: SCRIPTS[language] } }, derivedFrom: { '3': step3.version } });
      await call('PATCH', `/api/projects/${projectId}/steps/4`, copy(SCRIPTS[language]));
      const full = await narrateJob(projectId);
      await call('PATCH', `/api/projects/${projectId}/steps/4`, copy(edited(language)));
      const regenerate = await narrateJob(projectId);
      rows.push({ language, fullSec: full.seconds, regenerateSec: regenerate.seconds, regenerated: regenerate.result });
    }
    return rows;
  } finally {
    await server.stop();
  }
}

export async function benchVoice(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'rf-voice-bench-'));
  const loadBefore = loadavg()[0]!.toFixed(1);
  try {
    const engines: EngineRow[] = [];
    for (const engine of ['festival', 'binary', 'wasm'] as const) {
      for (const language of ['en', 'ru'] as const) engines.push(await benchEngine(engine, language, root));
    }
    const api = await benchApi(root);
    const f = (n: number, digits = 2) => round(n, digits).toFixed(digits);
    const lines = [
      '## Voice (stage 4)',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}; load average ${loadBefore} before the run (the machine is shared, so wall times vary; CPU time is the steadier figure).`,
      'Script: 150 words in 5 scenes (`bench/voice-scripts-150.ts`); "regenerate one scene" adds three words to scene 3 and narrates again with the cache warm.',
      'RTF = seconds of work per second of narration (below 1 is faster than real time). ElevenLabs and OpenAI-compatible voices cannot be reached from this machine, so they are not measured; their time is the provider\'s.',
      '',
      'festival (HTS for English, clunits for Russian) is the default offline voice when installed; espeak-ng is the fallback.',
      '',
      '| engine | voice | lang | words | audio s | cold s | RTF | CPU RTF | regenerate 1 scene s (provider calls) | cached rerun s |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...engines.map(
        (r) =>
          `| ${r.engine} | ${r.voice} | ${r.language} | ${r.words} | ${f(r.audioSec, 1)} | ${f(r.coldSec)} | ${f(r.rtf, 3)} | ${f(r.cpuRtf, 3)} | ${f(r.regenerateSec)} (${r.regenerateCalls}) | ${f(r.cachedSec)} |`,
      ),
      '',
      'Through the API (`POST /api/projects/:id/voice/narration` until the job has stored the files and written step 4; embedded worker, PGlite, the default offline voice):',
      '',
      '| lang | full narration s | regenerate 1 scene s | regenerated / reused scenes |',
      '|---|---|---|---|',
      ...api.map((r) => {
        const result = r.regenerated as { synthesizedSceneIds?: string[]; reusedSceneIds?: string[] };
        return `| ${r.language} | ${f(r.fullSec)} | ${f(r.regenerateSec)} | ${result.synthesizedSceneIds?.length ?? '?'} / ${result.reusedSceneIds?.length ?? '?'} |`;
      }),
    ];
    const markdown = lines.join('\n');
    console.log(markdown);
    writeBenchmarkSection('voice', markdown);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchVoice();
