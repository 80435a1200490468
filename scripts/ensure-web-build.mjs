// `npm start` runs this first: builds the web app when dist/web is missing or older than its
// sources, so `npm install && npm start` works on a fresh clone without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = join(root, 'dist/web/index.html');
// The web app imports contracts/, so a change there needs a rebuild too.
const sources = ['web', 'contracts', 'vite.config.ts', 'package.json'].map((p) => join(root, p));

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

function webBuildIsCurrent() {
  if (!existsSync(builtIndex)) return false;
  const builtAt = statSync(builtIndex).mtimeMs;
  return sources.every((source) => newestChange(source) <= builtAt);
}

if (webBuildIsCurrent()) {
  process.exit(0);
}
console.log('Building the web app (dist/web is missing or older than web/)…');
const vite = join(root, 'node_modules/vite/bin/vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('The web app build failed; see the messages above.');
  process.exit(result.status ?? 1);
}
