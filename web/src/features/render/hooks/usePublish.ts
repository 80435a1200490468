import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys.ts';
import { draftPublish, renderKeys, savePublish, type PublishMetadata } from '../api/render.ts';

/** Drafting (by the writer) and saving the publish text; both change step 7 and the stage state. */
export function usePublish(projectId: string, onStored: (metadata: PublishMetadata) => void) {
  const queryClient = useQueryClient();
  const stored = (metadata: PublishMetadata) => {
    onStored(metadata);
    void queryClient.invalidateQueries({ queryKey: renderKeys.state(projectId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) });
  };
  const draft = useMutation({ mutationFn: () => draftPublish(projectId), onSuccess: stored });
  const save = useMutation({ mutationFn: (body: PublishMetadata) => savePublish(projectId, body), onSuccess: stored });
  return { draft, save };
}
