import { useI18n } from '../../../i18n/i18n.tsx';
import { PROJECT_STATUSES, type ProjectStatus } from '../../../lib/domain.ts';

interface StatusFilterProps {
  value: ProjectStatus | undefined;
  onChange: (status: ProjectStatus | undefined) => void;
}

export function StatusFilter({ value, onChange }: StatusFilterProps) {
  const { t } = useI18n();
  const options: (ProjectStatus | undefined)[] = [undefined, ...PROJECT_STATUSES];
  return (
    <div className="segmented" role="group" aria-label={t('projects.filter')}>
      {options.map((status) => (
        <button
          key={status ?? 'all'}
          type="button"
          className="segmented__item"
          aria-pressed={value === status}
          onClick={() => onChange(status)}
        >
          {status ? t(`status.${status}`) : t('projects.filterAll')}
        </button>
      ))}
    </div>
  );
}
