// Per-test copies of an example app: a temp folder holding the app's files as a fresh git repo, with
// `node_modules` a symlink to the shared cached install (cheap, and Node, tsc and Next all follow it).
import { cpSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureDeps } from './deps.js';
import { loadE2eConfig, type E2eConfig } from './e2e-config.js';
import { initRepo } from './git.js';
import { EXAMPLES_DIR } from './paths.js';

export interface AppCopy {
  /** Example app name, e.g. `express-ts-esm`. */
  name: string;
  /** Temp folder holding the copy (a git repo with one commit). */
  dir: string;
  config: E2eConfig;
  /** Folder whose node_modules the copy links to. */
  depsDir: string;
  /** Removes the copy (kept when E2E_KEEP=1, for poking at a failure). */
  cleanup(): Promise<void>;
}

/** Top-level entries never copied: installs, build output, app state, local secrets, and the harness's own e2e.json. */
const SKIP = new Set(['node_modules', '.next', 'dist', 'data', '.env', '.env.local', 'next-env.d.ts', 'tsconfig.tsbuildinfo', 'e2e.json']);

export async function prepareApp(name: string): Promise<AppCopy> {
  const source = path.join(EXAMPLES_DIR, name);
  const config = loadE2eConfig(name);
  const depsDir = await ensureDeps(name);
  const dir = await mkdtemp(path.join(os.tmpdir(), `billing-e2e-${name}-`));
  try {
    cpSync(source, dir, {
      recursive: true,
      filter: (src) => {
        const rel = path.relative(source, src);
        return !SKIP.has(rel.split(path.sep)[0]!);
      },
    });
    symlinkSync(path.join(depsDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    // The apps' own .gitignore lists node_modules too; this keeps the link out even if one forgets.
    await initRepo(dir, ['node_modules']);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    name,
    dir,
    config,
    depsDir,
    async cleanup() {
      if (process.env.E2E_KEEP === '1') {
        console.log(`E2E_KEEP=1: leaving ${dir}`);
        return;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
