import fs from 'node:fs';
import path from 'node:path';

// JSON files under DATA_DIR: a stand-in database that survives dev-server reloads.
const dataDir = () => path.resolve(process.env.DATA_DIR || './data');

export function load<T>(name: string): T[] {
  const file = path.join(dataDir(), `${name}.json`);
  if (!fs.existsSync(file)) return [];
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T[];
}

export function save<T>(name: string, rows: T[]): void {
  fs.mkdirSync(dataDir(), { recursive: true });
  const file = path.join(dataDir(), `${name}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(rows, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
