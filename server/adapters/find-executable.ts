import { accessSync, constants } from 'node:fs';

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on PATH, or null. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(':')) {
    if (dir && isExecutable(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return null;
}

/** An operator's explicit path (used only if executable), else the first of `names` on PATH. */
export function findTool(explicit: string | undefined, names: readonly string[]): string | null {
  if (explicit) return isExecutable(explicit) ? explicit : null;
  for (const name of names) {
    const found = findOnPath(name);
    if (found) return found;
  }
  return null;
}
