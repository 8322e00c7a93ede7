import { Command } from 'commander';
import { openWorkspace } from '../areas/run.js';
import { renderStackSummary } from '../detect/summary.js';
import type { StackInfo } from '../detect/types.js';
import { EXIT, runCommand } from './exit.js';

export function detectCommand(): Command {
  return new Command('detect')
    .description('show the stack, signup handlers and billable calls of an app (or each app of a monorepo)')
    .argument('[dir]', 'the app or repository folder', '.')
    .option('--json', 'print the StackInfo record as JSON')
    .action((dir: string, opts: { json?: boolean }) =>
      runCommand(async () => {
        const ws = await openWorkspace(dir);
        const stack: StackInfo = { packages: ws.packages.map((p) => p.info) };
        process.stdout.write(opts.json ? `${JSON.stringify(stack, null, 2)}\n` : `${renderStackSummary(stack, Boolean(process.stdout.isTTY))}\n`);
        return EXIT.ok;
      }),
    );
}
