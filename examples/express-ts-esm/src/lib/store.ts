// A tiny JSON-file store. Stands in for a real database while the product is small:
// every table is one file under DATA_DIR, read and written whole.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dataDir = path.resolve(process.env.DATA_DIR ?? './data');

function tableFile(table: string): string {
  return path.join(dataDir, `${table}.json`);
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
  mkdirSync(dataDir, { recursive: true });
  // Write then rename, so a crash never leaves half a file behind.
  const tmp = `${tableFile(table)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(rows, null, 2));
  renameSync(tmp, tableFile(table));
}
