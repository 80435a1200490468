import type { Writer, WriterKind } from '../../../contracts/writer.ts';
import { createPinnedFetch } from '../../adapters/http/pinned-fetch.ts';
import { createWriter, type WriterConfig } from './create-writer.ts';
import type { Config } from '../../config.ts';
import type { CredentialsService, ResolvedProvider } from '../credentials/credentials.service.ts';
import { writerFailure } from './writer-errors.ts';

const LLM_PROVIDERS = ['openai', 'anthropic'] as const;

export interface WriterChoice {
  kind: WriterKind;
  /** 'user': the author's own enabled provider; 'server': what the operator configured. */
  source: 'user' | 'server';
  model: string | null;
  baseUrl: string | null;
}

interface Resolved {
  choice: WriterChoice;
  config: WriterConfig;
}

export interface WritersDeps {
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * Which writer works for a user: their own enabled LLM provider (saved under /api/providers with
 * settings.enabled), else the server's WRITER_PROVIDER (offline by default).
 */
export class WritersService {
  private readonly allowPrivateHosts: ReadonlySet<string>;

  constructor(
    private readonly credentials: CredentialsService,
    private readonly config: Config,
    private readonly deps: WritersDeps = {},
  ) {
    this.allowPrivateHosts = new Set(config.FETCH_ALLOW_PRIVATE_HOSTS);
  }

  async describe(userId: string): Promise<WriterChoice> {
    return (await this.resolve(userId)).choice;
  }

  async forUser(userId: string): Promise<Writer> {
    const { choice, config } = await this.resolve(userId);
    // An author's own base URL is fetched from this server: it gets the same address policy as article imports.
    const fetcher = choice.source === 'user' && choice.baseUrl ? this.guardedFetch() : this.deps.fetch;
    try {
      return createWriter(config, { fetch: fetcher, now: this.deps.now });
    } catch (error) {
      throw writerFailure(error);
    }
  }

  private async resolve(userId: string): Promise<Resolved> {
    for (const provider of LLM_PROVIDERS) {
      const resolved = await this.credentials.resolve(userId, provider);
      if (resolved?.source === 'user' && resolved.settings.enabled) return this.llm(provider, resolved, 'user');
    }
    const provider = this.config.WRITER_PROVIDER;
    if (provider === 'offline') return { choice: { kind: 'offline', source: 'server', model: null, baseUrl: null }, config: { provider: 'offline' } };
    const settings =
      provider === 'openai'
        ? { baseUrl: this.config.OPENAI_BASE_URL, model: this.config.OPENAI_MODEL, apiKey: this.config.OPENAI_API_KEY }
        : { baseUrl: this.config.ANTHROPIC_BASE_URL, model: this.config.ANTHROPIC_MODEL, apiKey: this.config.ANTHROPIC_API_KEY };
    return this.llm(provider, { apiKey: settings.apiKey, settings, source: 'server' }, 'server');
  }

  private llm(provider: 'openai' | 'anthropic', resolved: ResolvedProvider, source: 'user' | 'server'): Resolved {
    const baseUrl = resolved.settings.baseUrl ?? (provider === 'openai' ? this.config.OPENAI_BASE_URL : this.config.ANTHROPIC_BASE_URL);
    const model = resolved.settings.model ?? (provider === 'openai' ? this.config.OPENAI_MODEL : this.config.ANTHROPIC_MODEL);
    const config = { provider, baseUrl, model, apiKey: resolved.apiKey } as WriterConfig;
    return { choice: { kind: provider, source, model, baseUrl }, config };
  }

  private guardedFetch(): typeof fetch {
    return createPinnedFetch({ allowPrivateHosts: this.allowPrivateHosts });
  }
}
