import { useEffect, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StockFillResult } from '../../../../../contracts/storyboard-api.ts';
import { http } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { storyboardKeys, type StoryboardView } from '../api/storyboard.ts';

const fillWithStock = (projectId: string) => http.post<StockFillResult>(`/api/projects/${encodeURIComponent(projectId)}/storyboard/stock-fill`, {});

/**
 * The automatic storyboard's second pass, as "Make video" runs it: once the article's pictures are
 * in, scenes still on their automatic card get a Pexels photo. Only with a key, only until the
 * server has marked the fill done (so the author's later choices are never filled over), once per visit.
 */
export function useStockFill(projectId: string, view: StoryboardView | undefined, pictures: { isPending: boolean; isIdle: boolean }) {
  const queryClient = useQueryClient();
  const started = useRef(false);
  const picturesMissing = Boolean(view?.articleImages.some((image) => image.assetId === null));
  const picturesSettled = !pictures.isPending && !(pictures.isIdle && picturesMissing);
  const wanted = Boolean(view && view.capabilities.stock.configured && !view.stockFilled && view.scenes.length > 0);
  const filling = useMutation({
    mutationFn: () => fillWithStock(projectId),
    onSuccess: (result) => {
      if (result.filled.length === 0) return;
      void queryClient.invalidateQueries({ queryKey: storyboardKeys.view(projectId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) });
    },
  });
  useEffect(() => {
    if (!wanted || !picturesSettled || started.current) return;
    started.current = true;
    filling.mutate();
  }, [wanted, picturesSettled, filling]);
  return filling;
}
