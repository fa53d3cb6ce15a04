import fs from 'node:fs';
import path from 'node:path';

/**
 * The repository root: the nearest folder above the working directory whose package.json is the
 * workspace root. (Found from the working directory rather than this file's URL, so the module also
 * loads under Jest's CommonJS transform.)
 */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ccas') {
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`not inside the ccas repository: ${start}`);
  }
}

export const repoRoot = findRepoRoot(process.cwd());
