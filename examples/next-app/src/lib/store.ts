import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// One JSON file per table under DATA_DIR. Kept on disk (not in module state) so every route bundle and
// every hot reload sees the same data.
function tableFile(table: string): string {
  return path.join(path.resolve(process.env.DATA_DIR ?? './data'), `${table}.json`);
}

export function readTable<T>(table: string): T[] {
  try {
    return JSON.parse(readFileSync(tableFile(table), 'utf8')) as T[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export function writeTable<T>(table: string, rows: T[]): void {
  const file = tableFile(table);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(rows, null, 2));
  renameSync(tmp, file);
}
