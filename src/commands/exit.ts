// Exit codes every command shares, and the one place errors become messages and codes.
import pc from 'picocolors';
import { UsageError } from '../usage-error.js';
import { ConfigError } from '../config/load.js';

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** Applied, with manual steps left for a person (or nothing could be applied and the user must act). */
  manual: 3,
} as const;

/** Runs a command body, turning known errors into a message and an exit code. */
export async function runCommand(body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`${pc.red('error')} ${error.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    process.stderr.write(`${pc.red('error')} ${(error as Error).message}\n`);
    if (process.env.BILLING_CODEMOD_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = EXIT.failure;
  }
}

export function interactive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}
