import { useEffect, useRef } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  chooseArticleImage,
  chooseStock,
  getStoryboard,
  importArticlePictures,
  listAssets,
  searchStock,
  storyboardKeys,
  updateScene,
  updateSettings,
  uploadAsset,
  type SceneUpdateBody,
  type StockMedia,
  type StoryboardSettingsBody,
  type StoryboardView,
  type UploadKind,
} from '../api/storyboard.ts';
import { useStoryboardWrite } from './useStoryboardWrite.ts';

export const useStoryboard = (projectId: string) =>
  useQuery({ queryKey: storyboardKeys.view(projectId), queryFn: ({ signal }) => getStoryboard(projectId, signal), staleTime: 0 });

/** Once per visit: when the article has pictures not in the project yet, fetch them, then read the storyboard again. */
export function useArticlePictures(projectId: string, view: StoryboardView | undefined) {
  const queryClient = useQueryClient();
  const started = useRef(false);
  const missing = Boolean(view?.articleImages.some((image) => image.assetId === null));
  const importing = useMutation({
    mutationFn: () => importArticlePictures(projectId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: storyboardKeys.view(projectId) }),
  });
  useEffect(() => {
    if (!missing || started.current) return;
    started.current = true;
    importing.mutate();
  }, [missing, importing]);
  return importing;
}

export const useSceneUpdate = (projectId: string) =>
  useStoryboardWrite(projectId, ({ sceneId, body }: { sceneId: string; body: SceneUpdateBody }, version) => updateScene(projectId, sceneId, body, version), (input) => input.sceneId);

export const useChooseStock = (projectId: string) =>
  useStoryboardWrite(
    projectId,
    ({ sceneId, media, id }: { sceneId: string; media: StockMedia; id: string }, version) => chooseStock(projectId, sceneId, { provider: 'pexels', media, id }, version),
    (input) => input.sceneId,
  );

export const useChooseArticleImage = (projectId: string) =>
  useStoryboardWrite(projectId, ({ sceneId, url }: { sceneId: string; url: string }, version) => chooseArticleImage(projectId, sceneId, url, version), (input) => input.sceneId);

export const useSettingsUpdate = (projectId: string) => useStoryboardWrite(projectId, (body: StoryboardSettingsBody, version) => updateSettings(projectId, body, version), () => null);

export const useProjectAssets = (projectId: string, kind: UploadKind) =>
  useQuery({ queryKey: storyboardKeys.assets(projectId, kind), queryFn: ({ signal }) => listAssets(projectId, kind, signal) });

export function useUpload(projectId: string, kind: UploadKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAsset(projectId, kind, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storyboardKeys.assets(projectId, kind) }),
  });
}

export function useStockSearch(projectId: string, search: { query: string; media: StockMedia; page: number } | null) {
  return useQuery({
    queryKey: storyboardKeys.stock(projectId, search?.query ?? '', search?.media ?? 'photo', search?.page ?? 1),
    queryFn: ({ signal }) => searchStock(projectId, search!, signal),
    enabled: Boolean(search?.query.trim()),
    staleTime: 10 * 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
}
