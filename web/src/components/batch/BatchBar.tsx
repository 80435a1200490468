import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { type BatchItemInput, useStartBatch } from '../../lib/batch.ts';
import { paths } from '../../lib/paths.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';

/** Shown while items are selected: make a project (and optionally a video) from each, then follow them. */
export function BatchBar({ items, onClear }: { items: BatchItemInput[]; onClear: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [makeVideo, setMakeVideo] = useState(false);
  const start = useStartBatch();
  if (items.length === 0) return null;
  return (
    <div className="panel stack batch-bar" data-testid="batch-bar">
      <div className="row">
        <strong className="grow">{t('batch.selected', { n: items.length })}</strong>
        <label className="row small">
          <input type="checkbox" checked={makeVideo} onChange={(e) => setMakeVideo(e.target.checked)} />
          {t('batch.makeVideos')}
        </label>
        <Button variant="primary" small busy={start.isPending} onClick={() => start.mutate({ items, makeVideo }, { onSuccess: (batch) => void navigate(paths.batch(batch.id)) })}>
          {t('batch.start')}
        </Button>
        <Button variant="ghost" small onClick={onClear}>
          {t('batch.clear')}
        </Button>
      </div>
      {start.isError && <ErrorNotice error={start.error} />}
    </div>
  );
}
