import { useI18n } from '../../i18n/i18n.tsx';
import { errorText } from '../../lib/error-text.ts';
import { Button } from './Button.tsx';
import { Notice } from './Notice.tsx';

interface ErrorNoticeProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function ErrorNotice({ error, title, onRetry }: ErrorNoticeProps) {
  const { t, formatNumber } = useI18n();
  return (
    <Notice
      tone="danger"
      title={title}
      actions={
        onRetry && (
          <Button small onClick={onRetry}>
            {t('error.retry')}
          </Button>
        )
      }
    >
      {errorText(error, t, (n) => formatNumber(n, 0))}
    </Notice>
  );
}
