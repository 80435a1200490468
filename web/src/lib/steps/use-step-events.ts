import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Step } from '../domain.ts';
import { queryKeys } from '../query-keys.ts';

interface StepVersion {
  stepNumber: number;
  version: number;
  stale: boolean;
}

/** While a write of this tab is under way its own change may show up first: look again a little later. */
const RECHECK_MS = 400;

/**
 * Follows the project's steps over server-sent events. A version this tab does not know yet was
 * written elsewhere (another tab, another device, a job): the steps are read again and
 * `onChangedElsewhere` gets the stage numbers, so a screen can warn before its edits go over them.
 */
export function useStepEvents(projectId: string, onChangedElsewhere: (stages: number[]) => void) {
  const queryClient = useQueryClient();
  const callback = useRef(onChangedElsewhere);
  callback.current = onChangedElsewhere;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (versions: StepVersion[]) => {
      clearTimeout(timer);
      if (queryClient.isMutating() > 0) {
        timer = setTimeout(() => check(versions), RECHECK_MS);
        return;
      }
      const known = queryClient.getQueryData<Step[]>(queryKeys.steps(projectId));
      if (!known) return;
      const mineOf = (v: StepVersion) => known.find((s) => s.stepNumber === v.stepNumber);
      const written = versions.filter((v) => v.version > (mineOf(v)?.version ?? 0));
      if (written.length === 0 && versions.every((v) => mineOf(v)?.stale === v.stale || !mineOf(v))) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId), exact: true });
      if (written.length > 0) callback.current(written.map((v) => v.stepNumber));
    };
    const events = new EventSource(`/api/projects/${encodeURIComponent(projectId)}/steps/events`);
    events.addEventListener('steps', (event) => check(JSON.parse((event as MessageEvent<string>).data) as StepVersion[]));
    return () => {
      clearTimeout(timer);
      events.close();
    };
  }, [projectId, queryClient]);
}
