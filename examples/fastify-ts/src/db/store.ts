import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

// JSON files standing in for Postgres until we need one.
const dataDir = resolve(process.env.DATA_DIR ?? './data');

export function readRows<T>(table: string): T[] {
  try {
    return JSON.parse(readFileSync(join(dataDir, `${table}.json`), 'utf8')) as T[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export function writeRows<T>(table: string, rows: T[]): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `${table}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(rows, null, 2));
  renameSync(`${file}.tmp`, file);
}
