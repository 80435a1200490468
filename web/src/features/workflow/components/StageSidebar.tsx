import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n, type Translate } from '../../../i18n/i18n.tsx';
import { stageName } from '../../../i18n/stage-text.ts';
import type { Project, Step } from '../../../lib/domain.ts';
import { paths } from '../../../lib/paths.ts';
import { stageStates, type StageProgress, type StageState } from '../stage-states.ts';

const LOCK_ICON = (
  <svg viewBox="0 0 16 16" width="13" height="13" fill="currentColor" aria-hidden="true">
    <path d="M5 7V5a3 3 0 0 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z" />
  </svg>
);
const MARKS: Record<StageProgress, ReactNode> = { done: '✓', skipped: '↷', locked: LOCK_ICON, current: null, reached: null, next: null };

function stateLabel(t: Translate, state: StageState): string {
  const parts = [t(`state.${state.progress}`)];
  if (state.isCurrent && state.progress !== 'current') parts.push(t('state.current'));
  return parts.join(' · ');
}

interface StageSidebarProps {
  project: Project;
  steps: readonly Step[];
  /** The stage on screen. */
  viewing: number;
}

/** Every stage with its state in words (not colour alone), each linking to its screen. */
export function StageSidebar({ project, steps, viewing }: StageSidebarProps) {
  const { t } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);

  // On narrow screens the list is a horizontal strip: keep the stage on screen visible in it.
  useEffect(() => {
    const list = listRef.current;
    const active = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && active && list.scrollWidth > list.clientWidth) {
      list.scrollLeft += active.getBoundingClientRect().left - list.getBoundingClientRect().left - 48;
    }
  }, [viewing]);

  return (
    <nav className="stages" aria-label={t('project.stages')}>
      <ol className="stages__list" ref={listRef}>
        {stageStates(project, steps).map((state) => (
          <li key={state.stage}>
            <Link
              to={paths.stage(project.id, state.stage)}
              className={`stage-link stage-link--${state.progress}${state.isCurrent ? ' stage-link--current' : ''}`}
              aria-current={state.stage === viewing ? 'page' : undefined}
              data-testid={`stage-link-${state.stage}`}
              data-state={state.progress}
              data-stale={state.stale || undefined}
            >
              <span className="stage-link__mark" aria-hidden="true">
                {MARKS[state.progress] ?? state.stage}
              </span>
              <span className="stage-link__text">
                <span className="stage-link__name">
                  <span className="visually-hidden">{state.stage}. </span>
                  {stageName(t, state.stage)}
                </span>
                <span className="stage-link__state">
                  {stateLabel(t, state)}
                  {state.stale && <span className="stage-link__stale"> · ⚠ {t('state.stale')}</span>}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
