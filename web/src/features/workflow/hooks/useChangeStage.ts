import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys.ts';
import { changeStage } from '../api/change-stage.ts';

export function useChangeStage(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stage: number) => changeStage(projectId, stage),
    onSuccess: (project) => {
      queryClient.setQueryData(queryKeys.project(projectId), project);
      return queryClient.invalidateQueries({ queryKey: queryKeys.projectLists });
    },
  });
}
