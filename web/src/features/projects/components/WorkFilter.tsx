import { useI18n } from '../../../i18n/i18n.tsx';
import { PROJECT_WORK_STATES, type ProjectWork } from '../api/projects.ts';

interface WorkFilterProps {
  value: ProjectWork | undefined;
  onChange: (work: ProjectWork | undefined) => void;
}

/** Filters the cards by the state of their video: rendering, ready, outdated. */
export function WorkFilter({ value, onChange }: WorkFilterProps) {
  const { t } = useI18n();
  const options: (ProjectWork | undefined)[] = [undefined, ...PROJECT_WORK_STATES];
  return (
    <div className="segmented" role="group" aria-label={t('projects.workFilter')}>
      {options.map((work) => (
        <button key={work ?? 'all'} type="button" className="segmented__item" aria-pressed={value === work} onClick={() => onChange(work)}>
          {work ? t(`work.${work}`) : t('projects.filterAll')}
        </button>
      ))}
    </div>
  );
}
