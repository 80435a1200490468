import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** sherpa-onnx's OfflineTts config (sherpa-onnx-node's types.js), the parts this app sets. */
export interface SherpaTtsConfig {
  model: {
    vits?: { model: string; tokens: string; lexicon?: string; dataDir?: string };
    kokoro?: { model: string; voices: string; tokens: string; dataDir?: string; lexicon?: string };
    numThreads: number;
    provider: 'cpu';
    debug: 0;
  };
  maxNumSentences: number;
}

export interface SherpaRequest {
  config: SherpaTtsConfig;
  /** Absent: only load the model (a probe). */
  text?: string;
  sid?: number;
  speed?: number;
  /** Where the worker writes 16-bit PCM. */
  output?: string;
}

export type SherpaOutcome =
  | { ok: true; sampleRate: number; numSpeakers: number }
  | { ok: false; error: string; cancelled?: boolean; timedOut?: boolean };

const WORKER = fileURLToPath(new URL('./sherpa-worker.mjs', import.meta.url));
const MESSAGE_CHARS = 200;

/** The runtime's own words, shortened: its last error line, without its source location prefix. */
export function shortRuntimeMessage(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const line = lines.findLast((l) => /error|fail|invalid|exception|not found|missing|please/i.test(l)) ?? lines.at(-1) ?? '';
  // Paths are the operator's business: only file names reach the voice list.
  const cleaned = line
    .replace(/^\S*\.(cc|h|cpp):\S*\s*/, '')
    .replace(/^what\(\):\s*/, '')
    .replace(/(?:\/[^\s/]+)+\/([^\s/]+)/g, '$1');
  return cleaned.length > MESSAGE_CHARS ? `${cleaned.slice(0, MESSAGE_CHARS - 1)}…` : cleaned;
}

/**
 * Runs one request in a fresh node process with sherpa-onnx-node: the model is loaded there, so a
 * file that makes the native runtime abort or crash only ends that process. Killed after `timeoutMs`.
 */
export function runSherpa(request: SherpaRequest, timeoutMs: number, signal?: AbortSignal): Promise<SherpaOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WORKER], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let ending: SherpaOutcome | null = null;
    const stop = (outcome: SherpaOutcome) => {
      ending ??= outcome;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop({ ok: false, error: `the voice model did not answer within ${Math.round(timeoutMs / 1000)} s`, timedOut: true }), timeoutMs);
    const onAbort = () => stop({ ok: false, error: 'cancelled', cancelled: true });
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-8000)));
    child.on('error', (error) => stop({ ok: false, error: error.message }));
    child.on('close', (code, exitSignal) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (ending) return resolve(ending);
      const reply = parseReply(stdout);
      if (reply?.ok) return resolve({ ok: true, sampleRate: Number(reply.sampleRate), numSpeakers: Number(reply.numSpeakers) });
      const why = shortRuntimeMessage(`${stderr}\n${reply?.error ?? ''}`) || (exitSignal ? `the runtime crashed (${exitSignal})` : `the runtime exited with code ${code}`);
      resolve({ ok: false, error: why });
    });
    if (signal?.aborted) onAbort();
    child.stdin.on('error', () => {});
    child.stdin.end(JSON.stringify(request));
  });
}

function parseReply(stdout: string): { ok?: boolean; error?: string; sampleRate?: number; numSpeakers?: number } | null {
  const line = stdout.trim().split('\n').at(-1);
  if (!line) return null;
  try {
    return JSON.parse(line) as { ok?: boolean };
  } catch {
    return null;
  }
}
