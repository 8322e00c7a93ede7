import { existsSync } from 'node:fs';
import { CLI_PATH } from './paths.js';
import { childEnv, run, type RunResult } from './process.js';

/**
 * Runs the built codemod CLI (package.json's bin, `node dist/cli/cli.js ...args`) in `cwd`.
 * Exit codes: 0 ok, 3 applied with manual steps left; anything else is a failure for the caller to judge.
 */
export async function runCli(args: string[], cwd: string, options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunResult> {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} does not exist: run \`npm run build\` first (npm test does)`);
  return run([process.execPath, CLI_PATH, ...args], {
    cwd,
    env: childEnv({ CI: '1', ...options.env }),
    timeoutMs: options.timeoutMs ?? 120_000,
  });
}
