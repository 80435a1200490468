import type { Translate } from '../../i18n/i18n.tsx';

/** A render plan problem in the reader's language where it is a known one; the server's words otherwise. */
export function problemText(problem: { path: string; message: string }, t: Translate): string {
  if (problem.path === 'step3.finalScript.scenes') return t('render.problem.noScript');
  const file = /^step(\d)\..*(assetId|clipAssetId)$/.exec(problem.path);
  if (file) return t('render.problem.missingFile', { stage: file[1]! });
  return problem.message;
}
