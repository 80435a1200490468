import type { Orientation, StockItem, StockMedia } from '../../../contracts/storyboard-api.ts';

export interface StockSearchRequest {
  query: string;
  media: StockMedia;
  orientation: Orientation;
  page: number;
  perPage: number;
  /** e.g. "ru-RU": the language the query is written in. */
  locale?: string;
  signal?: AbortSignal;
}

export interface StockSearchPage {
  page: number;
  totalResults: number;
  hasMore: boolean;
  items: StockItem[];
}

/** A chosen item with the file to download for a frame of the given size. */
export interface StockDownload {
  item: StockItem;
  url: string;
  /** Media type the provider says the file has, e.g. "video/mp4"; null when it does not say. */
  fileType: string | null;
  width: number | null;
  height: number | null;
}

/** A stock media provider: search, and one item by id with the file that fits a frame. */
export interface StockProvider {
  readonly id: 'pexels';
  search(request: StockSearchRequest): Promise<StockSearchPage>;
  download(media: StockMedia, id: string, frame: { width: number; height: number }, signal?: AbortSignal): Promise<StockDownload>;
}

export type StockErrorKind = 'auth' | 'rate-limit' | 'not-found' | 'request' | 'server' | 'network' | 'timeout' | 'bad-response';

/** A provider failure, with a message an author can act on. */
export class StockError extends Error {
  constructor(
    message: string,
    readonly kind: StockErrorKind,
    readonly status?: number,
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.name = 'StockError';
  }
}
