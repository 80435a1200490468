import type { LibraryComparison, LibraryScript } from '../../../contracts/library.ts';

const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** Two versions scene by scene, by position: the same text, changed, or only in one of them. */
export function compareScripts(from: { version: number; script: LibraryScript }, to: { version: number; script: LibraryScript }): LibraryComparison {
  const count = Math.max(from.script.scenes.length, to.script.scenes.length);
  const scenes = Array.from({ length: count }, (_, index) => {
    const before = from.script.scenes[index]?.text ?? null;
    const after = to.script.scenes[index]?.text ?? null;
    const change = before === null ? 'added' : after === null ? 'removed' : same(before, after) ? 'same' : 'changed';
    return { index, change, before, after } as const;
  });
  return { from: from.version, to: to.version, scenes };
}
