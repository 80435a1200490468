import type { Writer, WriterKind } from '../../../contracts/writer.ts';
import type { ChatTransport } from '../../adapters/llm/transport.ts';
import { createWriter, transportFor, type WriterConfig } from './create-writer.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/errors.ts';
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
  /** The pinned client the provider is called with (credentials decide which hosts it trusts). */
  fetch?: typeof fetch;
}

export interface WritersDeps {
  now?: () => Date;
}

/**
 * Which writer works for a user: their own enabled LLM provider (saved under /api/providers with
 * settings.enabled), else the server's WRITER_PROVIDER (offline by default).
 */
export class WritersService {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly config: Config,
    private readonly deps: WritersDeps = {},
  ) {}

  async describe(userId: string): Promise<WriterChoice> {
    return (await this.resolve(userId)).choice;
  }

  async forUser(userId: string): Promise<Writer> {
    const { config, fetch } = await this.resolve(userId);
    try {
      return createWriter(config, { fetch, now: this.deps.now });
    } catch (error) {
      throw writerFailure(error);
    }
  }

  /** The user's LLM as a chat transport for other structured requests; null when they write offline. */
  async chatFor(userId: string): Promise<ChatTransport | null> {
    const { config, fetch } = await this.resolve(userId);
    return transportFor(config, { fetch });
  }

  private async resolve(userId: string): Promise<Resolved> {
    for (const provider of LLM_PROVIDERS) {
      const resolved = await this.credentials.resolve(userId, provider);
      if (resolved?.source !== 'user' || !resolved.settings.enabled) continue;
      if (resolved.unavailable) throw new AppError('PROVIDER_NOT_CONFIGURED', resolved.unavailable, { provider });
      return this.llm(provider, resolved, 'user');
    }
    const provider = this.config.WRITER_PROVIDER;
    if (provider === 'offline') return { choice: { kind: 'offline', source: 'server', model: null, baseUrl: null }, config: { provider: 'offline' } };
    return this.llm(provider, this.credentials.operator(provider), 'server');
  }

  private llm(provider: 'openai' | 'anthropic', resolved: ResolvedProvider, source: 'user' | 'server'): Resolved {
    const baseUrl = resolved.settings.baseUrl ?? (provider === 'openai' ? this.config.OPENAI_BASE_URL : this.config.ANTHROPIC_BASE_URL);
    const model = resolved.settings.model ?? (provider === 'openai' ? this.config.OPENAI_MODEL : this.config.ANTHROPIC_MODEL);
    const config = { provider, baseUrl, model, apiKey: resolved.apiKey } as WriterConfig;
    return { choice: { kind: provider, source, model, baseUrl }, config, fetch: resolved.fetch };
  }
}
