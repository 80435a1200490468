import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SherpaTtsConfig } from './run-sherpa.ts';

/** One voice model found in VOICE_MODELS_DIR: a folder (or a stray .onnx file) and what sherpa-onnx needs to load it. */
export interface LocalModel {
  /** The folder's name: the voice id, stable while the folder keeps its name. */
  id: string;
  kind: 'vits' | 'kokoro';
  /** ISO 639-1 code, or 'multi' when the folder does not say. */
  language: string;
  /** Null when files are missing; `problem` then says which. */
  config: SherpaTtsConfig | null;
  problem: string | null;
  /** Sizes and modification times of the model's files: a changed file means a new probe and new audio. */
  signature: string;
}

const ONNX = /\.onnx$/i;

function entriesOf(dir: string): Array<{ name: string; isDir: boolean }> {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, isDir: e.isDirectory() }));
  } catch {
    return [];
  }
}

function signatureOf(paths: string[]): string {
  return paths
    .map((path) => {
      try {
        const stat = statSync(path);
        return `${basename(path)}:${stat.size}:${Math.round(stat.mtimeMs)}`;
      } catch {
        return `${basename(path)}:none`;
      }
    })
    .join('|');
}

/** Piper's sidecar (`<model>.onnx.json`) names the language: language.code "en_US" or espeak.voice "en-us". */
function sidecarLanguage(path: string): string | null {
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as { language?: { code?: unknown }; espeak?: { voice?: unknown } };
    const code = typeof json.language?.code === 'string' ? json.language.code : typeof json.espeak?.voice === 'string' ? json.espeak.voice : '';
    return /^([a-z]{2,3})(?=$|[-_])/i.exec(code)?.[1]!.toLowerCase() ?? null;
  } catch {
    return null;
  }
}

/** sherpa-onnx's release names carry the locale: vits-piper-en_US-amy-low, kokoro-en-v0_19, vits-piper-ru_RU-irina-medium. */
function nameLanguage(name: string): string | null {
  return /(?:^|[-_])([a-z]{2})(?:_[A-Z]{2})?(?=[-_.]|$)/.exec(name)?.[1] ?? null;
}

function pickModelFile(names: string[]): string | undefined {
  const onnx = names.filter((n) => ONNX.test(n)).sort();
  return onnx.find((n) => n === 'model.onnx') ?? onnx.find((n) => !/int8|fp16/i.test(n)) ?? onnx[0];
}

function folderModel(root: string, id: string): LocalModel {
  const dir = join(root, id);
  const entries = entriesOf(dir);
  const files = entries.filter((e) => !e.isDir).map((e) => e.name);
  const has = (name: string) => files.includes(name);
  const hasDataDir = entries.some((e) => e.isDir && e.name === 'espeak-ng-data');
  const modelFile = pickModelFile(files);
  const kind = has('voices.bin') ? 'kokoro' : 'vits';
  const lexicons = files.filter((n) => /^lexicon.*\.txt$/i.test(n)).sort();
  const missing: string[] = [];
  if (!modelFile) missing.push('a .onnx model file');
  if (!has('tokens.txt')) missing.push('tokens.txt');
  if (kind === 'kokoro' && !hasDataDir) missing.push('espeak-ng-data/');
  if (kind === 'vits' && !hasDataDir && lexicons.length === 0) missing.push('espeak-ng-data/ or lexicon.txt');
  const language = (modelFile && sidecarLanguage(join(dir, `${modelFile}.json`))) ?? nameLanguage(id) ?? 'multi';
  const used = [modelFile, 'tokens.txt', kind === 'kokoro' ? 'voices.bin' : undefined, ...lexicons].filter((n): n is string => Boolean(n));
  const base = { id, kind, language, signature: signatureOf(used.map((n) => join(dir, n))) } as const;
  if (missing.length > 0 || !modelFile) return { ...base, config: null, problem: `${missing.join(', ')} missing in ${id}/` };
  const path = (name: string) => join(dir, name);
  const common = { tokens: path('tokens.txt'), ...(hasDataDir ? { dataDir: path('espeak-ng-data') } : {}) };
  const lexicon = lexicons.length > 0 ? { lexicon: lexicons.map(path).join(',') } : {};
  const model =
    kind === 'kokoro'
      ? { kokoro: { model: path(modelFile), voices: path('voices.bin'), ...common, ...lexicon } }
      : { vits: { model: path(modelFile), ...common, ...(hasDataDir ? {} : lexicon) } };
  return { ...base, config: { model: { ...model, numThreads: 1, provider: 'cpu', debug: 0 }, maxNumSentences: 1 }, problem: null };
}

/**
 * Every model in VOICE_MODELS_DIR, one per folder, sorted by name. A .onnx file lying directly in
 * the folder is listed too, as unavailable: its tokens and data need a folder of their own.
 */
export function scanModelFolder(root: string): LocalModel[] {
  const entries = entriesOf(root).filter((e) => !e.name.startsWith('.'));
  const folders = entries.filter((e) => e.isDir).map((e) => folderModel(root, e.name));
  const stray = entries
    .filter((e) => !e.isDir && ONNX.test(e.name))
    .map((e): LocalModel => ({
      id: e.name,
      kind: 'vits',
      language: sidecarLanguage(join(root, `${e.name}.json`)) ?? nameLanguage(e.name) ?? 'multi',
      config: null,
      problem: `${e.name} is not in a folder of its own: put it in one with its tokens.txt and espeak-ng-data/`,
      signature: signatureOf([join(root, e.name)]),
    }));
  return [...folders, ...stray].sort((a, b) => a.id.localeCompare(b.id));
}
