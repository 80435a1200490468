import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../lib/domain.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { login, logout, meQueryOptions, register } from '../api/auth.ts';

export const useMe = () => useQuery(meQueryOptions());

function useSignIn<T>(action: (input: T) => Promise<User>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (user) => {
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
