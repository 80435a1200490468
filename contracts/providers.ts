import { z } from 'zod';

/** Providers a user can plug in with their own key; the embedded defaults need none. */
export const PROVIDERS = {
  openai: { kind: 'writer', label: 'OpenAI-compatible chat (OpenAI, Ollama, vLLM, LM Studio)', keyRequired: false },
  anthropic: { kind: 'writer', label: 'Anthropic Messages API', keyRequired: true },
  elevenlabs: { kind: 'voice', label: 'ElevenLabs', keyRequired: true },
  'openai-tts': { kind: 'voice', label: 'OpenAI-compatible speech (OpenAI, Kokoro, Piper)', keyRequired: false },
  pexels: { kind: 'stock', label: 'Pexels stock photos and videos', keyRequired: true },
  heygen: { kind: 'avatar', label: 'HeyGen avatars', keyRequired: true },
  youtube: { kind: 'metrics', label: 'YouTube Data API v3 (Shorts statistics)', keyRequired: true },
  instagram: { kind: 'metrics', label: 'Instagram Graph API (Reels insights; an access token)', keyRequired: true },
  'openai-stt': { kind: 'transcriber', label: 'OpenAI-compatible transcription (OpenAI, faster-whisper-server, LocalAI, whisper.cpp server)', keyRequired: false },
} as const;

export type ProviderId = keyof typeof PROVIDERS;
export const providerIdSchema = z.enum(Object.keys(PROVIDERS) as [ProviderId, ...ProviderId[]]);

/** Non-secret settings; which ones apply depends on the provider. */
export const providerSettingsSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(500).optional(),
  model: z.string().trim().min(1).max(200).optional(),
  voices: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  enabled: z.boolean().optional().describe('Use this provider instead of the embedded default'),
});
export type ProviderSettings = z.infer<typeof providerSettingsSchema>;

export const saveProviderBodySchema = z.object({
  apiKey: z.string().trim().min(1).max(500).nullable().optional().describe('Absent keeps the stored key; null removes it'),
  settings: providerSettingsSchema.optional(),
});

export const providerStatusSchema = z.object({
  provider: providerIdSchema,
  kind: z.enum(['writer', 'voice', 'stock', 'avatar', 'metrics', 'transcriber']),
  label: z.string(),
  hasKey: z.boolean().describe('A key is stored for you (it is never shown again)'),
  serverConfigured: z.boolean().describe('The server operator configured this provider for everyone'),
  settings: providerSettingsSchema,
});
export type ProviderStatus = z.infer<typeof providerStatusSchema>;
