import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getWriter, listProviders, type ProviderId, type ProviderSettings, removeProvider, saveProvider } from '../api/providers.ts';

const PROVIDERS = ['providers'] as const;
/** Shared with the stage screens that show which writer is active. */
const WRITER = ['writer'] as const;

export const useProviders = () => useQuery({ queryKey: PROVIDERS, queryFn: ({ signal }) => listProviders(signal) });
export const useActiveWriter = () => useQuery({ queryKey: WRITER, queryFn: ({ signal }) => getWriter(signal) });

function useChanged() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: PROVIDERS }), queryClient.invalidateQueries({ queryKey: WRITER })]);
}

export function useSaveProvider() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ provider, apiKey, settings }: { provider: ProviderId; apiKey?: string | null; settings?: ProviderSettings }) => saveProvider(provider, { apiKey, settings }),
    onSuccess: changed,
  });
}

export function useRemoveProvider() {
  const changed = useChanged();
  return useMutation({ mutationFn: removeProvider, onSuccess: changed });
}
