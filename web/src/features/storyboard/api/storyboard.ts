import type { Asset } from '../../../../../contracts/assets.ts';
import type { StoryboardVisual } from '../../../../../contracts/step-data.ts';
import type {
  ChooseStockBody,
  Orientation,
  SceneUpdateBody,
  StockMedia,
  StockSearchResult,
  StoryboardSceneView,
  StoryboardSettingsBody,
  StoryboardView,
} from '../../../../../contracts/storyboard-api.ts';
import { http, request, send } from '../../../lib/http.ts';

export type { Asset, Orientation, SceneUpdateBody, StockMedia, StockSearchResult, StoryboardSceneView, StoryboardSettingsBody, StoryboardView, StoryboardVisual };
export type StockItem = StockSearchResult['items'][number];
export type CaptionStyle = StoryboardView['captionStyle'];
export type UploadKind = 'image' | 'video' | 'music' | 'source';

const project = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

export const storyboardKeys = {
  view: (projectId: string) => ['projects', 'one', projectId, 'storyboard'] as const,
  assets: (projectId: string, kind: UploadKind) => ['projects', 'one', projectId, 'assets', kind] as const,
  stock: (projectId: string, query: string, media: StockMedia, page: number) => ['projects', 'one', projectId, 'stock', query, media, page] as const,
};

export const getStoryboard = (projectId: string, signal?: AbortSignal) => http.get<StoryboardView>(`${project(projectId)}/storyboard`, signal);

/** Every storyboard write names the version of step 6 it was made on: a newer one answers 412 with the current step. */
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export const updateScene = (projectId: string, sceneId: string, body: SceneUpdateBody, baseVersion: number) =>
  http.patch<StoryboardView>(`${project(projectId)}/storyboard/scenes/${encodeURIComponent(sceneId)}`, body, { headers: ifMatch(baseVersion) });

export const updateSettings = (projectId: string, body: StoryboardSettingsBody, baseVersion: number) =>
  http.patch<StoryboardView>(`${project(projectId)}/storyboard/settings`, body, { headers: ifMatch(baseVersion) });

export const searchStock = (projectId: string, query: { query: string; media: StockMedia; page: number }, signal?: AbortSignal) => {
  const params = new URLSearchParams({ query: query.query, media: query.media, page: String(query.page), perPage: '12' });
  return http.get<StockSearchResult>(`${project(projectId)}/storyboard/stock?${params.toString()}`, signal);
};

export const chooseStock = (projectId: string, sceneId: string, body: ChooseStockBody, baseVersion: number) =>
  http.post<StoryboardView>(`${project(projectId)}/storyboard/scenes/${encodeURIComponent(sceneId)}/stock`, body, ifMatch(baseVersion));

export const chooseArticleImage = (projectId: string, sceneId: string, url: string, baseVersion: number) =>
  http.post<StoryboardView>(`${project(projectId)}/storyboard/scenes/${encodeURIComponent(sceneId)}/article-image`, { url }, ifMatch(baseVersion));

/** Downloads the article's pictures into the project; scenes left automatic show them afterwards. */
export const importArticlePictures = (projectId: string) => http.post<{ imported: number; usable: number; skipped: string[] }>(`${project(projectId)}/storyboard/article-pictures`, {});

export const listAssets = (projectId: string, kind: UploadKind, signal?: AbortSignal) => http.get<Asset[]>(`${project(projectId)}/assets?kind=${kind}`, signal);

export const deleteAsset = (assetId: string) => request<void>('DELETE', `/api/assets/${encodeURIComponent(assetId)}`);


/** Uploads a file; the server decides what it is from its bytes (415 for anything else, 413 when too big). */
export async function uploadAsset(projectId: string, kind: UploadKind, file: File): Promise<Asset> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send(`${project(projectId)}/assets?kind=${kind}`, { method: 'POST', body: form, headers: { accept: 'application/json' } });
  return (await response.json()) as Asset;
}

/** A frame as the render draws it, as a blob (errors come back as ApiError with the server's reason). */
export async function fetchPreview(projectId: string, at: { sceneId?: string; t?: number }, width: number, signal?: AbortSignal): Promise<Blob> {
  const params = new URLSearchParams({ width: String(width) });
  if (at.sceneId) params.set('sceneId', at.sceneId);
  if (at.t !== undefined) params.set('t', at.t.toFixed(2));
  const response = await send(`${project(projectId)}/storyboard/preview?${params.toString()}`, { signal, headers: { accept: 'image/png' } });
  return response.blob();
}

export const cardPreviewUrl = (card: { design: string; palette: string; text: string; aspect: string; width: number }) =>
  `/api/storyboard/card-preview?${new URLSearchParams({ design: card.design, palette: card.palette, text: card.text, aspect: card.aspect, width: String(card.width) }).toString()}`;
