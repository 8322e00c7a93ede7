import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The billing-codemod checkout these tests run from. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
/** Installed dependencies per app, keyed by a hash of its package.json and lockfile (git-ignored). E2E_CACHE_DIR moves it. */
export const CACHE_DIR = process.env.E2E_CACHE_DIR ? path.resolve(process.env.E2E_CACHE_DIR) : path.join(REPO_ROOT, 'test/e2e/.cache');
/** The codemod's built CLI, as package.json's bin names it (`npm test` builds first). */
export const CLI_PATH = path.join(REPO_ROOT, (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['billing-codemod']!);
