import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { User } from '../../../lib/domain.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { login, logout, meQueryOptions, register, saveLanguage } from '../api/auth.ts';

export const useMe = () => useQuery(meQueryOptions());

function useSignIn<T>(action: (input: T) => Promise<User>) {
  const queryClient = useQueryClient();
  const { language, setLanguage } = useI18n();
  return useMutation({
    mutationFn: action,
    onSuccess: (user) => {
      // The account's language follows the user from device to device; a new account takes the screen's.
      if (user.language) setLanguage(user.language);
      else void saveLanguage(language).catch(() => undefined);
      // Another account may have used this tab: nothing cached may leak across.
      queryClient.removeQueries({ queryKey: queryKeys.projects });
      queryClient.removeQueries({ queryKey: queryKeys.sessionExpired });
      queryClient.setQueryData(queryKeys.me, user);
    },
  });
}

export const useLogin = () => useSignIn(login);
export const useRegister = () => useSignIn(register);

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.removeQueries({ queryKey: queryKeys.projects });
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}
