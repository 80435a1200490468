import { Link } from 'react-router';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';

interface CopyCheck {
  flagged?: boolean;
  share?: number;
}

/**
 * The warning that the script repeats the transcript it was written from (step 3's copyCheck,
 * server/modules/writers/quality/near-copy.ts). Shown on the script and, for "Make video", next to the video.
 */
export function NearCopyNotice({ projectId, copyCheck, editLink }: { projectId: string; copyCheck: unknown; editLink: boolean }) {
  const { t } = useI18n();
  const check = (copyCheck ?? {}) as CopyCheck;
  if (!check.flagged) return null;
  const action = editLink ? <Link to={paths.stage(projectId, 4)}>{t('script.nearCopyEdit')}</Link> : undefined;
  return (
    <Notice tone="warning" testId="near-copy" title={t('script.nearCopyTitle')} actions={action}>
      {t('script.nearCopyBody', { percent: Math.round(Number(check.share ?? 0) * 100) })}
    </Notice>
  );
}
