import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { type ApiError, isApiError } from '../../../lib/http.ts';
import { paths } from '../../../lib/paths.ts';
import { addFeed } from '../api/source.ts';

/** The feed an import refused as "this is a news feed" (details.reason FEED_URL), or null. */
export function feedOf(error: unknown): { url: string } | null {
  if (!isApiError(error)) return null;
  const details = (error as ApiError).details as { reason?: unknown; feedUrl?: unknown } | undefined;
  return details?.reason === 'FEED_URL' && typeof details.feedUrl === 'string' ? { url: details.feedUrl } : null;
}

/** "This is a news feed: add it to your feeds?" with the one click that does it. */
export function FeedOffer({ error }: { error: unknown }) {
  const { t, formatNumber } = useI18n();
  const feed = feedOf(error);
  const add = useMutation({ mutationFn: (url: string) => addFeed(url) });
  // Following it already is as good as adding it.
  const added = add.isSuccess || (isApiError(add.error, 409) && (add.error.details as { reason?: unknown } | undefined)?.reason === 'DUPLICATE_FEED');
  if (!feed) return null;
  if (added) {
    return (
      <Notice tone="success" testId="feed-added" actions={<Link to={paths.news}>{t('importError.toNews')}</Link>}>
        {t('importError.feedAdded')}
      </Notice>
    );
  }
  return (
    <>
      <Notice
        tone="info"
        testId="feed-offer"
        actions={
          <Button small variant="primary" busy={add.isPending} onClick={() => add.mutate(feed.url)}>
            {t('importError.addFeed')}
          </Button>
        }
      >
        {errorText(error, t, (n) => formatNumber(n, 0))}
      </Notice>
      {add.isError && <ErrorNotice error={add.error} />}
    </>
  );
}
