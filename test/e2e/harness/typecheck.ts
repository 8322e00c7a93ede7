import path from 'node:path';
import type { AppCopy } from './app-copy.js';
import { run, type RunResult } from './process.js';

/** Runs the app's own TypeScript (`tsc --noEmit` from its node_modules) in the copy. */
export async function typecheck(app: Pick<AppCopy, 'dir' | 'name'>, options: { timeoutMs?: number } = {}): Promise<RunResult> {
  const tsc = path.join(app.dir, 'node_modules/typescript/bin/tsc');
  return run([process.execPath, tsc, '--noEmit', '-p', 'tsconfig.json'], { cwd: app.dir, timeoutMs: options.timeoutMs ?? 180_000 });
}
