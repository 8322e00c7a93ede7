// Config files are looked up from the package folder towards the repository root, nearest first.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findUp(fromDir: string, rootDir: string, names: string[]): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
    if (dir === rootDir || dirname(dir) === dir) return null;
  }
}
