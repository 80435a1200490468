import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PROVIDERS, type ProviderId } from '../contracts/providers.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
const commaList = z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

const PROVIDER_IDS = Object.keys(PROVIDERS) as ProviderId[];

/** "all", "none" or a comma-separated list of provider ids. */
const providerList = z.string().transform((value, ctx) => {
  const v = value.trim().toLowerCase();
  if (v === 'all') return PROVIDER_IDS;
  if (v === 'none') return [];
  const ids = v.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !PROVIDER_IDS.includes(id as ProviderId));
  if (unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `unknown provider ${unknown.join(', ')}: use all, none or ids from ${PROVIDER_IDS.join(', ')}` });
    return z.NEVER;
  }
  return ids as ProviderId[];
});

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY next to addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  const version = isIP(address);
  if (bits === undefined) return version !== 0 || PROXY_RANGE_NAMES.includes(entry);
  return version !== 0 && /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * Which X-Forwarded-* headers to believe: off (the socket address is the client), a hop count
 * (the last N proxies), or the proxies' addresses/CIDRs. "true" is refused: it would let any
 * client name its own address and so pass the per-address sign-in limit.
 */
const trustProxy = z.string().transform((value, ctx): false | number | string[] => {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === 'false' || trimmed === '0') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const entries = trimmed.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (trimmed === 'true' || bad.length > 0 || entries.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be false, a hop count (e.g. 1) or proxy addresses/CIDRs (e.g. 10.0.0.0/8,loopback)${bad.length ? `; not an address: ${bad.join(', ')}` : ''}`,
    });
    return z.NEVER;
  }
  return entries;
});

/** Origins (scheme://host[:port]) whose pages may send state-changing requests with the session cookie. */
const originList = commaList.transform((entries, ctx) =>
  entries.map((entry) => {
    const url = URL.canParse(entry) ? new URL(entry) : null;
    const bare = url && /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash && !url.username;
    if (!bare) ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin like https://app.example.com (scheme, host and port only)` });
    return url?.origin ?? entry;
  }),
);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(5000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Earlier secrets, newest first, still accepted to read keys stored under them while they are re-encrypted. */
  SESSION_SECRET_PREVIOUS: commaList.default([]),
  /** file:///path (default DATA_DIR/media) or s3://bucket/prefix. */
  MEDIA_STORE_URL: z
    .string()
    .regex(/^(file:\/\/\/|s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/|$))/, 'must be file:///absolute/path or s3://bucket[/prefix]')
    .optional(),
  /** An S3-compatible endpoint other than AWS (MinIO, R2, Ceph); the AWS SDK reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION itself. */
  S3_ENDPOINT: httpUrl.optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  /** Read here so one parsed config drives a process; absent keys leave the AWS SDK's own chain (instance roles...). */
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
  AWS_REGION: z.string().optional(),
  /** Serve media as redirects to short-lived presigned store URLs instead of streaming it through the API. */
  MEDIA_PRESIGNED_URLS: booleanFlag.default(false),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TRUST_PROXY: trustProxy.default(false),
  /** Other origins allowed besides the app's own (the Host the request came to). */
  ALLOWED_ORIGINS: originList.default([]),
  /** When true, registering a taken email answers 409 instead of the generic answer. */
  REGISTRATION_REVEALS_TAKEN_EMAIL: booleanFlag.default(false),
  /** The API process runs jobs itself unless this is false (then run `npm run worker`). */
  EMBEDDED_WORKER: booleanFlag.default(true),
  /** host:port pairs the SSRF-safe fetcher may reach although private; for tests only. */
  FETCH_ALLOW_PRIVATE_HOSTS: commaList.default([]),
  /** News feeds are fetched again when their last fetch is older than this. */
  FEED_REFRESH_MINUTES: z.coerce.number().int().min(5).max(1440).default(30),
  /** How often the content factory runs for every author whose factory is on (a pg-boss cron line). */
  FACTORY_CRON: z.string().regex(/^\S+( \S+){4}$/, 'must be a five-field cron line').default('7 * * * *'),
  /**
   * LLM prices in US dollars per million tokens, used to estimate the factory's spend against an
   * author's monthly budget (tokens are estimated at four characters each). Zero: not counted.
   */
  LLM_PRICE_INPUT_PER_MTOK: z.coerce.number().min(0).max(10_000).default(0),
  LLM_PRICE_OUTPUT_PER_MTOK: z.coerce.number().min(0).max(10_000).default(0),

  // Providers configured by the operator for every user (users can also save their own keys).
  WRITER_PROVIDER: z.enum(['offline', 'openai', 'anthropic']).default('offline'),
  OPENAI_BASE_URL: httpUrl.default('https://api.openai.com/v1'),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  ANTHROPIC_BASE_URL: httpUrl.default('https://api.anthropic.com'),
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_MODEL: z.string().default('claude-sonnet-4-5'),
  ELEVENLABS_BASE_URL: httpUrl.default('https://api.elevenlabs.io'),
  ELEVENLABS_API_KEY: z.string().optional(),
  ELEVENLABS_MODEL: z.string().default('eleven_multilingual_v2'),
  OPENAI_TTS_BASE_URL: httpUrl.optional(),
  OPENAI_TTS_API_KEY: z.string().optional(),
  OPENAI_TTS_MODEL: z.string().default('tts-1'),
  OPENAI_TTS_VOICES: commaList.optional(),
  /** espeak-ng, the embedded voice: the system binary when present (auto), or always binary / the npm WASM build. */
  ESPEAK_NG_ENGINE: z.enum(['auto', 'binary', 'wasm']).default('auto'),
  ESPEAK_NG_PATH: z.string().optional(),
  /** A folder of neural voice models (Piper/VITS, Kokoro ONNX), one per subfolder, run by sherpa-onnx; nothing is downloaded. */
  VOICE_MODELS_DIR: z.string().optional(),
  PEXELS_BASE_URL: httpUrl.default('https://api.pexels.com'),
  PEXELS_API_KEY: z.string().optional(),
  HEYGEN_BASE_URL: httpUrl.default('https://api.heygen.com'),
  /** HeyGen takes uploaded assets (the narration for a lip-synced clip) on its own host. */
  HEYGEN_UPLOAD_BASE_URL: httpUrl.default('https://upload.heygen.com'),
  HEYGEN_API_KEY: z.string().optional(),
  /** Stage 8's metrics: YouTube Data API v3 statistics and Instagram Reels insights, refreshed on a schedule. */
  YOUTUBE_BASE_URL: httpUrl.default('https://www.googleapis.com/youtube/v3'),
  YOUTUBE_API_KEY: z.string().optional(),
  INSTAGRAM_BASE_URL: httpUrl.default('https://graph.instagram.com/v23.0'),
  INSTAGRAM_ACCESS_TOKEN: z.string().optional(),
  /** Minutes between scheduled metric refreshes of one publication. */
  METRICS_REFRESH_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(360),
  /** Speech to text: an OpenAI-compatible /v1/audio/transcriptions server (configured when a URL or key is set)... */
  OPENAI_STT_BASE_URL: httpUrl.optional(),
  OPENAI_STT_API_KEY: z.string().optional(),
  OPENAI_STT_MODEL: z.string().default('whisper-1'),
  /** ...or a local whisper.cpp model file run by the whisper.cpp CLI (WHISPER_CPP_PATH, else whisper-cli on PATH). */
  WHISPER_MODEL_PATH: z.string().optional(),
  WHISPER_CPP_PATH: z.string().optional(),
  /** yt-dlp for video platform pages (Instagram, TikTok, YouTube Shorts, VK); default: yt-dlp on PATH. */
  YTDLP_PATH: z.string().optional(),
  /** Providers whose base URL a user may replace with their own server (with their own key, or none). */
  PROVIDER_USER_URLS: providerList.default(PROVIDER_IDS),
});

export type Config = Omit<z.infer<typeof envSchema>, 'SESSION_SECRET'> & { SESSION_SECRET: string; DATA_DIR: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; one error lists every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  if (parsed.data.DATABASE_URL && !parsed.data.SESSION_SECRET) {
    throw new ConfigError([
      'SESSION_SECRET: required with DATABASE_URL. Every API and worker process sharing the database must sign sessions and ' +
        'encrypt provider keys with the same secret; set the same value (32+ characters, e.g. `openssl rand -hex 32`) on each.',
    ]);
  }
  const dataDir = resolve(parsed.data.DATA_DIR);
  return { ...parsed.data, DATA_DIR: dataDir, SESSION_SECRET: parsed.data.SESSION_SECRET ?? sessionSecretIn(dataDir) };
}

/** A secret generated on first start and kept in DATA_DIR, so sessions survive restarts. */
function sessionSecretIn(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return readFileSync(file, 'utf8').trim();
    }
  }
}
