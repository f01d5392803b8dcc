/**
 * Lists the YAML files under a folder: `*.yaml` / `*.yml`, skipping `.git`, `node_modules` and
 * the exclude globs. Symbolic links are not followed (nothing outside the folder is read).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isExcluded } from '../analysis';

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

export function isYamlPath(p: string): boolean {
  return /\.ya?ml$/i.test(p);
}

export async function findYamlFiles(root: string, exclude: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (e.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(e.name) && !isExcluded(rel, exclude)) await walk(full);
      } else if (e.isFile() && isYamlPath(e.name) && !isExcluded(rel, exclude)) {
        out.push(full);
      }
    }
  };
  await walk(root);
  return out;
}

/**
 * True when `file` is inside one of the `roots` once every symbolic link is resolved (so a link
 * pointing out of the workspace folders is never read). Missing files are not inside.
 */
export async function isInsideRoots(file: string, roots: readonly string[]): Promise<boolean> {
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    return false;
  }
  for (const root of roots) {
    const r = await fs.realpath(root).catch(() => undefined);
    if (r && (real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep))) return true;
  }
  return false;
}
