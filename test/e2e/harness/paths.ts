import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The billing-codemod checkout these tests run from. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
/** Installed dependencies per app, keyed by a hash of its package.json and lockfile (git-ignored). E2E_CACHE_DIR moves it. */
export const CACHE_DIR = process.env.E2E_CACHE_DIR ? path.resolve(process.env.E2E_CACHE_DIR) : path.join(REPO_ROOT, 'test/e2e/.cache');
/** The codemod's built CLI, as package.json's bin names it (`npm test` builds first). */
export { CLI as CLI_PATH } from '../../helpers/cli.js';
