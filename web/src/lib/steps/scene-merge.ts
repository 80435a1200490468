/**
 * Three-way merge of per-scene values (a choice, a text) after a 412: the version both sides
 * started from, this tab's values and the stored ones. A scene changed on one side only is taken
 * from that side; a scene changed on both keeps this tab's value, and is listed so the dialog
 * can say so.
 */
export interface SceneMerge<T> {
  merged: Record<string, T>;
  /** Scene ids changed here only, there only, and on both sides (to different values). */
  mine: string[];
  theirs: string[];
  both: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function mergeScenes<T>(base: Record<string, T>, mine: Record<string, T>, theirs: Record<string, T>): SceneMerge<T> {
  const ids = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  const result: SceneMerge<T> = { merged: {}, mine: [], theirs: [], both: [] };
  for (const id of ids) {
    const changedHere = !same(mine[id], base[id]);
    const changedThere = !same(theirs[id], base[id]);
    let value: T | undefined = theirs[id];
    if (changedHere && changedThere && !same(mine[id], theirs[id])) {
      result.both.push(id);
      value = mine[id];
    } else if (changedHere && !changedThere) {
      result.mine.push(id);
      value = mine[id];
    } else if (changedThere) {
      result.theirs.push(id);
    }
    if (value !== undefined) result.merged[id] = value;
  }
  return result;
}

/** The ids whose values differ between two sets of per-scene values. */
export function changedScenes<T>(from: Record<string, T>, to: Record<string, T>): string[] {
  const ids = new Set([...Object.keys(from), ...Object.keys(to)]);
  return [...ids].filter((id) => !same(from[id], to[id]));
}
