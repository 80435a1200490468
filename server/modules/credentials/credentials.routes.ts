import { z } from 'zod';
import { providerIdSchema, providerStatusSchema, saveProviderBodySchema } from '../../../contracts/providers.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { CredentialsService } from './credentials.service.ts';

const providerParams = z.object({ provider: providerIdSchema });

export function registerCredentialRoutes(router: ApiRouter, credentials: CredentialsService) {
  router.add({
    method: 'GET',
    url: '/api/providers',
    summary: 'Plug-in providers (LLM writers, voices, stock, avatars): what is configured; keys are never returned',
    tags: ['providers'],
    response: z.array(providerStatusSchema),
    handler: ({ user }) => credentials.list(user),
  });

  router.add({
    method: 'PUT',
    url: '/api/providers/:provider',
    summary: 'Save your key and settings for a provider (the key is encrypted at rest)',
    tags: ['providers'],
    params: providerParams,
    body: saveProviderBodySchema,
    response: providerStatusSchema,
    handler: ({ user, params, body }) => credentials.save(user, params.provider, body),
  });

  router.add({
    method: 'DELETE',
    url: '/api/providers/:provider',
    summary: 'Forget your key and settings for a provider',
    tags: ['providers'],
    params: providerParams,
    status: 204,
    handler: ({ user, params }) => credentials.remove(user, params.provider),
  });
}
